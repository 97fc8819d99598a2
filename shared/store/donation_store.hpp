// Donations in the site database, and the balance the 社会捐赠 share of meals draws on.
// A donation is never edited or deleted; a mistake is corrected by a staff note in the audit log.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/donation.hpp"
#include "shared/core/money.hpp"
#include "shared/store/database.hpp"

namespace mh {

class DonationStore {
public:
    explicit DonationStore(Database& db) : m_db(db) {}

    // Returns the new id. The caller holds the transaction (the audit entry goes with it).
    std::int64_t insert(const Donation& d, const std::string& recordedAt);
    // Donations with day in [from, to] (inclusive, YYYY-MM-DD), by day then id.
    [[nodiscard]] std::vector<Donation> forDays(const std::string& from, const std::string& to);
    // The balance as of the end of local day `asOf`.
    [[nodiscard]] DonationBalance balance(LocalDate asOf);

private:
    Database& m_db;
};

// Staff-screen wording of the level: "捐赠余额 1200.00 元，约可用 5 天，请及时补充" etc.
std::string donationBalanceText(const DonationBalance& b, bool english);

}  // namespace mh

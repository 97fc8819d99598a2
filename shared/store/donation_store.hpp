// Donations in the site database, and the balance the 社会捐赠 share of meals draws on.
// A donation is never edited or deleted; a mistake is corrected by a staff note in the audit log.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/store/database.hpp"

namespace mh {

struct Donation {
    std::int64_t donationId = 0;
    std::string donor;
    Fen amountFen = 0;
    std::string day;      // YYYY-MM-DD, local
    std::string purpose;
    bool named = false;   // the donor agrees to be on the honour roll (光荣榜)
};

// How long the donations still cover the donation share of meals.
enum class DonationLevel {
    Ok,         // enough for at least kDonationWarnDays at the recent rate, or nothing is drawn
    Low,        // covers fewer than kDonationWarnDays
    Exhausted,  // nothing left (or overdrawn) while meals still draw on it
};
inline constexpr int kDonationWarnDays = 7;
inline constexpr int kDonationRateWindowDays = 28;

struct DonationBalance {
    Fen receivedFen = 0;   // every donation up to and including the day
    Fen spentFen = 0;      // donation shares of counted (not voided) check-ins up to the day
    Fen recentFen = 0;     // donation shares of the last kDonationRateWindowDays days
    [[nodiscard]] Fen balanceFen() const { return subFen(receivedFen, spentFen); }
    // Whole days the balance covers at the recent daily rate; -1 when nothing is drawn recently.
    [[nodiscard]] int daysCovered() const;
    [[nodiscard]] DonationLevel level() const;
};

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

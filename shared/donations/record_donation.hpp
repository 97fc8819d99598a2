// Recording a donation (社会捐赠): the one place its checks, its write and its audit entry live.
// `donation add`, the staff screen's donation form and the demo all come here.
#pragma once
#include <optional>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"
#include "shared/store/donation_store.hpp"

namespace mh {

// 1 fen up to kMaxDonationFen (shared/core/money.hpp: 10,000,000 fen, 100,000 yuan): a typo of extra
// zeros is stopped before it inflates the balance, and a peer is held to the same bound (contract 11).

struct DonationRequest {
    std::string donor;              // as the staff wrote it; trimmed, never rewritten
    Fen amountFen;
    std::optional<LocalDate> day;   // when the gift was received; none: today
    std::string purpose;
    bool named = false;             // the donor agrees to be on the honour roll
    std::string actor;              // who records it, for the audit log (cli, staff-screen, demo)
};

// Error codes: donation.donor, donation.amount, donation.date (the request; nothing written) and
// store.full / store.error (the write failed; nothing written).
Result<Donation> recordDonation(Database& db, const DonationRequest& req, LocalDate today, const std::string& nowIso);

}  // namespace mh

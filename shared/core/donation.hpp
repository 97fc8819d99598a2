// A donation and the donation balance as values: the store reads and writes them
// (shared/store/donation_store.hpp), the monthly posting prints them, and the PostingSink port carries
// them, so they sit in core below all three.
#pragma once
#include <cstdint>
#include <string>

#include "shared/core/money.hpp"

namespace mh {

struct Donation {
    std::int64_t donationId = 0;
    std::string donor;
    Fen amountFen;
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
    Fen receivedFen;   // every donation up to and including the day
    Fen spentFen;      // donation shares of counted (not voided) check-ins up to the day
    Fen recentFen;     // donation shares of the last kDonationRateWindowDays days
    [[nodiscard]] Fen balanceFen() const { return subFen(receivedFen, spentFen); }
    // Whole days the balance covers at the recent daily rate; -1 when nothing is drawn recently.
    [[nodiscard]] int daysCovered() const;
    [[nodiscard]] DonationLevel level() const;
};

}  // namespace mh

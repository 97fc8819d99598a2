// How long the donation balance lasts at the recent rate (shared/core/donation.hpp).
#include "shared/core/donation.hpp"

#include <cstdint>

namespace mh {

int DonationBalance::daysCovered() const {
    if (recentFen <= Fen{0}) return -1;
    Fen bal = balanceFen();
    if (bal <= Fen{0}) return 0;
    // bal / (recent / window), in integers; 128 bits so a huge balance cannot wrap, capped to an int.
    // Money over money is a plain ratio, so both leave Fen here.
    __int128 days = static_cast<__int128>(bal.value()) * kDonationRateWindowDays / recentFen.value();
    return days > INT32_MAX ? INT32_MAX : int(days);
}

DonationLevel DonationBalance::level() const {
    if (recentFen <= Fen{0}) return balanceFen() < Fen{0} ? DonationLevel::Exhausted : DonationLevel::Ok;
    if (balanceFen() <= Fen{0}) return DonationLevel::Exhausted;
    return daysCovered() < kDonationWarnDays ? DonationLevel::Low : DonationLevel::Ok;
}

}  // namespace mh

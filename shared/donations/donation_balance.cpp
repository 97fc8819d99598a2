// The donation balance and recent donors (see donation_balance.hpp).
#include "shared/donations/donation_balance.hpp"

#include <algorithm>

namespace mh {

DonationBalance donationBalance(Site& site, LocalDate asOf) { return DonationStore(site.db()).balance(asOf); }

std::vector<std::string> recentDonors(Site& site, LocalDate today, int limit, const std::string& anonymous) {
    std::vector<std::string> donors;
    auto all = DonationStore(site.db()).forDays("0000-01-01", today.iso());
    for (auto it = all.rbegin(); it != all.rend() && int(donors.size()) < limit; ++it)
        if (it->donor != anonymous && std::find(donors.begin(), donors.end(), it->donor) == donors.end())
            donors.push_back(it->donor);
    return donors;
}

}  // namespace mh

// The donation balance the 社会捐赠 share of meals draws on, and the donors staff pick from: what
// `donation add` prints after recording and what the staff screen's heading and form show.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"
#include "shared/store/donation_store.hpp"

namespace mh {

// The balance as of the end of local day `asOf`. Throws StoreError when the database cannot be read.
DonationBalance donationBalance(Site& site, LocalDate asOf);

// Up to `limit` distinct donors, most recent gift first, up to and including `today`, leaving out
// `anonymous` (the form offers it on its own). As stored: the screen makes them drawable.
std::vector<std::string> recentDonors(Site& site, LocalDate today, int limit, const std::string& anonymous);

}  // namespace mh

// The day's route sheet for the driver (contract 12, `delivery sheet`): every counted delivered meal
// of the day at any terminal of the site, by village, with the masked name, the phone to call at the
// door and a column for the elder's (or a relative's) signature.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct RouteStop {
    std::int64_t recordId = 0;  // for `delivery --record` when the driver is back
    std::string maskedName, village, phone, service;  // service: its name from site.toml
    std::string outcome;  // already recorded: delivered; empty: not yet
};

struct RouteSheet {
    std::string siteName;
    LocalDate day;
    std::vector<RouteStop> stops;  // by village, then record order
};

// Reads only; throws StoreError when the database cannot be read.
RouteSheet routeSheet(Site& site, LocalDate day);

}  // namespace mh

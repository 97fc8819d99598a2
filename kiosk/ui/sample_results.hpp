// Results for screenshots and previews: priced by the site's real policy for a real roster elder,
// but not recorded (a screenshot must not check anyone in).
#pragma once
#include "shared/checkin/scan_result.hpp"
#include "shared/site/site.hpp"

namespace mh::ui {

// The first active elder with a name (an empty roster gives 张桂兰); `serviceId` empty: lunch or the
// first meal.
ScanResult sampleResult(Site& site, Outcome outcome, LocalDate day, const std::string& serviceId, bool delivered = false);

}  // namespace mh::ui

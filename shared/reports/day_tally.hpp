// The day's tally as it stands now (`kiosk tally`, the demo's lunch summary): built from this
// terminal's own records exactly as the outbox will freeze it, so what a person reads here is what
// the county gets. Lives above shared/tally (the arithmetic) and shared/upload (the revisions).
#pragma once
#include <string>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

// `day`'s tally of this terminal's own records, under the revision number its upload carries (or
// will carry) and this terminal's id; `nowIso` stamps it. Reads only; throws StoreError when the
// database cannot be read.
DailyTally tallyOfDay(Site& site, LocalDate day, const std::string& nowIso);

}  // namespace mh

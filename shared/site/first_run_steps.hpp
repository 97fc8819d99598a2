// What the first-run flow records about its optional steps: a step staff skipped (the roster, the
// county setup card) is written to the new site's audit log, so the county can tell "not done yet"
// from "forgotten" when it looks at a terminal later.
#pragma once
#include <string>

#include "shared/site/site.hpp"

namespace mh {

// The first run's steps that may be skipped.
enum class FirstRunSkippable { Roster, SetupCard };

// One `firstrun.skip` entry naming the step, by `actor` at `nowIso`. Throws StoreError when the
// database refuses the write.
void recordFirstRunSkip(Site& site, FirstRunSkippable step, const std::string& actor, const std::string& nowIso);

}  // namespace mh

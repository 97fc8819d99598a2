// What the policy counts its limits on: an elder's counted uses of the month, read from the store.
// Beside the policy (not the engine) because the engine, the scan preview and `policy explain` all
// price a check-in the same way, and the last two must not depend on the engine.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/site/site_config.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh {

// The elder's counted records of `day`'s calendar month (every day of it), as the policy counts them; empty when
// no rule has a limit (nothing to count). Call inside the write transaction that records the use.
std::vector<PriorUse> policyHistory(CheckinStore& checkins, const SiteConfig& cfg, const std::string& elderId,
                                    LocalDate day);

}  // namespace mh

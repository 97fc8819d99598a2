// What the policy counts its limits on, and finds duplicates in: an elder's counted uses, read from
// the store. In the policy (not the engine) because the engine, the scan preview and `policy
// explain` all decide a check-in the same way, and the last two must not depend on the engine.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/ids.hpp"
#include "shared/policy/policy_config.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/database.hpp"

namespace mh {

// The elder's counted records of `day`'s calendar month (every day of it) when some limit counts
// the month, else of `day` only (enough to find a duplicate and count per-day limits). Call inside
// the write transaction that records the use.
std::vector<PriorUse> policyHistory(CheckinStore& checkins, const PolicyConfig& policy, const ElderId& elder,
                                    LocalDate day);

// The day's per = "elder_day" operating money (contract 10, policy v3), worked out over the day's
// counted records this terminal has seen (its own and its peers'): each goes to the elder's earliest
// matching record. Empty, with no query, when site.toml has no such subsidy.
std::vector<ElderDayShare> elderDayShares(Database& db, const PolicyConfig& policy, LocalDate day);

}  // namespace mh

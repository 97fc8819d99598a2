// The first run's skipped steps (see first_run_steps.hpp).
#include "shared/site/first_run_steps.hpp"

#include "shared/store/audit_log.hpp"

namespace mh {

void recordFirstRunSkip(Site& site, FirstRunSkippable step, const std::string& actor, const std::string& nowIso) {
    AuditLog(site.db()).append(nowIso, actor, "firstrun.skip", step == FirstRunSkippable::Roster ? "roster" : "setup-card", "");
}

}  // namespace mh

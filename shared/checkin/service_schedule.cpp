#include "shared/checkin/service_schedule.hpp"

namespace mh {

ServiceAtTime serviceAt(const SiteConfig& cfg, WallTime now) {
    const auto& services = cfg.services;
    ServiceAtTime at;
    for (const auto& s : services)
        if (s.atDoor && s.isOpenAt(now) && (!at.service || (s.kind == ServiceKind::Meal && at.service->kind != ServiceKind::Meal)))
            at = {&s, true, false};
    if (at.service) return at;
    for (const auto& s : services)
        if (s.atDoor && s.kind == ServiceKind::Meal && s.opens > now && (!at.service || s.opens < at.service->opens)) at.service = &s;
    if (at.service) return at;
    for (const auto& s : services)
        if (s.atDoor && s.kind == ServiceKind::Meal && (!at.service || s.opens < at.service->opens)) at = {&s, false, true};
    return at;
}

}  // namespace mh

#include "shared/checkin/door_services.hpp"

namespace mh {

DoorServices doorServicesAt(const SiteConfig& cfg, WallTime now) {
    DoorServices meals, others;
    for (const auto& s : cfg.services) {
        if (!s.atDoor || !s.isOpenAt(now)) continue;
        (s.kind == ServiceKind::Meal ? meals : others).open.push_back(&s);
    }
    return meals.open.empty() ? others : meals;
}

std::vector<const ServiceDef*> openServicesAt(const SiteConfig& cfg, WallTime now) {
    std::vector<const ServiceDef*> out;
    for (const auto& s : cfg.services)
        if (s.isOpenAt(now)) out.push_back(&s);
    return out;
}

}  // namespace mh

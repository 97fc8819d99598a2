// Which service a scan at the door is for at a given time: the kiosk records scans for it, the
// waiting screen names it, the staff's "who has not come" list is about it.
#pragma once
#include "shared/core/dates.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

struct ServiceAtTime {
    const ServiceDef* service = nullptr;  // none: the site has no service open and no meal to come
    bool openNow = false;
    bool tomorrow = false;                // nothing more today: the first meal of tomorrow
};

// A meal that is open wins over another open service (services the door does not take, at_door =
// false, are never the door's); else the next meal today; else the first
// meal of tomorrow; else nothing.
ServiceAtTime serviceAt(const SiteConfig& cfg, WallTime now);

}  // namespace mh

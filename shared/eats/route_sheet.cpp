#include "shared/eats/route_sheet.hpp"

#include <algorithm>

#include "shared/core/text.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

RouteSheet routeSheet(Site& site, LocalDate day) {
    RouteSheet sheet{site.config().name, day, {}};
    ElderStore elders(site.db());
    for (const CheckinRecord& r : CheckinStore(site.db()).forDay(day.iso())) {
        if (!r.delivered || r.voided) continue;
        RouteStop s;
        s.recordId = r.recordId;
        const ServiceDef* svc = site.config().findService(r.service.str());
        s.service = svc ? svc->name : r.service.str();
        s.outcome = r.deliveryOutcome.value_or("");
        if (auto e = elders.byElderId(r.elderId)) {
            s.maskedName = maskName(e->name);
            s.village = e->village;
            s.phone = e->phone;
        } else {
            s.maskedName = r.elderId.str();
        }
        sheet.stops.push_back(std::move(s));
    }
    std::stable_sort(sheet.stops.begin(), sheet.stops.end(),
                     [](const RouteStop& a, const RouteStop& b) { return a.village < b.village; });
    return sheet;
}

}  // namespace mh

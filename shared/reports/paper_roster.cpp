#include "shared/reports/paper_roster.hpp"

#include <algorithm>

#include "shared/core/text.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

PaperRoster paperRoster(Site& site, LocalDate day) {
    const SiteConfig& cfg = site.config();
    PaperRoster sheet{cfg.name, cfg.siteId, day, {}, {}};
    // Every service runs every calendar day (contract 10 has no closed days per service); meals are
    // what a power cut interrupts, so their boxes come first, next to the name.
    for (const bool meals : {true, false})
        for (const ServiceDef& s : cfg.services)
            if ((s.kind == ServiceKind::Meal) == meals)
                sheet.services.push_back({s.id, s.name, s.opens.text() + "–" + s.closes.text()});
    ElderStore elders(site.db());
    for (const Elder& e : elders.all()) {
        // A peer stub is an elder another terminal's record named, not one of this roster's.
        if (!e.active || elders.isPeerStub(ElderId(e.elderId))) continue;
        sheet.rows.push_back({e.elderId, maskName(e.name), e.village, e.cardSerial});
    }
    std::stable_sort(sheet.rows.begin(), sheet.rows.end(),
                     [](const PaperRosterRow& a, const PaperRosterRow& b) { return a.village < b.village; });
    return sheet;
}

}  // namespace mh

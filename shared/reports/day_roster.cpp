// Today's roster for staff (see day_roster.hpp).
#include "shared/reports/day_roster.hpp"

#include <map>
#include <set>

#include "shared/core/diets.hpp"
#include "shared/peers/doubles.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

std::vector<DayRosterService> dayRoster(Site& site, LocalDate day) {
    std::vector<DayRosterService> out;
    std::set<std::int64_t> doubled;
    for (const FlaggedDouble& d : flaggedDoubles(site.db()))
        for (const DoubleRecord& r : d.records) doubled.insert(r.recordId);
    ElderStore elders(site.db());
    std::map<std::string, std::pair<std::string, std::string>> names;  // name, diets: each elder looked up once
    std::map<std::string, size_t> index;
    for (const auto& rec : CheckinStore(site.db()).forDay(day.iso())) {
        if (!index.count(rec.service.str())) {
            const ServiceDef* def = site.config().findService(rec.service.str());
            index[rec.service.str()] = out.size();
            out.push_back({rec.service.str(), def ? def->name : rec.service.str(), {}, 0});
        }
        auto& svc = out[index[rec.service.str()]];
        if (!names.count(rec.elderId.str())) {
            auto e = elders.byElderId(rec.elderId);
            names[rec.elderId.str()] = {e ? e->name : rec.elderId.str(), e ? dietNamesZh(e->diets) : ""};
        }
        std::string time = rec.at.size() >= 16 ? rec.at.substr(11, 5) : rec.at;
        const auto& [name, diets] = names[rec.elderId.str()];
        std::string proxy;
        if (rec.proxyName)
            proxy = *rec.proxyName + (rec.proxyRelation && !rec.proxyRelation->empty() ? "（" + *rec.proxyRelation + "）" : "");
        svc.rows.push_back({rec.recordId, rec.elderId.str(), name, time, rec.delivered, rec.voided, doubled.count(rec.recordId) > 0,
                            diets, proxy});
        if (!rec.voided) ++svc.counted;
    }
    return out;
}

}  // namespace mh

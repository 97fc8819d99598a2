#include "shared/reports/kitchen_day.hpp"

#include <algorithm>
#include <set>

#include "shared/core/diets.hpp"
#include "shared/core/text.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

std::vector<KitchenDiet> kitchenDayList(Site& site, LocalDate day) {
    std::set<std::string> ate;
    for (const auto& r : CheckinStore(site.db()).forDay(day.iso()))
        if (!r.voided && r.serviceKind == "meal") ate.insert(r.elderId.str());
    auto elders = ElderStore(site.db()).all();
    std::vector<KitchenDiet> out;
    for (const auto& d : allDiets()) {
        KitchenDiet k{std::string(d.code), std::string(d.zh), {}, {}};
        for (const auto& e : elders) {
            if (!e.active || std::find(e.diets.begin(), e.diets.end(), k.code) == e.diets.end()) continue;
            (ate.count(e.elderId) ? k.checkedIn : k.regulars).push_back(maskName(e.name));
        }
        if (!k.checkedIn.empty() || !k.regulars.empty()) out.push_back(std::move(k));
    }
    return out;
}

}  // namespace mh

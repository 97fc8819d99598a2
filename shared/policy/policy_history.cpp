#include "shared/policy/policy_history.hpp"

#include <map>

#include "shared/core/text.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {

std::vector<PriorUse> policyHistory(CheckinStore& checkins, const PolicyConfig& policy, const ElderId& elder,
                                    LocalDate day) {
    std::vector<PriorUse> out;
    LocalDate first = day, last = day;
    if (policyNeedsHistory(policy)) {
        first = LocalDate::of(day.year(), day.month(), 1);
        last = LocalDate::of(day.month() == 12 ? day.year() + 1 : day.year(), day.month() == 12 ? 1 : day.month() + 1, 1)
                   .plusDays(-1);
    }
    for (auto& rec : checkins.countedUses(elder, first.iso(), last.iso()))
        if (auto d = LocalDate::parse(rec.day)) out.push_back(PriorUse{*d, std::move(rec.rules), std::move(rec.service)});
    return out;
}

std::vector<ElderDayShare> elderDayShares(Database& db, const PolicyConfig& policy, LocalDate day) {
    bool any = false;
    for (const auto& op : policy.operating) any = any || op.per == OperatingPer::ElderDay;
    if (!any) return {};
    ElderStore elders(db);
    std::map<std::string, ElderFacts> facts;  // birth and village from the roster, once per elder
    std::vector<SeenRecord> seen;
    for (auto& rec : CheckinStore(db).forDay(day.iso())) {
        if (rec.voided) continue;
        auto f = facts.find(rec.elderId.str());
        if (f == facts.end()) {
            ElderFacts e;
            if (auto elder = elders.byElderId(rec.elderId)) e = ElderFacts{{}, elder->birth, elder->village};
            f = facts.emplace(rec.elderId.str(), std::move(e)).first;
        }
        ElderFacts e = f->second;
        // The categories the elder had that day, as the record keeps them.
        if (!rec.categories.empty()) e.categories = splitOn(rec.categories, '|');
        PolicyUse use{rec.service.str(), day, rec.delivered, rec.priceFen, true};
        seen.push_back(SeenRecord{rec.recordId, rec.elderId.str(), rec.at, std::move(use), std::move(e)});
    }
    return elderDayOperating(policy, seen);
}

}  // namespace mh

#include "shared/tally/daily_tally.hpp"

#include "shared/core/text.hpp"
#include "shared/store/refused_scans.hpp"

namespace mh {

DailyTally buildTally(const SiteConfig& cfg, LocalDate date, const std::vector<CheckinRecord>& dayRecords,
                      int revision, const std::string& generatedAt, const std::vector<ElderDayShare>& elderDay,
                      const std::vector<OtherMeal>& otherMeals) {
    DailyTally t;
    t.operating = !cfg.policy.operating.empty();
    t.siteId = cfg.siteId;
    t.date = date;
    t.revision = revision;
    t.generatedAt = generatedAt;
    for (const auto& s : cfg.services) t.services.push_back(ServiceTally{ServiceId(s.id), std::string(serviceKindKey(s.kind))});
    auto slot = [&](const CheckinRecord& r) -> ServiceTally& {
        for (auto& s : t.services)
            if (s.id == r.service) return s;
        t.services.push_back(ServiceTally{r.service, r.serviceKind});
        return t.services.back();
    };
    for (const auto& given : dayRecords) {
        CheckinRecord r = given;
        for (const auto& share : elderDay)
            if (share.recordId == r.recordId) r.operatingFen = addFen(r.operatingFen, share.fen);
        ServiceTally& s = slot(r);
        if (r.voided) {
            ++s.voided;
            continue;
        }
        ++s.count;
        if (r.delivered) ++s.delivered;
        if (r.proxyName) ++s.proxy;
        s.priceFen = addFen(s.priceFen, r.priceFen);  // never wraps, whatever a row holds
        s.shares += r.shares;
        s.operatingFen = addFen(s.operatingFen, r.operatingFen);
        // Contract 8: a record counts under every rule that paid a part of it.
        for (const auto& p : r.rules) ++s.byRule[p.rule];
        if (r.rules.empty() && r.rule) ++s.byRule[*r.rule];
        if (!r.categories.empty())
            for (const auto& c : splitOn(r.categories, '|')) ++s.byCategory[c];
        t.records.push_back(std::move(r));
    }
    // Contract 12: never in records, count, shares or by_rule; a void takes it out.
    for (const auto& m : otherMeals) {
        if (m.voided) continue;
        ServiceTally* s = nullptr;
        for (auto& x : t.services)
            if (x.id.str() == m.service) s = &x;
        if (!s) {
            t.services.push_back(ServiceTally{ServiceId(m.service), "meal"});
            s = &t.services.back();
        }
        OtherTally& o = s->others[m.kind];
        o.count += m.count;
        o.paidFen = addFen(o.paidFen, m.paidFen);
    }
    return t;
}

void addRefusedCounts(DailyTally& t, Database& db) {
    const auto counts = refusedCounts(db, t.date.iso());
    for (ServiceTally& s : t.services)
        if (auto it = counts.find(s.id.str()); it != counts.end()) s.refused = it->second;
}

}  // namespace mh

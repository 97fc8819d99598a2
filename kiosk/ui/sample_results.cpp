// Builds an unrecorded result priced by the site's policy, for screenshots.
#include "kiosk/ui/sample_results.hpp"

#include "shared/checkin/scan_messages.hpp"
#include "shared/core/text.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/store/elder_store.hpp"

namespace mh::ui {

ScanResult sampleResult(Site& site, Outcome outcome, LocalDate day, const std::string& serviceId, bool delivered) {
    const SiteConfig& cfg = site.config();
    const ServiceDef* svc = cfg.findService(serviceId.empty() ? "lunch" : serviceId);
    for (size_t i = 0; !svc && i < cfg.services.size(); ++i)
        if (cfg.services[i].kind == ServiceKind::Meal) svc = &cfg.services[i];
    if (!svc && !cfg.services.empty()) svc = &cfg.services.front();

    Elder who;
    who.elderId = "E0001";
    who.name = "张桂兰";
    // Prefer an elder who pays something, so the screenshot shows the very large amount.
    bool found = false;
    for (auto& e : ElderStore(site.db()).all()) {
        if (!e.active || e.name.empty()) continue;
        bool pays = svc && decide(cfg, *svc, ElderFacts{e.categories, e.birth, e.village}, day).shares.elder > 0;
        if (!found || pays) who = e;
        found = true;
        if (pays) break;
    }
    ScanResult r;
    r.outcome = outcome;
    r.delivered = delivered;
    if (outcome != Outcome::Unknown && outcome != Outcome::Invalid) {
        r.elderId = who.elderId;
        r.fullName = who.name;
        r.maskedName = maskName(who.name);
    }
    if (svc) {
        r.service = svc->id;
        r.serviceName = svc->name;
    }
    if (outcome == Outcome::Accepted && svc) {
        PolicyDecision d = decide(cfg, *svc, ElderFacts{who.categories, who.birth, who.village}, day);
        r.recordId = 1;
        r.priceFen = svc->priceFen;
        r.shares = d.shares;
        for (const auto& p : d.applied) r.rules.push_back(p.rule);
        if (!r.rules.empty()) r.rule = r.rules.front();
    }
    composeMessage(r);
    return r;
}

}  // namespace mh::ui

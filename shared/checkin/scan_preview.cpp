#include "shared/checkin/scan_preview.hpp"

#include <algorithm>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/checkin/scan_messages.hpp"
#include "shared/core/text.hpp"
#include "shared/policy/policy_history.hpp"
#include "shared/policy/policy_toml.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh {
namespace {

const ServiceDef* sampleService(const SiteConfig& cfg, const std::string& serviceId) {
    const ServiceDef* svc = cfg.findService(serviceId.empty() ? "lunch" : serviceId);
    for (size_t i = 0; !svc && i < cfg.services.size(); ++i)
        if (cfg.services[i].kind == ServiceKind::Meal) svc = &cfg.services[i];
    if (!svc && !cfg.services.empty()) svc = &cfg.services.front();
    return svc;
}

void setPrice(ScanResult& r, const PolicyDecision& d) {
    r.priceFen = d.priceFen;
    r.shares = d.shares;
    for (const auto& p : d.applied) r.rules.push_back(p.rule);
    if (!r.rules.empty()) r.rule = r.rules.front();
}

}  // namespace

ScanPreview previewScan(Site& site, const Elder& who, const ServiceDef& svc, LocalDateTime at, bool delivered) {
    const SiteConfig& cfg = site.config();
    ScanPreview p;
    ScanResult& r = p.result;
    r.elderId = ElderId(who.elderId);
    r.fullName = who.name;
    r.maskedName = maskName(who.name);
    r.service = ServiceId(svc.id);
    r.serviceName = svc.name;
    r.delivered = delivered;
    r.at = site.timeZone().isoWithOffset(site.timeZone().toUnix(at));

    CheckinStore checkins(site.db());
    const PolicyService& priced = *cfg.policy.findService(svc.id);
    // The engine's decide, on the history a scan would see: the same outcome in the same order.
    p.decision = decide(cfg.policy, policyUse(priced, at.date, delivered, svc.isOpenAt(at.wallTime())),
                        ElderFacts{who.categories, who.birth, who.village},
                        policyHistory(checkins, cfg.policy, ElderId(who.elderId), at.date));
    r.outcome = p.decision.outcome;
    if (r.outcome == Outcome::Closed) {
        composeMessage(r, svc.opens.text() + "–" + svc.closes.text(), svc.opens.text() + "-" + svc.closes.text());
        return p;
    }
    if (r.outcome == Outcome::Accepted) setPrice(r, p.decision);
    composeMessage(r);
    return p;
}

ScanResult sampleScan(Site& site, Outcome shown, LocalDate day, const ServiceId& serviceId, bool delivered) {
    const SiteConfig& cfg = site.config();
    const ServiceDef* svc = sampleService(cfg, serviceId.str());
    ScanResult r;
    r.outcome = shown;
    r.delivered = delivered;
    if (!svc) {
        composeMessage(r);
        return r;
    }
    const LocalDateTime at{day, svc->opens.minutes / 60, svc->opens.minutes % 60, 0};

    Elder who;
    who.elderId = "E0001";
    who.name = "张桂兰";
    ScanPreview chosen = previewScan(site, who, *svc, at, delivered);
    bool found = false;
    for (auto& e : ElderStore(site.db()).all()) {
        if (!e.active || e.name.empty()) continue;
        ScanPreview p = previewScan(site, e, *svc, at, delivered);
        bool pays = p.decision.shares.elder > Fen{0};
        if (!found || pays) chosen = std::move(p);
        found = true;
        if (pays) break;
    }
    // The preview as decided, shown with the outcome the screenshot asks for.
    r = chosen.result;
    r.outcome = shown;
    r.at.clear();
    r.rule.reset();
    r.rules.clear();
    r.priceFen.reset();
    r.shares.reset();
    r.message.clear();
    r.messageEn.clear();
    if (shown == Outcome::Unknown || shown == Outcome::Invalid) {
        r.elderId = ElderId();
        r.fullName.clear();
        r.maskedName.clear();
    }
    if (shown == Outcome::Accepted) setPrice(r, chosen.decision);
    composeMessage(r);
    return r;
}

Result<PolicyExplanation> explainScan(Site& site, const ElderId& elderId, const ServiceId& serviceId, LocalDateTime at,
                                     bool delivered) {
    ExplainRequest req{elderId, serviceId, at, delivered};
    if (const ServiceDef* svc = site.config().findService(serviceId.str())) {
        req.open = svc->isOpenAt(at.wallTime());
        req.window = svc->opens.text() + "–" + svc->closes.text();
    }
    return explainPolicy(site.config().policy, site.db(), req);
}

std::vector<std::string> policyVillageWarnings(Site& site) {
    std::vector<std::string> villages;
    for (const auto& e : ElderStore(site.db()).all())
        if (e.active && !e.village.empty() && std::find(villages.begin(), villages.end(), e.village) == villages.end())
            villages.push_back(e.village);
    return unknownVillageWarnings(site.config().policy, villages);
}

}  // namespace mh

#include "shared/checkin/scan_preview.hpp"

#include "shared/checkin/checkin_engine.hpp"
#include "shared/checkin/scan_messages.hpp"
#include "shared/core/text.hpp"
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

void setPrice(ScanResult& r, const ServiceDef& svc, const PolicyDecision& d) {
    r.priceFen = svc.priceFen;
    r.shares = d.shares;
    for (const auto& p : d.applied) r.rules.push_back(p.rule);
    if (!r.rules.empty()) r.rule = r.rules.front();
}

}  // namespace

ScanPreview previewScan(Site& site, const Elder& who, const ServiceDef& svc, LocalDateTime at, bool delivered) {
    const SiteConfig& cfg = site.config();
    ScanPreview p;
    ScanResult& r = p.result;
    r.elderId = who.elderId;
    r.fullName = who.name;
    r.maskedName = maskName(who.name);
    r.service = svc.id;
    r.serviceName = svc.name;
    r.delivered = delivered;
    r.at = site.timeZone().isoWithOffset(site.timeZone().toUnix(at));

    CheckinStore checkins(site.db());
    p.decision = decide(cfg, svc, ElderFacts{who.categories, who.birth, who.village}, at.date,
                        policyHistory(checkins, cfg, who.elderId, at.date));
    // The engine's precedence after the elder is known (contract 7).
    if (!svc.isOpenAt(at.wallTime())) {
        r.outcome = Outcome::Closed;
        composeMessage(r, svc.opens.text() + "–" + svc.closes.text(), svc.opens.text() + "-" + svc.closes.text());
        return p;
    }
    if (checkins.counted(who.elderId, svc.id, at.date.iso())) r.outcome = Outcome::Duplicate;
    else if (p.decision.ineligible) r.outcome = Outcome::Ineligible;
    else {
        r.outcome = Outcome::Accepted;
        setPrice(r, svc, p.decision);
    }
    composeMessage(r);
    return p;
}

ScanResult sampleScan(Site& site, Outcome shown, LocalDate day, const std::string& serviceId, bool delivered) {
    const SiteConfig& cfg = site.config();
    const ServiceDef* svc = sampleService(cfg, serviceId);
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
        bool pays = p.decision.shares.elder > 0;
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
        r.elderId.clear();
        r.fullName.clear();
        r.maskedName.clear();
    }
    if (shown == Outcome::Accepted) setPrice(r, *svc, chosen.decision);
    composeMessage(r);
    return r;
}

}  // namespace mh

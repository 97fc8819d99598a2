#include "shared/policy/policy_engine.hpp"

#include <algorithm>

namespace mh {

bool ruleMatches(const RuleDef& rule, const ServiceDef& service, const ElderFacts& elder, LocalDate day) {
    if (!rule.services.empty() &&
        std::find(rule.services.begin(), rule.services.end(), service.id) == rule.services.end())
        return false;
    if (!rule.categories.empty()) {
        bool any = false;
        for (const auto& c : rule.categories)
            any = any || std::find(elder.categories.begin(), elder.categories.end(), c) != elder.categories.end();
        if (!any) return false;
    }
    if (rule.minAge > 0 || rule.maxAge) {
        if (!elder.birth) return false;
        int age = ageOn(*elder.birth, day);
        if (age < rule.minAge) return false;
        if (rule.maxAge && age > *rule.maxAge) return false;
    }
    return true;
}

Shares splitPrice(Fen price, const Shares& ruleShares) {
    Shares out;
    Fen left = price;
    for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family}) {
        Fen take = std::clamp<Fen>(ruleShares.at(s), 0, left);
        out.at(s) = take;
        left -= take;
    }
    out.elder = left;
    return out;
}

PolicyDecision decide(const SiteConfig& cfg, const ServiceDef& service, const ElderFacts& elder, LocalDate day) {
    PolicyDecision d;
    if (service.priceFen == 0) return d;
    for (const auto& rule : cfg.rules) {
        if (ruleMatches(rule, service, elder, day)) {
            d.rule = &rule;
            d.shares = splitPrice(service.priceFen, rule.shares);
            return d;
        }
    }
    d.shares.elder = service.priceFen;
    d.ineligible = cfg.unsubsidised == Unsubsidised::Refuse;
    return d;
}

}  // namespace mh

// Tests ask the policy about a site.toml service the way the check-in engine does: the use priced
// from the service (delivery included), then the one `decide` of shared/policy.
#pragma once
#include <vector>

#include "shared/policy/policy_engine.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

inline PolicyUse useOf(const ServiceDef& svc, LocalDate day, bool delivered = false) {
    return PolicyUse{svc.id, day, delivered, svc.priceFen + (delivered ? svc.deliveryFen : 0_fen), true};
}

inline PolicyDecision decideFor(const SiteConfig& cfg, const ServiceDef& svc, const ElderFacts& elder, LocalDate day,
                                const std::vector<PriorUse>& history = {}, bool delivered = false) {
    return decide(cfg.policy, useOf(svc, day, delivered), elder, history);
}

}  // namespace mh

// site.toml: parseSiteConfig on any text never crashes, explains every refusal, and whatever it
// accepts keeps the engine's money invariant: for any elder, service and day, the shares sum to
// the price and none is negative (contract 10; invariant 2 of the check-in engine).
#include "fuzz_site.hpp"
#include "shared/core/categories.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/site/site_config.hpp"

using namespace mh;
using fuzz::require;

namespace {

void checkDecision(const SiteConfig& cfg, const ServiceDef& svc, const ElderFacts& elder, LocalDate day) {
    PolicyDecision d = decide(cfg.policy, policyUse(*cfg.policy.findService(svc.id), day, false), elder, {});
    require(d.shares.total() == svc.priceFen, "shares sum to the price");
    PolicyDecision delivered = decide(cfg.policy, policyUse(*cfg.policy.findService(svc.id), day, true), elder, {});
    require(delivered.shares.total() == svc.priceFen + svc.deliveryFen, "delivered: shares sum to the price and delivery");
    for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family, Share::Elder})
        require(d.shares.at(s) >= Fen{0}, "no share is negative");
    require(d.outcomes.size() == cfg.policy.rules.size(), "one outcome per rule");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto cfg = parseSiteConfig(fuzz::asText(data, size));
    if (!cfg) {
        require(!cfg.error().message.empty() && !cfg.error().en.empty(), "a refusal says why");
        return 0;
    }
    for (const ServiceDef& svc : cfg->services) {
        require(svc.opens < svc.closes, "a service opens before it closes");
        require(svc.priceFen >= Fen{0}, "prices are not negative");
    }
    // A few elders: nobody special, every category, old and young, in each village a rule names.
    std::vector<std::string> every;
    for (const auto& c : allCategories()) every.emplace_back(c.code);
    std::vector<std::string> villages{""};
    for (const RuleDef& r : cfg->policy.rules)
        for (const auto& v : r.villages) villages.push_back(v);
    if (villages.size() > 4) villages.resize(4);
    std::vector<ElderFacts> elders;
    for (const auto& v : villages) {
        elders.push_back({{}, std::nullopt, v});
        elders.push_back({every, LocalDate::of(1930, 5, 5), v});
        elders.push_back({{"dibao"}, LocalDate::of(1960, 1, 1), v});
    }
    for (const ServiceDef& svc : cfg->services)
        for (const auto& e : elders)
            for (LocalDate day : {LocalDate::of(2026, 11, 25), LocalDate::of(2030, 1, 1)}) checkDecision(*cfg, svc, e, day);
    return 0;
}

// `kiosk policy explain` as a use case (the GUI's staff screen can call it too): for one elder, one
// service and one moment, which rules match, which apply, what each pays, and why the others do not,
// plus one Chinese sentence staff can read to an elder who asks "why do I pay 3元?". Records nothing.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct PolicyExplanation {
    std::string elderId, maskedName;
    const ServiceDef* service = nullptr;
    ElderFacts facts;              // categories, birth and village as the policy saw them
    LocalDateTime at;
    PolicyDecision decision;       // exactly what a scan at `at` would record now
    bool alreadyToday = false;     // the elder already has this service that day (a scan: duplicate)
    bool open = true;              // the service is open at `at` (a scan outside: closed)
    std::string sentence;          // Chinese, for the elder
};

// Errors: usage.service (no such service), explain.unknown (no active elder with that id), store.*.
Result<PolicyExplanation> explainPolicy(Site& site, const std::string& elderId, const std::string& serviceId,
                                        LocalDateTime at);

// The reason a rule did or did not apply, in plain Chinese ("本月70元额度已用完").
std::string verdictZh(const RuleOutcome& o, const ElderFacts& elder, LocalDate day, const SiteConfig& cfg);

nlohmann::ordered_json explanationJson(const PolicyExplanation& e, const SiteConfig& cfg);

}  // namespace mh

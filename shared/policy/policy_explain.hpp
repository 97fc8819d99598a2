// `kiosk policy explain` (the GUI's staff screen can call it too): for one elder, one service and one
// moment, which rules match, which apply, what each pays, and why the others do not, plus one
// Chinese sentence staff can read to an elder who asks "why do I pay 3元?". Records nothing. A
// service already used that day is described as it was recorded, not as a new scan.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/core/dates.hpp"
#include "shared/core/ids.hpp"
#include "shared/core/result.hpp"
#include "shared/policy/policy_config.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/database.hpp"

namespace mh {

struct ExplainRequest {
    ElderId elderId;
    ServiceId serviceId;
    LocalDateTime at;
    bool delivered = false;
    bool open = true;    // the service is open at `at` (the site's schedule says)
    std::string window;  // "10:30–13:30": named in the sentence when it is not open
};

struct PolicyExplanation {
    std::string elderId, maskedName;
    const PolicyService* service = nullptr;
    ElderFacts facts;              // categories, birth and village as the policy saw them
    LocalDateTime at;
    PolicyDecision decision;       // exactly what a scan at `at` would decide now
    std::optional<CheckinRecord> recorded;  // the elder's counted use of this service that day
    bool alreadyToday = false;     // recorded.has_value() (a scan: duplicate)
    bool open = true;              // the service is open at `at` (a scan outside: closed)
    std::string window;
    std::string sentence;          // Chinese, for the elder
};

// Errors: usage.service (no such service), explain.unknown (no active elder with that id), store.*.
Result<PolicyExplanation> explainPolicy(const PolicyConfig& policy, Database& db, const ExplainRequest& req);

// The reason a rule did or did not apply, in plain Chinese ("本月70元额度已用完").
std::string verdictZh(const RuleOutcome& o, const ElderFacts& elder, LocalDate day, const PolicyConfig& policy);

// Money in a sentence: whole yuan without decimals ("3元"), else two decimals ("2.50元").
std::string yuanZh(Fen fen);

nlohmann::ordered_json explanationJson(const PolicyExplanation& e, const PolicyConfig& policy);

}  // namespace mh

// The subsidy policy (contract 10, "How the policy decides"): which rules pay for an elder's use of
// a service on a day, and how the price splits into the five shares. A pure calculation of
// site.toml, the elder, the day and the elder's earlier uses; no storage, so it is tested without a
// database and the check-in engine feeds it the history it read inside its write transaction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/rule_paid.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

struct ElderFacts {
    std::vector<std::string> categories;
    std::optional<LocalDate> birth;  // unknown: rules with an age bound do not match
    std::string village;
};

// One counted (not voided) record of the elder that exists when the use is recorded (any day).
struct PriorUse {
    LocalDate day;
    std::vector<RulePaid> rules;  // empty: no rule applied (full price, or a free service)
};

// Why a rule did or did not apply, for `policy explain` (and the tests).
enum class RuleVerdict {
    Applied,         // paid a part (or, for an eligibility rule, let the elder in)
    FreeService,     // the service costs nothing: no rule is used
    NotService,      // the rule does not cover this service
    NotYetInForce,   // before `from`
    Expired,         // after `until`
    NotCategory,     // categories / all_categories / not_categories
    Age,             // outside min_age..max_age, or no birth date known
    Village,
    DailySubsidised, // [policy] subsidised_per_day used up today
    DayLimit,        // per_day used up
    MonthLimit,      // per_month used up
    CapSpent,        // month_cap_fen already paid out this month
    LostInGroup,     // another rule of its group was picked
    PriceCovered,    // the rules applied before it left nothing to pay
};

struct RuleOutcome {
    const RuleDef* rule = nullptr;
    RuleVerdict verdict = RuleVerdict::Applied;
    Shares paid;              // what it paid (Applied only); `elder` unused
    Fen amount = 0;           // its amount for this use as its group saw it (candidates only)
    Fen monthPaidBefore = 0;  // what it paid this elder earlier this month
    int usesToday = 0, usesThisMonth = 0;
    const RuleDef* lostTo = nullptr;  // LostInGroup: the rule its group picked
};

struct PolicyDecision {
    std::vector<RulePaid> applied;      // in the order applied; the first is the record's `rule`
    Shares shares;                      // always sums to the price
    bool ineligible = false;            // no rule applied and the policy refuses unsubsidised use
    std::vector<RuleOutcome> outcomes;  // one per rule of site.toml, in file order
    int subsidisedToday = 0;            // earlier uses today that some rule applied to

    [[nodiscard]] const RuleOutcome* outcomeOf(std::string_view ruleName) const;
};

// Every condition the rule states holds for this elder, service and day (limits not considered).
// RuleVerdict::Applied when it matches, otherwise the first condition that fails.
RuleVerdict ruleConditions(const RuleDef& rule, const ServiceDef& service, const ElderFacts& elder, LocalDate day);
inline bool ruleMatches(const RuleDef& rule, const ServiceDef& service, const ElderFacts& elder, LocalDate day) {
    return ruleConditions(rule, service, elder, day) == RuleVerdict::Applied;
}

// Shares taken in the order government, collective, donation, family until the price is covered;
// the elder pays the rest, never below zero.
Shares splitPrice(Fen price, const Shares& ruleShares);

// The whole policy for one use. `history`: the elder's counted records of the use's calendar month
// that exist now, whatever their day (records of other months are ignored, so passing more is harmless).
PolicyDecision decide(const SiteConfig& cfg, const ServiceDef& service, const ElderFacts& elder, LocalDate day,
                      const std::vector<PriorUse>& history);
inline PolicyDecision decide(const SiteConfig& cfg, const ServiceDef& service, const ElderFacts& elder, LocalDate day) {
    return decide(cfg, service, elder, day, {});
}

// True when some rule or [policy] setting counts earlier uses, so the caller must read the history.
bool policyNeedsHistory(const SiteConfig& cfg);

}  // namespace mh

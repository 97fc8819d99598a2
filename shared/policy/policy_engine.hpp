// The subsidy policy (contract 10, "How the policy decides" and "Policy v3"): whether an elder's use
// of a service is accepted (contract 7's order after the elder is known: closed, duplicate,
// ineligible, accepted), which rules pay for it, how the price splits into the five shares, and
// what the operator is paid per meal. A pure calculation of the policy, the use, the elder and the
// elder's earlier uses; no storage, so it is tested without a database. The check-in engine, the
// scan preview and `policy explain` all call this one `decide` with the history policy_history.hpp
// reads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/core/rule_paid.hpp"
#include "shared/core/scan_result.hpp"
#include "shared/policy/policy_config.hpp"

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
    std::string service;          // its service: a second use of it that day is a duplicate
};

// The use the policy is asked about.
struct PolicyUse {
    std::string service;    // the service's id
    LocalDate day;
    bool delivered = false;
    Fen priceFen;       // the use's price: price_fen, plus delivery_fen when delivered
    bool open = true;       // within the service's window (the site's schedule says)
};
// The use of `service` on `day`, priced as contract 10 says (delivery included).
PolicyUse policyUse(const PolicyService& service, LocalDate day, bool delivered, bool open = true);

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
    NotOnDay,        // `days` leaves this weekday out
    NotWorkday,      // workdays_only, and the day is not a workday of [calendar]
    Delivery,        // `delivered` says delivered only, or in the hall only
    BelowPrice,      // the use's price is below min_price_fen
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
    Fen amount;           // its amount for this use as its group saw it (candidates only)
    Fen monthPaidBefore;  // what it paid this elder earlier this month
    int usesToday = 0, usesThisMonth = 0;
    const RuleDef* lostTo = nullptr;  // LostInGroup: the rule its group picked
};

// What one [[operating]] per meal pays the operator for this use.
struct OperatingPaid {
    std::string name;
    Fen fen;
    bool operator==(const OperatingPaid&) const = default;
};

struct PolicyDecision {
    Outcome outcome = Outcome::Accepted;  // closed, duplicate, ineligible or accepted, in contract 7's order
    Fen priceFen;                     // the use's price (delivery included)
    std::vector<RulePaid> applied;      // in the order applied; the first is the record's `rule`
    Shares shares;                      // always sums to the price
    bool ineligible = false;            // no rule applied and the policy refuses unsubsidised use
    std::vector<RuleOutcome> outcomes;  // one per rule of site.toml, in file order
    int subsidisedToday = 0;            // earlier uses today that some counting rule applied to
    std::vector<OperatingPaid> operating;  // per = "meal" operating subsidies that pay for this use
    Fen operatingFen;                  // their sum, fixed on the record
    std::optional<PriorUse> recorded;      // Duplicate: the use of this service already recorded that day

    [[nodiscard]] const RuleOutcome* outcomeOf(std::string_view ruleName) const;
};

// Every condition stated holds for this elder and use (limits not considered). RuleVerdict::Applied
// when it matches, otherwise the first condition that fails. Absent `services`: priced uses only.
RuleVerdict ruleConditions(const Conditions& c, const PolicyUse& use, const ElderFacts& elder, const Calendar& calendar);

// Shares taken in the order government, collective, donation, family until the price is covered;
// the elder pays the rest, never below zero.
Shares splitPrice(Fen price, const Shares& ruleShares);

// The whole policy for one use. `history`: the elder's counted records of the use's calendar month
// that exist now, whatever their day (records of other months are ignored, so passing more is
// harmless); at least those of the use's day (for duplicates).
PolicyDecision decide(const PolicyConfig& policy, const PolicyUse& use, const ElderFacts& elder,
                      const std::vector<PriorUse>& history);

// True when some rule or [policy] setting counts earlier uses of the month, so the caller must read
// the month's history (otherwise the day's is enough).
bool policyNeedsHistory(const PolicyConfig& policy);

// per = "elder_day" operating money (contract 10, policy v3): given to the elder's earliest counted
// record of the day matching the subsidy (by `at`, then record order) among the records this
// terminal has seen. Not fixed on a record: the tally works it out each time, so a void moves it.
struct SeenRecord {
    std::int64_t recordId = 0;  // record order, for records with the same `at`
    std::string elderId;
    std::string at;             // local ISO time with offset
    PolicyUse use;
    ElderFacts elder;
};
struct ElderDayShare {
    std::int64_t recordId = 0;
    std::string operating;      // the [[operating]]'s name
    Fen fen;
};
// `records`: the day's counted records this terminal has seen (its own and its peers').
std::vector<ElderDayShare> elderDayOperating(const PolicyConfig& policy, const std::vector<SeenRecord>& records);

}  // namespace mh

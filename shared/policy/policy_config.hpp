// The subsidy policy as site.toml states it (contract 10, "How the policy decides" and "Policy v3"):
// [policy], [[rule]], [[operating]] and [calendar], plus what the policy needs to know of each
// [[service]]. Owned by the policy: a new kind of limit or condition is added here, in
// policy_toml.cpp and in policy_engine.cpp, and nowhere else.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"

namespace mh {

// Monday = 0 ... Sunday = 6.
int weekdayOf(LocalDate day);

// The county's calendar, kept offline (a terminal cannot ask the internet which days are holidays).
struct Calendar {
    std::set<LocalDate> holidays;  // 法定节假日: not workdays even on a weekday
    std::set<LocalDate> workdays;  // 调休: workdays even on a weekend
    // Monday to Friday, less holidays, plus the 调休 workdays.
    [[nodiscard]] bool isWorkday(LocalDate day) const;
};

// What the policy knows of one [[service]]: enough to match rules, price a use and name it.
struct PolicyService {
    std::string id;
    std::string name;
    Fen priceFen;
    Fen deliveryFen;  // added to the price of a delivered meal (送餐费)
    [[nodiscard]] Fen priceFor(bool delivered) const { return priceFen + (delivered ? deliveryFen : Fen{0}); }
};

// The conditions a [[rule]] and an [[operating]] share. Conditions that are not written hold for
// everyone.
struct Conditions {
    std::vector<std::string> categories;      // codes; the elder has any of these; empty: anyone
    std::vector<std::string> allCategories;   // the elder has every one of these
    std::vector<std::string> notCategories;   // the elder has none of these
    int minAge = 0;
    std::optional<int> maxAge;                // age on the day at most this
    std::vector<std::string> villages;        // the roster's village is one of these; empty: any
    std::vector<std::string> services;        // empty: every priced service
    std::optional<LocalDate> from, until;     // in force from / until these days, inclusive
    unsigned days = 0;                        // weekdays in force, bit 0 Monday; 0: every day
    bool workdaysOnly = false;                // only on workdays of [calendar]
    std::optional<bool> delivered;            // true: only delivered meals; false: only in the hall
    std::optional<Fen> minPriceFen;           // only when the use's price is at least this

    [[nodiscard]] bool inForceOn(LocalDate day) const {
        return (!from || *from <= day) && (!until || day <= *until);
    }
};

// One [[rule]]: who is subsidised for what, by whom, how much and how often.
struct RuleDef : Conditions {
    std::string name;
    std::string group = "main";               // at most one rule of a group applies to a use
    std::optional<int> perDay, perMonth;      // uses of this rule per elder per day / calendar month
    std::optional<Fen> monthCapFen;           // what this rule pays per elder per calendar month, at most
    Shares shares;                            // fixed shares; `elder` unused: the elder pays what is left
    std::optional<Fen> elderFen;              // instead of fixed shares: the elder pays this much...
    Share remainder = Share::Government;      // ...and this share pays what the other rules leave
    bool countsTowardDaily = true;            // its uses count toward [policy] subsidised_per_day
    int line = 0;                             // where it is in site.toml, for messages

    // No money written at all: the rule only says who may eat (it applies, pays nothing, uses limits).
    [[nodiscard]] bool eligibilityOnly() const { return !elderFen && shares.total() == Fen{0}; }
};

enum class OperatingPer { Meal, ElderDay };

// One [[operating]] (运营补贴): the county pays the operator, never part of an elder's price.
struct OperatingDef : Conditions {
    std::string name;
    OperatingPer per = OperatingPer::Meal;
    Fen fen;
    int line = 0;
};

enum class Pick { First, Highest };

enum class Unsubsidised { FullPrice, Refuse };

struct PolicyConfig {
    Unsubsidised unsubsidised = Unsubsidised::FullPrice;
    Pick pick = Pick::First;              // [policy] pick: which candidate of a group applies
    std::optional<int> subsidisedPerDay;  // [policy] subsidised_per_day: 每人每天限补贴N次
    std::vector<PolicyService> services;  // the [[service]] tables, in file order
    std::vector<RuleDef> rules;
    std::vector<OperatingDef> operating;
    Calendar calendar;

    [[nodiscard]] const PolicyService* findService(std::string_view id) const;
    [[nodiscard]] const RuleDef* findRule(std::string_view name) const;
};

// "mon" ... "sun" for a weekday index (Monday = 0); the TOML spelling of `days`.
std::string_view weekdayKey(int weekday);

}  // namespace mh

#include "shared/policy/policy_engine.hpp"

#include <algorithm>
#include <map>

namespace mh {
namespace {

constexpr Share kPaying[] = {Share::Government, Share::Collective, Share::Donation, Share::Family};

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool sameMonth(LocalDate a, LocalDate b) { return a.year() == b.year() && a.month() == b.month(); }

// What this rule's limits leave for the use: the month cap still unspent (nullopt: no cap).
std::optional<Fen> capLeft(const RuleDef& rule, Fen paidThisMonth) {
    if (!rule.monthCapFen) return std::nullopt;
    return std::max<Fen>(0, *rule.monthCapFen - paidThisMonth);
}

// Rule 2: the amount a candidate would pay for this use, for pick = "highest".
Fen amountFor(const RuleDef& rule, Fen price, std::optional<Fen> left) {
    Fen a = rule.elderFen ? std::max<Fen>(0, price - *rule.elderFen)
                          : rule.shares.government + rule.shares.collective + rule.shares.donation + rule.shares.family;
    a = std::min(a, price);
    if (left) a = std::min(a, *left);
    return a;
}

}  // namespace

const RuleOutcome* PolicyDecision::outcomeOf(std::string_view ruleName) const {
    for (const auto& o : outcomes)
        if (o.rule && o.rule->name == ruleName) return &o;
    return nullptr;
}

RuleVerdict ruleConditions(const RuleDef& rule, const ServiceDef& service, const ElderFacts& elder, LocalDate day) {
    if (!rule.services.empty() && !has(rule.services, service.id)) return RuleVerdict::NotService;
    if (rule.from && day < *rule.from) return RuleVerdict::NotYetInForce;
    if (rule.until && *rule.until < day) return RuleVerdict::Expired;
    if (!rule.categories.empty()) {
        bool any = false;
        for (const auto& c : rule.categories) any = any || has(elder.categories, c);
        if (!any) return RuleVerdict::NotCategory;
    }
    for (const auto& c : rule.allCategories)
        if (!has(elder.categories, c)) return RuleVerdict::NotCategory;
    for (const auto& c : rule.notCategories)
        if (has(elder.categories, c)) return RuleVerdict::NotCategory;
    if (rule.minAge > 0 || rule.maxAge) {
        if (!elder.birth) return RuleVerdict::Age;
        int age = ageOn(*elder.birth, day);
        if (age < rule.minAge || (rule.maxAge && age > *rule.maxAge)) return RuleVerdict::Age;
    }
    if (!rule.villages.empty() && !has(rule.villages, elder.village)) return RuleVerdict::Village;
    return RuleVerdict::Applied;
}

Shares splitPrice(Fen price, const Shares& ruleShares) {
    Shares out;
    Fen left = price;
    for (Share s : kPaying) {
        Fen take = std::clamp<Fen>(ruleShares.at(s), 0, left);
        out.at(s) = take;
        left -= take;
    }
    out.elder = left;
    return out;
}

bool policyNeedsHistory(const SiteConfig& cfg) {
    if (cfg.subsidisedPerDay) return true;
    for (const auto& r : cfg.rules)
        if (r.perDay || r.perMonth || r.monthCapFen) return true;
    return false;
}

PolicyDecision decide(const SiteConfig& cfg, const ServiceDef& service, const ElderFacts& elder, LocalDate day,
                      const std::vector<PriorUse>& history) {
    PolicyDecision d;
    const Fen price = service.priceFen;
    d.outcomes.reserve(cfg.rules.size());
    for (const auto& rule : cfg.rules) d.outcomes.push_back(RuleOutcome{&rule});

    // Rule 5: a free service uses no rules.
    if (price == 0) {
        for (auto& o : d.outcomes) o.verdict = RuleVerdict::FreeService;
        return d;
    }

    // Rule 1: uses and money of each rule this day and month, from the counted records only.
    struct Used {
        int today = 0, month = 0;
        Fen monthFen = 0;
    };
    std::map<std::string, Used, std::less<>> used;
    for (const auto& u : history) {
        // The whole calendar month counts, later days too: a paper list entered afterwards with
        // `scan --at` must not reopen a cap that later records already spent.
        if (!sameMonth(u.day, day)) continue;
        bool today = u.day == day;
        if (today && !u.rules.empty()) ++d.subsidisedToday;
        for (const auto& p : u.rules) {
            Used& x = used[p.rule];
            ++x.month;
            x.monthFen = addFen(x.monthFen, p.total());
            if (today) ++x.today;
        }
    }
    const bool dayUsedUp = cfg.subsidisedPerDay && d.subsidisedToday >= *cfg.subsidisedPerDay;

    // Rules 1 and 2: candidates, then one pick per group. Groups are kept in order of their first rule.
    std::vector<std::string> groupOrder;
    std::map<std::string, size_t> picked;  // group -> index into outcomes
    for (size_t i = 0; i < cfg.rules.size(); ++i) {
        const RuleDef& rule = cfg.rules[i];
        RuleOutcome& o = d.outcomes[i];
        if (std::find(groupOrder.begin(), groupOrder.end(), rule.group) == groupOrder.end())
            groupOrder.push_back(rule.group);
        auto it = used.find(rule.name);
        Used u = it == used.end() ? Used{} : it->second;
        o.usesToday = u.today;
        o.usesThisMonth = u.month;
        o.monthPaidBefore = u.monthFen;
        o.verdict = ruleConditions(rule, service, elder, day);
        if (o.verdict != RuleVerdict::Applied) continue;
        std::optional<Fen> left = capLeft(rule, u.monthFen);
        if (dayUsedUp) o.verdict = RuleVerdict::DailySubsidised;
        else if (rule.perDay && u.today >= *rule.perDay) o.verdict = RuleVerdict::DayLimit;
        else if (rule.perMonth && u.month >= *rule.perMonth) o.verdict = RuleVerdict::MonthLimit;
        else if (left && *left <= 0 && !rule.eligibilityOnly()) o.verdict = RuleVerdict::CapSpent;
        if (o.verdict != RuleVerdict::Applied) continue;
        o.amount = amountFor(rule, price, left);
        auto p = picked.find(rule.group);
        if (p == picked.end()) picked[rule.group] = i;
        else if (cfg.pick == Pick::Highest && o.amount > d.outcomes[p->second].amount) p->second = i;
    }
    for (size_t i = 0; i < cfg.rules.size(); ++i) {
        RuleOutcome& o = d.outcomes[i];
        if (o.verdict != RuleVerdict::Applied) continue;
        size_t winner = picked.at(cfg.rules[i].group);
        if (winner != i) {
            o.verdict = RuleVerdict::LostInGroup;
            o.lostTo = &cfg.rules[winner];
        }
    }

    // Rule 3: fixed-share rules first, then elder_fen rules, each in the order of its group.
    std::vector<size_t> order;
    for (bool elderFenPass : {false, true})
        for (const auto& g : groupOrder) {
            auto p = picked.find(g);
            if (p != picked.end() && cfg.rules[p->second].elderFen.has_value() == elderFenPass) order.push_back(p->second);
        }
    Fen covered = 0;
    for (size_t i : order) {
        const RuleDef& rule = cfg.rules[i];
        RuleOutcome& o = d.outcomes[i];
        Fen cap = capLeft(rule, o.monthPaidBefore).value_or(price);
        Shares paid;
        if (rule.elderFen) {
            Fen need = std::max<Fen>(0, price - covered - *rule.elderFen);
            paid.at(rule.remainder) = std::min(need, cap);
        } else {
            Fen mine = 0;
            for (Share s : kPaying) {
                Fen take = std::clamp<Fen>(rule.shares.at(s), 0, std::min(price - covered - mine, cap - mine));
                paid.at(s) = take;
                mine += take;
            }
        }
        Fen total = paid.government + paid.collective + paid.donation + paid.family;
        // Rule 4: a rule that adds nothing has not applied, unless it never meant to pay.
        if (total == 0 && !rule.eligibilityOnly()) {
            o.verdict = RuleVerdict::PriceCovered;
            continue;
        }
        covered += total;
        o.paid = paid;
        d.shares += paid;
        d.applied.push_back(RulePaid{rule.name, paid});
    }
    d.shares.elder = price - covered;
    d.ineligible = d.applied.empty() && cfg.unsubsidised == Unsubsidised::Refuse;
    return d;
}

}  // namespace mh

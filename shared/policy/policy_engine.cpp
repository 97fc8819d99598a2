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
    return std::max<Fen>(Fen{0}, *rule.monthCapFen - paidThisMonth);
}

// Rule 2: the amount a candidate would pay for this use, for pick = "highest".
Fen amountFor(const RuleDef& rule, Fen price, std::optional<Fen> left) {
    Fen a = rule.elderFen ? std::max<Fen>(Fen{0}, price - *rule.elderFen)
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

PolicyUse policyUse(const PolicyService& service, LocalDate day, bool delivered, bool open) {
    return PolicyUse{service.id, day, delivered, service.priceFor(delivered), open};
}

RuleVerdict ruleConditions(const Conditions& rule, const PolicyUse& use, const ElderFacts& elder, const Calendar& calendar) {
    if (rule.services.empty() ? use.priceFen == Fen{0} : !has(rule.services, use.service)) return RuleVerdict::NotService;
    const LocalDate day = use.day;
    if (rule.from && day < *rule.from) return RuleVerdict::NotYetInForce;
    if (rule.until && *rule.until < day) return RuleVerdict::Expired;
    if (rule.days && !(rule.days & (1u << weekdayOf(day)))) return RuleVerdict::NotOnDay;
    if (rule.workdaysOnly && !calendar.isWorkday(day)) return RuleVerdict::NotWorkday;
    if (rule.delivered && *rule.delivered != use.delivered) return RuleVerdict::Delivery;
    if (rule.minPriceFen && use.priceFen < *rule.minPriceFen) return RuleVerdict::BelowPrice;
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
        Fen take = std::clamp<Fen>(ruleShares.at(s), Fen{0}, left);
        out.at(s) = take;
        left -= take;
    }
    out.elder = left;
    return out;
}

bool policyNeedsHistory(const PolicyConfig& cfg) {
    if (cfg.subsidisedPerDay) return true;
    for (const auto& r : cfg.rules)
        if (r.perDay || r.perMonth || r.monthCapFen) return true;
    return false;
}

namespace {

// The split and the rules that pay (rules 1-5); `d.outcomes` is filled in.
void priceUse(const PolicyConfig& cfg, const PolicyUse& use, const ElderFacts& elder, const std::vector<PriorUse>& history,
              PolicyDecision& d);

}  // namespace

PolicyDecision decide(const PolicyConfig& cfg, const PolicyUse& use, const ElderFacts& elder,
                      const std::vector<PriorUse>& history) {
    PolicyDecision d;
    d.priceFen = use.priceFen;
    priceUse(cfg, use, elder, history, d);
    for (const auto& op : cfg.operating)
        if (op.per == OperatingPer::Meal && ruleConditions(op, use, elder, cfg.calendar) == RuleVerdict::Applied) {
            d.operating.push_back(OperatingPaid{op.name, op.fen});
            d.operatingFen = addFen(d.operatingFen, op.fen);
        }
    // Contract 7's order once the elder is known; the only place it is written down.
    for (const auto& u : history)
        if (u.day == use.day && u.service == use.service) d.recorded = u;
    if (!use.open) d.outcome = Outcome::Closed;
    else if (d.recorded) d.outcome = Outcome::Duplicate;
    else if (d.ineligible) d.outcome = Outcome::Ineligible;
    else d.outcome = Outcome::Accepted;
    return d;
}

namespace {

void priceUse(const PolicyConfig& cfg, const PolicyUse& use, const ElderFacts& elder, const std::vector<PriorUse>& history,
              PolicyDecision& d) {
    const Fen price = use.priceFen;
    const LocalDate day = use.day;
    d.outcomes.reserve(cfg.rules.size());
    for (const auto& rule : cfg.rules) d.outcomes.push_back(RuleOutcome{&rule});

    // Rule 5: a free service uses no rules.
    if (price == Fen{0}) {
        for (auto& o : d.outcomes) o.verdict = RuleVerdict::FreeService;
        d.ineligible = false;
        return;
    }

    // Rule 1: uses and money of each rule this day and month, from the counted records only.
    struct Used {
        int today = 0, month = 0;
        Fen monthFen;
    };
    std::map<std::string, Used, std::less<>> used;
    for (const auto& u : history) {
        // The whole calendar month counts, later days too: a paper list entered afterwards with
        // `scan --at` must not reopen a cap that later records already spent.
        if (!sameMonth(u.day, day)) continue;
        bool today = u.day == day;
        // Policy v3: a record counts toward subsidised_per_day when a counting rule paid a part of
        // it (a rule no longer in site.toml counts, as every rule did before).
        bool counting = false;
        for (const auto& p : u.rules) {
            const RuleDef* r = cfg.findRule(p.rule);
            counting = counting || !r || r->countsTowardDaily;
        }
        if (today && counting) ++d.subsidisedToday;
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
        o.verdict = ruleConditions(rule, use, elder, cfg.calendar);
        if (o.verdict != RuleVerdict::Applied) continue;
        std::optional<Fen> left = capLeft(rule, u.monthFen);
        if (dayUsedUp && rule.countsTowardDaily) o.verdict = RuleVerdict::DailySubsidised;
        else if (rule.perDay && u.today >= *rule.perDay) o.verdict = RuleVerdict::DayLimit;
        else if (rule.perMonth && u.month >= *rule.perMonth) o.verdict = RuleVerdict::MonthLimit;
        else if (left && *left <= Fen{0} && !rule.eligibilityOnly()) o.verdict = RuleVerdict::CapSpent;
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
    Fen covered;
    for (size_t i : order) {
        const RuleDef& rule = cfg.rules[i];
        RuleOutcome& o = d.outcomes[i];
        Fen cap = capLeft(rule, o.monthPaidBefore).value_or(price);
        Shares paid;
        if (rule.elderFen) {
            Fen need = std::max<Fen>(Fen{0}, price - covered - *rule.elderFen);
            paid.at(rule.remainder) = std::min(need, cap);
        } else {
            Fen mine;
            for (Share s : kPaying) {
                Fen take = std::clamp<Fen>(rule.shares.at(s), Fen{0}, std::min(price - covered - mine, cap - mine));
                paid.at(s) = take;
                mine += take;
            }
        }
        Fen total = paid.government + paid.collective + paid.donation + paid.family;
        // Rule 4: a rule that adds nothing has not applied, unless it never meant to pay.
        if (total == Fen{0} && !rule.eligibilityOnly()) {
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
}

}  // namespace

std::vector<ElderDayShare> elderDayOperating(const PolicyConfig& cfg, const std::vector<SeenRecord>& records) {
    std::vector<ElderDayShare> out;
    for (const auto& op : cfg.operating) {
        if (op.per != OperatingPer::ElderDay) continue;
        std::map<std::string, const SeenRecord*> earliest;  // elder -> first matching record
        for (const auto& r : records) {
            if (ruleConditions(op, r.use, r.elder, cfg.calendar) != RuleVerdict::Applied) continue;
            const SeenRecord*& e = earliest[r.elderId];
            if (!e || r.at < e->at || (r.at == e->at && r.recordId < e->recordId)) e = &r;
        }
        for (const auto& [elder, r] : earliest) out.push_back(ElderDayShare{r->recordId, op.name, op.fen});
    }
    return out;
}

}  // namespace mh

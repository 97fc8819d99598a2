// The policy calculator against a deliberately simple second model written straight from the text
// of contract 10 (no shared helpers, no clever ordering): random rules, elders and month-long
// histories; both must agree to the fen on every use, and the money invariants must hold.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "shared/policy/policy_engine.hpp"
#include "support/policy_use.hpp"

using namespace mh;

namespace {

struct Model {
    std::vector<RulePaid> applied;
    Shares shares;
    bool ineligible = false;
    Fen operating;
};

// Policy v3's calendar, read literally: Monday to Friday (std::chrono's own weekday), less the
// holidays, plus the 调休 workdays.
bool modelWorkday(const PolicyConfig& p, LocalDate day) {
    for (const auto& w : p.calendar.workdays)
        if (w == day) return true;
    for (const auto& h : p.calendar.holidays)
        if (h == day) return false;
    unsigned wd = std::chrono::weekday{std::chrono::sys_days{day.ymd}}.iso_encoding();  // 1 = Monday
    return wd <= 5;
}

// The v3 conditions of a rule or operating subsidy on this use.
bool modelV3(const PolicyConfig& p, const Conditions& r, LocalDate day, bool delivered, Fen price) {
    unsigned wd = std::chrono::weekday{std::chrono::sys_days{day.ymd}}.iso_encoding();
    if (r.days && !((r.days >> (wd - 1)) & 1u)) return false;
    if (r.workdaysOnly && !modelWorkday(p, day)) return false;
    if (r.delivered && *r.delivered != delivered) return false;
    if (r.minPriceFen && price < *r.minPriceFen) return false;
    return true;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& y : v)
        if (y == x) return true;
    return false;
}

// Contract 10, rules 1–5, read literally.
Model simpleModel(const SiteConfig& cfg, const ServiceDef& svc, const ElderFacts& e, LocalDate day,
                  const std::vector<PriorUse>& history, bool delivered) {
    Model m;
    Fen price = svc.priceFen + (delivered ? svc.deliveryFen : 0_fen);  // v3: delivery is part of the price
    // v3: every matching per-meal operating subsidy pays; absent services: priced ones only.
    for (const auto& op : cfg.policy.operating) {
        if (op.per != OperatingPer::Meal) continue;
        bool ok = op.services.empty() ? price > 0_fen : contains(op.services, svc.id);
        if (!op.categories.empty()) {
            bool any = false;
            for (const auto& c : op.categories) any = any || contains(e.categories, c);
            ok = ok && any;
        }
        if (op.minAge > 0) ok = ok && e.birth && ageOn(*e.birth, day) >= op.minAge;
        ok = ok && modelV3(cfg.policy, op, day, delivered, price);
        if (ok) m.operating += op.fen;
    }
    if (price == 0_fen) return m;  // rule 5
    auto inMonth = [&](LocalDate d) { return d.year() == day.year() && d.month() == day.month(); };
    int subsidisedToday = 0;
    // v3: a record counts when a rule that counts toward the daily limit paid a part of it.
    for (const auto& u : history) {
        bool counting = false;
        for (const auto& p : u.rules)
            for (const auto& r : cfg.policy.rules)
                if (r.name == p.rule && r.countsTowardDaily) counting = true;
        if (u.day == day && counting) ++subsidisedToday;
    }
    auto usesOf = [&](const std::string& name, bool todayOnly) {
        int n = 0;
        for (const auto& u : history)
            if (inMonth(u.day) && (!todayOnly || u.day == day))
                for (const auto& p : u.rules) n += p.rule == name;
        return n;
    };
    auto paidOf = [&](const std::string& name) {
        Fen f;
        for (const auto& u : history)
            if (inMonth(u.day))
                for (const auto& p : u.rules)
                    if (p.rule == name) f += p.shares.government + p.shares.collective + p.shares.donation + p.shares.family;
        return f;
    };
    auto capLeft = [&](const RuleDef& r) { return r.monthCapFen ? std::max<Fen>(0_fen, *r.monthCapFen - paidOf(r.name)) : price; };
    // Rule 1: candidates.
    std::vector<const RuleDef*> cands;
    for (const auto& r : cfg.policy.rules) {
        bool ok = true;
        if (!r.categories.empty()) {
            bool any = false;
            for (const auto& c : r.categories) any = any || contains(e.categories, c);
            ok = ok && any;
        }
        for (const auto& c : r.allCategories) ok = ok && contains(e.categories, c);
        for (const auto& c : r.notCategories) ok = ok && !contains(e.categories, c);
        if (r.minAge > 0 || r.maxAge) {
            ok = ok && e.birth.has_value();
            if (e.birth) {
                int age = ageOn(*e.birth, day);
                ok = ok && age >= r.minAge && (!r.maxAge || age <= *r.maxAge);
            }
        }
        if (!r.villages.empty()) ok = ok && contains(r.villages, e.village);
        if (!r.services.empty()) ok = ok && contains(r.services, svc.id);
        if (r.from) ok = ok && !(day < *r.from);
        if (r.until) ok = ok && !(*r.until < day);
        ok = ok && modelV3(cfg.policy, r, day, delivered, price);
        if (cfg.policy.subsidisedPerDay && r.countsTowardDaily) ok = ok && subsidisedToday < *cfg.policy.subsidisedPerDay;
        if (r.perDay) ok = ok && usesOf(r.name, true) < *r.perDay;
        if (r.perMonth) ok = ok && usesOf(r.name, false) < *r.perMonth;
        bool noMoney = !r.elderFen && r.shares.government + r.shares.collective + r.shares.donation + r.shares.family == 0_fen;
        if (r.monthCapFen && !noMoney) ok = ok && capLeft(r) > 0_fen;
        if (ok) cands.push_back(&r);
    }
    // Rule 2: one per group; groups in order of their first rule in the file.
    std::vector<std::string> groups;
    for (const auto& r : cfg.policy.rules)
        if (!contains(groups, r.group)) groups.push_back(r.group);
    std::vector<const RuleDef*> picked;
    for (const auto& g : groups) {
        const RuleDef* best = nullptr;
        Fen bestAmount{-1};
        for (const RuleDef* r : cands) {
            if (r->group != g) continue;
            Fen amount = r->elderFen ? price - *r->elderFen
                                     : r->shares.government + r->shares.collective + r->shares.donation + r->shares.family;
            if (amount < 0_fen) amount = 0_fen;
            if (amount > price) amount = price;
            if (amount > capLeft(*r)) amount = capLeft(*r);
            if (!best || (cfg.policy.pick == Pick::Highest && amount > bestAmount)) {
                best = r;
                bestAmount = amount;
            }
        }
        if (best) picked.push_back(best);
    }
    // Rule 3: fixed shares, then elder_fen rules.
    Fen covered;
    auto apply = [&](const RuleDef* r) {
        Shares paid;
        Fen mine, cap = capLeft(*r);
        if (r->elderFen) {
            Fen need = price - covered - *r->elderFen;
            if (need < 0_fen) need = 0_fen;
            paid.at(r->remainder) = std::min(need, cap);
            mine = paid.at(r->remainder);
        } else {
            Fen want[4] = {r->shares.government, r->shares.collective, r->shares.donation, r->shares.family};
            Share which[4] = {Share::Government, Share::Collective, Share::Donation, Share::Family};
            for (int i = 0; i < 4; ++i) {
                Fen take = want[i];
                if (covered + mine + take > price) take = price - covered - mine;
                if (mine + take > cap) take = cap - mine;
                if (take < 0_fen) take = 0_fen;
                paid.at(which[i]) = take;
                mine += take;
            }
        }
        bool noMoney = !r->elderFen && r->shares.government + r->shares.collective + r->shares.donation + r->shares.family == 0_fen;
        if (mine == 0_fen && !noMoney) return;  // rule 4
        covered += mine;
        m.shares += paid;
        m.applied.push_back(RulePaid{r->name, paid});
    };
    for (const RuleDef* r : picked)
        if (!r->elderFen) apply(r);
    for (const RuleDef* r : picked)
        if (r->elderFen) apply(r);
    m.shares.elder = price - covered;
    m.ineligible = m.applied.empty() && cfg.policy.unsubsidised == Unsubsidised::Refuse;  // rule 5
    return m;
}

SiteConfig randomPolicy(std::mt19937& rng) {
    auto pickOne = [&](int n) { return int(rng() % unsigned(n)); };
    auto chance = [&](int pct) { return pickOne(100) < pct; };
    const std::vector<std::string> cats{"dibao", "tekun", "kunnan", "shineng"};
    auto someCats = [&] {
        std::vector<std::string> v;
        for (const auto& c : cats)
            if (chance(30)) v.push_back(c);
        return v;
    };
    SiteConfig cfg;
    cfg.services = {ServiceDef{"breakfast", "早餐", ServiceKind::Meal, {0}, {1440}, 300_fen, 0_fen},
                    ServiceDef{"lunch", "午餐", ServiceKind::Meal, {0}, {1440}, 1000_fen, Fen(chance(50) ? 200 : 0)},
                    ServiceDef{"dinner", "晚餐", ServiceKind::Meal, {0}, {1440}, 800_fen, Fen(pickOne(3) * 150)},
                    ServiceDef{"health", "助医", ServiceKind::Service, {0}, {1440}, 0_fen, 0_fen}};
    // A county calendar with holidays on weekdays and 调休 Saturdays and Sundays.
    for (int i = 0; i < 3; ++i) {
        if (chance(60)) cfg.policy.calendar.holidays.insert(LocalDate::of(2026, 11, unsigned(1 + pickOne(30))));
        if (chance(60)) cfg.policy.calendar.workdays.insert(LocalDate::of(2026, 11, unsigned(1 + pickOne(30))));
    }
    cfg.policy.pick = chance(50) ? Pick::Highest : Pick::First;
    cfg.policy.unsubsidised = chance(30) ? Unsubsidised::Refuse : Unsubsidised::FullPrice;
    if (chance(30)) cfg.policy.subsidisedPerDay = 1 + pickOne(2);
    int n = 1 + pickOne(7);
    for (int i = 0; i < n; ++i) {
        RuleDef r;
        r.name = "r" + std::to_string(i);
        r.group = std::vector<std::string>{"main", "a", "b"}[size_t(pickOne(3))];
        if (chance(40)) r.categories = someCats();
        if (chance(20)) r.allCategories = someCats();
        if (chance(15)) r.notCategories = someCats();
        if (chance(30)) r.minAge = 60 + pickOne(30);
        if (chance(15)) r.maxAge = 70 + pickOne(40);
        if (chance(15)) r.villages = {chance(50) ? "北关村" : "南关村"};
        if (chance(25)) r.services = {chance(50) ? "lunch" : "dinner"};
        if (chance(15)) r.from = LocalDate::of(2026, 11, unsigned(1 + pickOne(28)));
        if (chance(15)) r.until = LocalDate::of(2026, 11, unsigned(1 + pickOne(28)));
        if (chance(25)) r.perDay = 1 + pickOne(2);
        if (chance(25)) r.perMonth = 1 + pickOne(8);
        if (chance(40)) r.monthCapFen = Fen(pickOne(4000));
        if (chance(20)) r.days = unsigned(1 + pickOne(127));
        if (chance(25)) r.workdaysOnly = true;
        if (chance(25)) r.delivered = chance(50);
        if (chance(20)) r.minPriceFen = Fen(300 + pickOne(900));
        if (chance(30)) r.countsTowardDaily = false;
        int money = pickOne(10);
        if (money < 2) {
            // eligibility only
        } else if (money < 5) {
            r.elderFen = Fen(pickOne(1200));
            r.remainder = std::vector<Share>{Share::Government, Share::Collective, Share::Donation, Share::Family}[size_t(pickOne(4))];
        } else {
            r.shares = Shares{pickOne(3) ? Fen(pickOne(900)) : 0_fen, pickOne(2) ? Fen(pickOne(400)) : 0_fen,
                              pickOne(3) == 0 ? Fen(pickOne(300)) : 0_fen, pickOne(3) == 0 ? Fen(pickOne(300)) : 0_fen, 0_fen};
        }
        cfg.policy.rules.push_back(std::move(r));
    }
    for (int i = 0, n = pickOne(3); i < n; ++i) {
        OperatingDef op;
        op.name = "op" + std::to_string(i);
        op.fen = Fen(50 + pickOne(300));
        if (chance(30)) op.services = {"lunch"};
        if (chance(30)) op.categories = someCats();
        if (chance(30)) op.minAge = 60 + pickOne(30);
        if (chance(40)) op.delivered = chance(50);
        if (chance(30)) op.workdaysOnly = true;
        if (chance(20)) op.minPriceFen = Fen(500 + pickOne(800));
        cfg.policy.operating.push_back(std::move(op));
    }
    return cfg;
}

}  // namespace

TEST_CASE("property: the calculator agrees with the simple model to the fen over random month histories") {
    std::mt19937 rng(20261130);
    const std::vector<std::string> cats{"dibao", "tekun", "kunnan", "shineng"};
    int uses = 0, applied = 0, multi = 0, deliveredUses = 0, operatingUses = 0;
    for (int round = 0; round < 400; ++round) {
        SiteConfig cfg = randomPolicy(rng);
        ElderFacts elder;
        for (const auto& c : cats)
            if (rng() % 3 == 0) elder.categories.push_back(c);
        if (rng() % 8) elder.birth = LocalDate::of(1920 + int(rng() % 50), 1 + rng() % 12, 1 + rng() % 28);
        elder.village = rng() % 2 ? "北关村" : "南关村";
        std::vector<PriorUse> history;
        std::map<std::string, Fen> paidByRule;
        // Days in a random order: records entered later for earlier days (scan --at) count too.
        std::vector<int> days(30);
        for (int i = 0; i < 30; ++i) days[size_t(i)] = i + 1;
        if (round % 2) std::shuffle(days.begin(), days.end(), rng);
        for (int day : days) {
            LocalDate d = LocalDate::of(2026, 11, unsigned(day));
            for (const auto& svc : cfg.services) {
                if (rng() % 3 == 0) continue;
                bool delivered = svc.kind == ServiceKind::Meal && rng() % 3 == 0;
                PolicyDecision got = decideFor(cfg, svc, elder, d, history, delivered);
                Model want = simpleModel(cfg, svc, elder, d, history, delivered);
                ++uses;
                INFO("round " << round << " day " << day << " service " << svc.id);
                REQUIRE(got.shares == want.shares);
                REQUIRE(got.applied == want.applied);
                REQUIRE(got.ineligible == want.ineligible);
                REQUIRE(got.operatingFen == want.operating);
                // Invariants: the shares sum to the price, none negative, no rule past its month cap.
                CHECK(got.shares.total() == svc.priceFen + (delivered ? svc.deliveryFen : 0_fen));
                for (Share s : kAllShares) CHECK(got.shares.at(s) >= 0_fen);
                for (const auto& p : got.applied) {
                    paidByRule[p.rule] += p.total();
                    for (const auto& r : cfg.policy.rules)
                        if (r.name == p.rule && r.monthCapFen) CHECK(paidByRule[p.rule] <= *r.monthCapFen);
                }
                applied += !got.applied.empty();
                multi += got.applied.size() > 1;
                if (!got.ineligible) history.push_back(PriorUse{d, got.applied, svc.id});
                deliveredUses += delivered;
                operatingUses += got.operatingFen > 0_fen;
            }
        }
    }
    // The random policies must exercise the interesting paths, or the test proves little.
    CHECK(uses > 10000);
    CHECK(applied > uses / 5);
    CHECK(multi > 200);
    CHECK(deliveredUses > uses / 5);
    CHECK(operatingUses > uses / 20);
}

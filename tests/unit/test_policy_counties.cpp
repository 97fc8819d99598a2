// Real county policies written in site.toml, with splits checked by hand (the hand calculation is
// in the comments): 洪洞县 基本养老服务清单 items 13–18 (seeds/002) and 中阳县 "五个一点" (seeds/003).
#include <doctest/doctest.h>

#include "shared/policy/policy_engine.hpp"
#include "support/policy_use.hpp"

using namespace mh;

namespace {

const std::string kServices = R"(
[site]
id = "141024-001"
name = "测试食堂"

[[service]]
id = "lunch"
name = "午餐"
opens = "10:30"
closes = "13:30"
price_fen = 1000

[[service]]
id = "dinner"
name = "晚餐"
opens = "16:30"
closes = "18:30"
price_fen = 800
)";

// 洪洞: 13 百岁补贴 (100+, at least 300元 a month); 15 养老服务补贴 (经济困难 80+, 70元 a month);
// 17 低保户中80周岁及以上 助餐补贴; 18 护理补贴 (生活不能自理 60+ 经济困难, 100元 a month).
// Items 14 and 16 (notary, home adaptation) are not canteen money. Each item is its own group, so
// they stack (one elder can be 低保, 经济困难 and 失能 at once), each within its own monthly cap.
const std::string kHongtong = kServices + R"(
[[rule]]
name = "百岁补贴"
group = "centenarian"
min_age = 100
government_fen = 500
month_cap_fen = 30000

[[rule]]
name = "养老服务补贴"
group = "service"
categories = ["kunnan"]
min_age = 80
government_fen = 300
month_cap_fen = 7000

[[rule]]
name = "低保高龄助餐"
group = "meal"
categories = ["dibao"]
min_age = 80
services = ["lunch"]
government_fen = 400

[[rule]]
name = "护理补贴"
group = "care"
all_categories = ["shineng", "kunnan"]
min_age = 60
government_fen = 200
month_cap_fen = 10000
)";

SiteConfig parse(const std::string& text) {
    auto cfg = parseSiteConfig(text);
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    return *cfg;
}

std::vector<std::string> names(const PolicyDecision& d) {
    std::vector<std::string> out;
    for (const auto& p : d.applied) out.push_back(p.rule);
    return out;
}

// Records the decision as the engine would, for the next use's history.
void record(std::vector<PriorUse>& history, LocalDate day, const PolicyDecision& d) {
    history.push_back(PriorUse{day, d.applied});
}

const LocalDate kNov1 = LocalDate::of(2026, 11, 1);

}  // namespace

TEST_CASE("洪洞 item 15: a 经济困难 elder of 82 gets at most 70 yuan in a month, never 121.16") {
    SiteConfig cfg = parse(kHongtong);
    ElderFacts elder{{"kunnan"}, LocalDate::of(1944, 3, 1), "北关村"};
    const ServiceDef& lunch = *cfg.findService("lunch");
    const ServiceDef& dinner = *cfg.findService("dinner");
    std::vector<PriorUse> history;
    Fen government;
    // Lunch and dinner every day of November: 3 yuan each from 养老服务补贴 until 70 yuan are paid.
    // 23 uses × 300 = 6900; the 24th gets the 100 left (elder pays 900 of a lunch or 700 of a
    // dinner); from the 25th on the cap is spent: full price.
    int use = 0;
    for (int day = 0; day < 30; ++day)
        for (const ServiceDef* svc : {&lunch, &dinner}) {
            LocalDate d = kNov1.plusDays(day);
            PolicyDecision p = decideFor(cfg, *svc, elder, d, history);
            ++use;
            if (use <= 23) {
                CHECK(p.shares.government == 300_fen);
                CHECK(names(p) == std::vector<std::string>{"养老服务补贴"});
            } else if (use == 24) {
                CHECK(p.shares.government == 100_fen);
                CHECK(p.shares.elder == svc->priceFen - 100_fen);
            } else {
                CHECK(p.applied.empty());
                CHECK(p.shares.elder == svc->priceFen);
                CHECK(p.outcomeOf("养老服务补贴")->verdict == RuleVerdict::CapSpent);
            }
            government += p.shares.government;
            record(history, d, p);
        }
    CHECK(government == 7000_fen);
    // December starts a new month: 3 yuan again.
    CHECK(decideFor(cfg, lunch, elder, LocalDate::of(2026, 12, 1), history).shares.government == 300_fen);
}

TEST_CASE("洪洞 items 15, 17 and 18 stack for one elder who is 低保, 经济困难 and 失能") {
    SiteConfig cfg = parse(kHongtong);
    ElderFacts elder{{"dibao", "kunnan", "shineng"}, LocalDate::of(1941, 6, 1), "南关村"};
    // Lunch 10 yuan, fixed shares in group order (centenarian, service, meal, care):
    // 养老服务补贴 300 + 低保高龄助餐 400 + 护理补贴 200 = 900 government; the elder pays 100.
    PolicyDecision p = decideFor(cfg, *cfg.findService("lunch"), elder, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"养老服务补贴", "低保高龄助餐", "护理补贴"});
    CHECK(p.shares == Shares{900_fen, 0_fen, 0_fen, 0_fen, 100_fen});
    CHECK(p.applied[1].shares.government == 400_fen);
    // Dinner 8 yuan: 低保高龄助餐 is lunch only: 300 + 200 = 500; the elder pays 300.
    p = decideFor(cfg, *cfg.findService("dinner"), elder, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"养老服务补贴", "护理补贴"});
    CHECK(p.shares == Shares{500_fen, 0_fen, 0_fen, 0_fen, 300_fen});
    CHECK(p.outcomeOf("低保高龄助餐")->verdict == RuleVerdict::NotService);
}

TEST_CASE("洪洞 item 13 with the others: a centenarian's lunch is covered and the last rule adds nothing") {
    SiteConfig cfg = parse(kHongtong);
    ElderFacts elder{{"dibao", "kunnan", "shineng"}, LocalDate::of(1925, 1, 1), ""};
    // 百岁补贴 500 + 养老服务补贴 300 = 800; 低保高龄助餐 is cut to the 200 left; 护理补贴 finds the
    // price covered, adds nothing and so has not applied (and uses none of its cap).
    PolicyDecision p = decideFor(cfg, *cfg.findService("lunch"), elder, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"百岁补贴", "养老服务补贴", "低保高龄助餐"});
    CHECK(p.applied[2].shares.government == 200_fen);
    CHECK(p.shares == Shares{1000_fen, 0_fen, 0_fen, 0_fen, 0_fen});
    CHECK(p.outcomeOf("护理补贴")->verdict == RuleVerdict::PriceCovered);
}

TEST_CASE("洪洞 item 18 needs 失能 and 经济困难 together") {
    SiteConfig cfg = parse(kHongtong);
    const ServiceDef& lunch = *cfg.findService("lunch");
    // 失能 at 70 without 经济困难: no rule; full price.
    PolicyDecision p = decideFor(cfg, lunch, {{"shineng"}, LocalDate::of(1956, 1, 1), ""}, kNov1, {});
    CHECK(p.applied.empty());
    CHECK(p.shares.elder == 1000_fen);
    CHECK(p.outcomeOf("护理补贴")->verdict == RuleVerdict::NotCategory);
    // Both at 70: 护理补贴 2 yuan (养老服务补贴 needs 80+).
    p = decideFor(cfg, lunch, {{"shineng", "kunnan"}, LocalDate::of(1956, 1, 1), ""}, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"护理补贴"});
    CHECK(p.shares == Shares{200_fen, 0_fen, 0_fen, 0_fen, 800_fen});
    CHECK(p.outcomeOf("养老服务补贴")->verdict == RuleVerdict::Age);
}

// 中阳 "五个一点": 政府投一点、集体补一点、社会捐一点、子女尽一点、个人出一点. Every elder of 60+ has
// the five shares; 特困 and 低保 elders pay only 1 yuan (每餐只需付1元), the government topping up;
// each elder is subsidised once a day (每人每天限补贴一餐).
const std::string kZhongyang = kServices + R"(
[policy]
subsidised_per_day = 1

[[rule]]
name = "五个一点"
min_age = 60
government_fen = 400
collective_fen = 200
donation_fen = 100
family_fen = 100

[[rule]]
name = "一元餐"
group = "oneyuan"
categories = ["tekun", "dibao"]
elder_fen = 100
remainder = "government"
)";

TEST_CASE("中阳 五个一点: the five shares, the 1-yuan meal on top, and one subsidised meal a day") {
    SiteConfig cfg = parse(kZhongyang);
    const ServiceDef& lunch = *cfg.findService("lunch");
    const ServiceDef& dinner = *cfg.findService("dinner");
    // An ordinary elder of 65: 4 + 2 + 1 + 1 = 8 yuan of shares, pays 2.
    ElderFacts plain{{}, LocalDate::of(1961, 1, 1), ""};
    CHECK(decideFor(cfg, lunch, plain, kNov1, {}).shares == Shares{400_fen, 200_fen, 100_fen, 100_fen, 200_fen});
    // A 低保 elder of 70: fixed shares first (800), then 一元餐 tops up the government share by what
    // is still needed for the elder to pay 1 yuan: 1000 − 800 − 100 = 100. Government 500.
    ElderFacts dibao{{"dibao"}, LocalDate::of(1956, 1, 1), ""};
    PolicyDecision p = decideFor(cfg, lunch, dibao, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"五个一点", "一元餐"});
    CHECK(p.shares == Shares{500_fen, 200_fen, 100_fen, 100_fen, 100_fen});
    CHECK(p.applied[1].shares.government == 100_fen);
    // The same day's dinner: the one subsidised meal is used; no rule is a candidate: 8 yuan.
    std::vector<PriorUse> history{{kNov1, p.applied}};
    PolicyDecision d2 = decideFor(cfg, dinner, dibao, kNov1, history);
    CHECK(d2.applied.empty());
    CHECK(d2.shares.elder == 800_fen);
    CHECK(d2.outcomeOf("五个一点")->verdict == RuleVerdict::DailySubsidised);
    // Next day: subsidised again. An 8-yuan dinner: the five shares cover all 800 by themselves, so
    // 一元餐 has nothing left to add (not applied) and the elder pays nothing.
    PolicyDecision next = decideFor(cfg, dinner, dibao, kNov1.plusDays(1), history);
    CHECK(next.shares == Shares{400_fen, 200_fen, 100_fen, 100_fen, 0_fen});
    CHECK(names(next) == std::vector<std::string>{"五个一点"});
    CHECK(next.outcomeOf("一元餐")->verdict == RuleVerdict::PriceCovered);
    // A 特困 elder of 55 (under 五个一点's age): 一元餐 alone puts 9 yuan in the government share.
    CHECK(decideFor(cfg, lunch, {{"tekun"}, LocalDate::of(1971, 1, 1), ""}, kNov1, {}).shares == Shares{900_fen, 0_fen, 0_fen, 0_fen, 100_fen});
}

TEST_CASE("新标准自2027年1月1日起执行: the old rule ends on 31 December and the new one starts the next day") {
    SiteConfig cfg = parse(kServices + R"(
[[rule]]
name = "高龄2026"
min_age = 80
until = "2026-12-31"
government_fen = 300

[[rule]]
name = "高龄2027"
min_age = 80
from = 2027-01-01
government_fen = 500
)");
    ElderFacts old{{}, LocalDate::of(1940, 1, 1), ""};
    const ServiceDef& lunch = *cfg.findService("lunch");
    PolicyDecision dec31 = decideFor(cfg, lunch, old, LocalDate::of(2026, 12, 31), {});
    CHECK(names(dec31) == std::vector<std::string>{"高龄2026"});
    CHECK(dec31.outcomeOf("高龄2027")->verdict == RuleVerdict::NotYetInForce);
    PolicyDecision jan1 = decideFor(cfg, lunch, old, LocalDate::of(2027, 1, 1), {});
    CHECK(names(jan1) == std::vector<std::string>{"高龄2027"});
    CHECK(jan1.shares.government == 500_fen);
    CHECK(jan1.outcomeOf("高龄2026")->verdict == RuleVerdict::Expired);
}

TEST_CASE("就高不重复: pick = highest takes the rule that pays most, ties in file order") {
    SiteConfig cfg = parse(kServices + R"(
[policy]
pick = "highest"

[[rule]]
name = "低保"
categories = ["dibao"]
government_fen = 400

[[rule]]
name = "高龄"
min_age = 80
government_fen = 300
collective_fen = 300

[[rule]]
name = "高龄同额"
min_age = 80
government_fen = 600
)");
    const ServiceDef& lunch = *cfg.findService("lunch");
    // 低保 and 85: 高龄 (600) beats 低保 (400); 高龄同额 also pays 600 but comes later in the file.
    PolicyDecision p = decideFor(cfg, lunch, {{"dibao"}, LocalDate::of(1941, 1, 1), ""}, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"高龄"});
    CHECK(p.shares == Shares{300_fen, 300_fen, 0_fen, 0_fen, 400_fen});
    CHECK(p.outcomeOf("低保")->verdict == RuleVerdict::LostInGroup);
    CHECK(p.outcomeOf("低保")->lostTo->name == "高龄");
    // With pick = first, 低保 (first in the file) applies.
    cfg.policy.pick = Pick::First;
    CHECK(names(decideFor(cfg, lunch, {{"dibao"}, LocalDate::of(1941, 1, 1), ""}, kNov1, {})) ==
          std::vector<std::string>{"低保"});
}

TEST_CASE("per_day, per_month, villages and an eligibility rule with no money") {
    SiteConfig cfg = parse(kServices + R"(
[policy]
unsubsidised = "refuse"

[[rule]]
name = "本村助餐"
villages = ["北关村"]
per_day = 1
per_month = 2
government_fen = 500

[[rule]]
name = "本村老人"
group = "eligible"
villages = ["北关村", "南关村"]
)");
    const ServiceDef& lunch = *cfg.findService("lunch");
    const ServiceDef& dinner = *cfg.findService("dinner");
    ElderFacts beiguan{{}, std::nullopt, "北关村"}, nanguan{{}, std::nullopt, "南关村"}, other{{}, std::nullopt, "西街村"};
    // 北关村: 5 yuan and the eligibility rule (pays 0, applies).
    PolicyDecision p = decideFor(cfg, lunch, beiguan, kNov1, {});
    CHECK(names(p) == std::vector<std::string>{"本村助餐", "本村老人"});
    CHECK(p.shares == Shares{500_fen, 0_fen, 0_fen, 0_fen, 500_fen});
    std::vector<PriorUse> h{{kNov1, p.applied}};
    // Dinner the same day: per_day used; only the eligibility rule: full price, not refused.
    p = decideFor(cfg, dinner, beiguan, kNov1, h);
    CHECK(names(p) == std::vector<std::string>{"本村老人"});
    CHECK(p.shares.elder == 800_fen);
    CHECK_FALSE(p.ineligible);
    CHECK(p.outcomeOf("本村助餐")->verdict == RuleVerdict::DayLimit);
    h.push_back({kNov1, p.applied});
    // Day 2: subsidised again (2nd use of the month); day 3: per_month used.
    p = decideFor(cfg, lunch, beiguan, kNov1.plusDays(1), h);
    CHECK(p.shares.government == 500_fen);
    h.push_back({kNov1.plusDays(1), p.applied});
    p = decideFor(cfg, lunch, beiguan, kNov1.plusDays(2), h);
    CHECK(p.outcomeOf("本村助餐")->verdict == RuleVerdict::MonthLimit);
    CHECK(p.shares.elder == 1000_fen);
    // 南关村: eligible at full price; 西街村: refused.
    CHECK(decideFor(cfg, lunch, nanguan, kNov1, {}).shares.elder == 1000_fen);
    CHECK_FALSE(decideFor(cfg, lunch, nanguan, kNov1, {}).ineligible);
    CHECK(decideFor(cfg, lunch, other, kNov1, {}).ineligible);
    CHECK(decideFor(cfg, lunch, other, kNov1, {}).outcomeOf("本村老人")->verdict == RuleVerdict::Village);
}

TEST_CASE("a month cap cuts a fixed-share rule share by share, and an elder_fen rule at its cap") {
    SiteConfig cfg = parse(kServices + R"(
[[rule]]
name = "capped"
government_fen = 600
collective_fen = 300
month_cap_fen = 1000

[[rule]]
name = "oneyuan"
group = "b"
elder_fen = 100
remainder = "collective"
month_cap_fen = 150
)");
    const ServiceDef& lunch = *cfg.findService("lunch");
    ElderFacts e{{}, std::nullopt, ""};
    // First lunch: capped 600+300 = 900 (100 cap left); oneyuan: need 1000−900−100 = 0: adds
    // nothing (price as good as covered) and is not applied.
    PolicyDecision p = decideFor(cfg, lunch, e, kNov1, {});
    CHECK(p.shares == Shares{600_fen, 300_fen, 0_fen, 0_fen, 100_fen});
    CHECK(p.outcomeOf("oneyuan")->verdict == RuleVerdict::PriceCovered);
    std::vector<PriorUse> h{{kNov1, p.applied}};
    // Second: capped has 100 left: government 100, collective 0. oneyuan: need 1000−100−100 = 800,
    // cut at its cap 150 into collective. Elder 750.
    p = decideFor(cfg, lunch, e, kNov1.plusDays(1), h);
    CHECK(p.shares == Shares{100_fen, 150_fen, 0_fen, 0_fen, 750_fen});
    CHECK(p.applied[0].shares == Shares{100_fen, 0_fen, 0_fen, 0_fen, 0_fen});
    CHECK(p.applied[1].shares == Shares{0_fen, 150_fen, 0_fen, 0_fen, 0_fen});
}

// The two papers over a scripted month, against checkers written from their words (issue 24).
namespace {

struct PaperElder {
    ElderFacts facts;
    int age = 0;
    bool dibao = false, tekun = false, kunnan = false, shineng = false;
};

const std::vector<PaperElder> kPaperElders{
    {{{"dibao", "kunnan", "shineng"}, LocalDate::of(1941, 6, 1), "南关村"}, 85, true, false, true, true},
    {{{"kunnan"}, LocalDate::of(1944, 3, 1), "北关村"}, 82, false, false, true, false},
    {{{"dibao", "kunnan", "shineng"}, LocalDate::of(1925, 1, 1), ""}, 101, true, false, true, true},
    {{{"tekun"}, LocalDate::of(1971, 1, 1), ""}, 55, false, true, false, false},
    {{{"shineng", "kunnan"}, LocalDate::of(1956, 1, 1), ""}, 70, false, false, true, true},
    {{{}, LocalDate::of(1961, 1, 1), ""}, 65, false, false, false, false},
    {{{"dibao"}, std::nullopt, ""}, 0, true, false, false, false},  // no birth date
};

// The script: lunch every day, dinner on days not divisible by 3.
template <class Pay>
void scriptedNovember(const SiteConfig& cfg, const PaperElder& e, Pay&& pay) {
    std::vector<PriorUse> history;
    for (int dom = 1; dom <= 30; ++dom)
        for (const char* sid : {"lunch", "dinner"}) {
            if (std::string(sid) == "dinner" && dom % 3 == 0) continue;
            LocalDate day = kNov1.plusDays(dom - 1);
            PolicyDecision d = decideFor(cfg, *cfg.findService(sid), e.facts, day, history);
            pay(dom, std::string(sid), d);
            history.push_back(PriorUse{day, d.applied, sid});
        }
}

}  // namespace

TEST_CASE("洪洞 paper: a scripted November pays to the fen what items 13, 15, 17 and 18 say") {
    SiteConfig cfg = parse(kHongtong);
    Fen total, want;
    for (const PaperElder& e : kPaperElders) {
        // Each item: its amount per meal, its monthly ceiling, what it has paid this month.
        struct Item {
            bool eligible;
            Fen perMeal, monthly, paid;
            bool lunchOnly;
        };
        std::vector<Item> items{{e.age >= 100, 500_fen, 30000_fen, 0_fen, false},
                                {e.kunnan && e.age >= 80, 300_fen, 7000_fen, 0_fen, false},
                                {e.dibao && e.age >= 80, 400_fen, Fen{-1}, 0_fen, true},
                                {e.shineng && e.kunnan && e.age >= 60, 200_fen, 10000_fen, 0_fen, false}};
        scriptedNovember(cfg, e, [&](int dom, const std::string& sid, const PolicyDecision& d) {
            Fen price{sid == "lunch" ? 1000 : 800}, left = price, government;
            for (Item& it : items) {
                if (!it.eligible || (it.lunchOnly && sid != "lunch")) continue;
                Fen amount = std::min(it.perMeal, left);
                if (it.monthly >= 0_fen) amount = std::min(amount, it.monthly - it.paid);
                it.paid += amount;
                left -= amount;
                government += amount;
            }
            INFO("age " << e.age << " day " << dom << " " << sid);
            CHECK(d.shares.government == government);
            CHECK(d.shares.elder == price - government);
            total += d.shares.government;
            want += government;
        });
    }
    CHECK(total == want);
    CHECK(want > 0_fen);
}

TEST_CASE("中阳 paper: a scripted November pays to the fen what 五个一点 and 每餐只需付1元 say, once a day") {
    SiteConfig cfg = parse(kZhongyang);
    Shares total, want;
    for (const PaperElder& e : kPaperElders) {
        int subsidisedDay = 0;
        scriptedNovember(cfg, e, [&](int dom, const std::string& sid, const PolicyDecision& d) {
            Fen price{sid == "lunch" ? 1000 : 800};
            Shares paper;
            paper.elder = price;
            if (subsidisedDay != dom) {  // 每人每天限补贴一餐
                Fen left = price;
                if (e.age >= 60) {  // 政府4元、集体2元、社会1元、子女1元, as far as the meal goes
                    paper.government = std::min<Fen>(400_fen, left), left -= paper.government;
                    paper.collective = std::min<Fen>(200_fen, left), left -= paper.collective;
                    paper.donation = std::min<Fen>(100_fen, left), left -= paper.donation;
                    paper.family = std::min<Fen>(100_fen, left), left -= paper.family;
                }
                if ((e.tekun || e.dibao) && left > 100_fen) {  // 特困、低保每餐只需付1元, the government tops up
                    paper.government += left - 100_fen;
                    left = 100_fen;
                }
                paper.elder = left;
                if (left < price) subsidisedDay = dom;
            }
            INFO("age " << e.age << " day " << dom << " " << sid);
            CHECK(d.shares == paper);
            total += d.shares;
            want += paper;
        });
    }
    CHECK(total == want);
    CHECK(want.family > 0_fen);
}

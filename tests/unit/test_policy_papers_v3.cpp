// Two county papers that policy v3 was written for (issue 24), in site.toml as a county would write
// them, each paying a scripted month to the fen against a checker written from the paper's words
// (plain arithmetic, no shared helpers): a big-city standard (15元 / 5元 tiers on workdays, one
// subsidised meal a day, 送餐 with a delivery subsidy that still stacks, 2元 to the operator per
// delivered meal) and a city + district pair (3元 + 3元 only for meals of at least 10元, and the
// operator's 3元 per elder per day).
#include <doctest/doctest.h>

#include <set>

#include "shared/policy/policy_engine.hpp"
#include "shared/policy/policy_words.hpp"
#include "support/policy_use.hpp"

using namespace mh;

namespace {

// 某市老年助餐服务补贴标准: 特困、低保老人每餐补贴最多15元（不超过餐费），其他60岁以上老人每餐5元，
// 就高不重复，只在工作日（法定节假日除外）；每人每天限补贴一餐；送餐的，另补送餐费3元（不占每天一餐）；
// 运营补贴：每送一餐补贴运营方2元。送餐费3元。2027年元旦放假，1月9日（周六）调休上班。
const std::string kBigCity = R"(
[site]
id = "110105-001"
name = "某市社区长者食堂"

[policy]
pick = "highest"
subsidised_per_day = 1

[calendar]
holidays = ["2027-01-01"]
workdays = ["2027-01-09"]

[[service]]
id = "lunch"
name = "午餐"
opens = "10:30"
closes = "13:30"
price_fen = 2000
delivery_fen = 300

[[service]]
id = "dinner"
name = "晚餐"
opens = "16:30"
closes = "18:30"
price_fen = 1500
delivery_fen = 300

[[rule]]
name = "特困低保助餐"
group = "meal"
categories = ["tekun", "dibao"]
workdays_only = true
government_fen = 1500

[[rule]]
name = "老年助餐"
group = "meal"
min_age = 60
workdays_only = true
government_fen = 500

[[rule]]
name = "送餐补贴"
group = "delivery"
min_age = 60
delivered = true
counts_toward_daily = false
government_fen = 300

[[operating]]
name = "送餐运营补贴"
per = "meal"
delivered = true
fen = 200
)";

// 某市 + 某区: 60岁以上老人就餐，餐费10元及以上的，市级补贴3元、区级再补贴3元；运营方每服务一位老人一天
// 补贴3元。周一至周五供餐。
const std::string kCityDistrict = R"(
[site]
id = "140105-002"
name = "某区老年餐桌"

[[service]]
id = "breakfast"
name = "早餐"
price_fen = 500

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1200

[[service]]
id = "dinner"
name = "晚餐"
price_fen = 1000

[[rule]]
name = "市级助餐补贴"
group = "city"
min_age = 60
min_price_fen = 1000
days = ["mon", "tue", "wed", "thu", "fri"]
government_fen = 300

[[rule]]
name = "区级助餐补贴"
group = "district"
min_age = 60
min_price_fen = 1000
days = ["mon", "tue", "wed", "thu", "fri"]
government_fen = 300

[[operating]]
name = "运营补贴"
per = "elder_day"
min_age = 60
fen = 300
)";

SiteConfig parse(const std::string& text) {
    auto cfg = parseSiteConfig(text);
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    return *cfg;
}

const LocalDate kJan1 = LocalDate::of(2027, 1, 1);

// The paper's calendar, by hand: January 2027 starts on a Friday; 1 January is a holiday and
// Saturday 9 January a working day.
bool paperWorkday(int dayOfMonth) {
    if (dayOfMonth == 1) return false;
    if (dayOfMonth == 9) return true;
    int weekday = (4 + dayOfMonth - 1) % 7;  // 0 = Monday; 1 January 2027 is a Friday (4)
    return weekday < 5;
}

struct Paid {
    Fen government, elder, operating;
};

struct Elder {
    ElderFacts facts;
    bool poor = false;  // 特困 or 低保
    int age = 0;
};

}  // namespace

TEST_CASE("big-city paper: workday tiers, one subsidised meal a day, the delivery subsidy stacks, 2元 per trip") {
    SiteConfig cfg = parse(kBigCity);
    const std::vector<Elder> elders{
        {{{"dibao"}, LocalDate::of(1941, 5, 1), "东城"}, true, 85},
        {{{}, LocalDate::of(1956, 2, 1), "东城"}, false, 70},
        {{{"tekun"}, LocalDate::of(1970, 2, 1), "东城"}, true, 56},
        {{{}, std::nullopt, "东城"}, false, 0},  // no birth date: no age-bound rule
    };
    Fen government, elderPaid, operating, want, wantElder, wantOperating;
    int weekendLunches = 0, stackedDeliveries = 0;
    for (size_t who = 0; who < elders.size(); ++who) {
        const Elder& e = elders[who];
        std::vector<PriorUse> history;
        for (int dom = 1; dom <= 31; ++dom) {
            LocalDate day = kJan1.plusDays(dom - 1);
            bool mealSubsidisedToday = false;
            for (const char* sid : {"lunch", "dinner"}) {
                // The script: every elder eats lunch; dinner on odd days; delivered on days divisible by 3.
                if (std::string(sid) == "dinner" && dom % 2 == 0) continue;
                bool delivered = dom % 3 == 0;
                const ServiceDef& svc = *cfg.findService(sid);
                PolicyDecision d = decideFor(cfg, svc, e.facts, day, history, delivered);
                // The paper, word by word.
                Fen price{(std::string(sid) == "lunch" ? 2000 : 1500) + (delivered ? 300 : 0)};
                Fen tier;
                if (paperWorkday(dom) && !mealSubsidisedToday) {
                    if (e.poor) tier = std::min<Fen>(1500_fen, price);
                    else if (e.age >= 60) tier = 500_fen;
                }
                if (tier > 0_fen) mealSubsidisedToday = true;
                Fen delivery{delivered && e.age >= 60 ? 300 : 0};
                Paid paper{std::min(price, tier + delivery), 0_fen, Fen{delivered ? 200 : 0}};
                paper.elder = price - paper.government;
                INFO("elder " << who << " day " << dom << " " << sid << (delivered ? " delivered" : ""));
                CHECK(d.priceFen == price);
                CHECK(d.shares.government == paper.government);
                CHECK(d.shares.elder == paper.elder);
                CHECK(d.operatingFen == paper.operating);
                if (std::string(sid) == "lunch" && !paperWorkday(dom) && !delivered && e.age >= 60)
                    weekendLunches += d.shares.government == 0_fen;
                if (tier == 0_fen && delivery > 0_fen && paperWorkday(dom)) stackedDeliveries += d.shares.government == 300_fen;
                government += d.shares.government;
                elderPaid += d.shares.elder;
                operating += d.operatingFen;
                want += paper.government;
                wantElder += paper.elder;
                wantOperating += paper.operating;
                history.push_back(PriorUse{day, d.applied, sid});
            }
        }
    }
    CHECK(government == want);
    CHECK(elderPaid == wantElder);
    CHECK(operating == wantOperating);
    CHECK(weekendLunches > 0);     // weekend and holiday lunches are not subsidised
    CHECK(stackedDeliveries > 0);  // a delivered dinner after a subsidised lunch still gets 3元
}

TEST_CASE("big-city paper on the posting: 最多15元，不超过餐费, 工作日, 送餐, and the operator's line") {
    SiteConfig cfg = parse(kBigCity);
    CHECK(ruleLineZh(cfg.policy.rules[0], cfg.policy) ==
          "特困低保助餐（特困或低保）：工作日（法定节假日除外）的所有收费服务，每次政府补贴最多15元，不超过餐费");
    CHECK(ruleLineZh(cfg.policy.rules[1], cfg.policy) ==
          "老年助餐（60岁以上老人）：工作日（法定节假日除外）的所有收费服务，每次政府补贴5元，其余老人自付");
    CHECK(ruleLineZh(cfg.policy.rules[2], cfg.policy) ==
          "送餐补贴（60岁以上老人）：送餐，每次政府补贴3元，其余老人自付，不占每天的补贴次数");
    CHECK(operatingLineZh(cfg.policy.operating[0], cfg.policy) ==
          "送餐运营补贴：送餐，每餐2元（政府付给食堂，不算在老人的餐费里）");
    // Several payers whose sum can cover a meal: the sum is what is cut.
    SiteConfig two = parse(R"([site]
id = "110105-001"
name = "某食堂"

[[service]]
id = "breakfast"
name = "早餐"
price_fen = 300

[[rule]]
name = "低保"
categories = ["dibao"]
government_fen = 400
collective_fen = 100
)");
    CHECK(ruleMoneyZh(two.policy.rules[0], two.policy) == "每次政府补贴4元、村集体补贴1元，合计不超过餐费");
}

TEST_CASE("city + district paper: 3元 + 3元 stack only for meals of at least 10元, on weekdays, and 3元 per elder-day") {
    SiteConfig cfg = parse(kCityDistrict);
    const std::vector<Elder> elders{{{{}, LocalDate::of(1950, 1, 1), ""}, false, 77},
                                    {{{}, LocalDate::of(1970, 1, 1), ""}, false, 57}};
    Fen government, want;
    int belowTen = 0;
    for (const Elder& e : elders) {
        std::vector<PriorUse> history;
        for (int dom = 1; dom <= 31; ++dom) {
            LocalDate day = kJan1.plusDays(dom - 1);
            int weekday = (4 + dom - 1) % 7;
            for (const char* sid : {"breakfast", "lunch", "dinner"}) {
                const ServiceDef& svc = *cfg.findService(sid);
                PolicyDecision d = decideFor(cfg, svc, e.facts, day, history);
                // The paper: 60+, a meal of 10元 or more, Monday to Friday: 3元 from the city and 3元 from the district.
                Fen paper{e.age >= 60 && svc.priceFen >= 1000_fen && weekday < 5 ? 600 : 0};
                INFO("day " << dom << " " << sid);
                CHECK(d.shares.government == paper);
                CHECK(d.operatingFen == 0_fen);  // elder-day money is the tally's, not a record's
                belowTen += e.age >= 60 && svc.priceFen < 1000_fen && d.outcomeOf("市级助餐补贴")->verdict == RuleVerdict::BelowPrice;
                government += d.shares.government;
                want += paper;
                history.push_back(PriorUse{day, d.applied, sid});
            }
        }
    }
    CHECK(government == want);
    CHECK(want == 600_fen * 21 * 2);  // 21 weekdays in January 2027, lunch and dinner
    CHECK(belowTen == 21);  // weekday breakfasts; at weekends `days` is the reason given first

    // The operator's 3元 per elder per day goes to the elder's earliest counted record of the day,
    // whichever terminal wrote it; an elder under 60 brings none; a void moves it (the record is gone).
    PolicyUse breakfast{"breakfast", kJan1, false, 500_fen, true}, lunch{"lunch", kJan1, false, 1200_fen, true};
    std::vector<SeenRecord> seen{{7, "E1", "2027-01-01T11:40:00+08:00", lunch, elders[0].facts},
                                 {9, "E1", "2027-01-01T07:30:00+08:00", breakfast, elders[0].facts},
                                 {8, "E2", "2027-01-01T07:10:00+08:00", breakfast, elders[1].facts}};
    auto shares = elderDayOperating(cfg.policy, seen);
    REQUIRE(shares.size() == 1);
    CHECK(shares[0].recordId == 9);
    CHECK(shares[0].fen == 300_fen);
    seen.erase(seen.begin() + 1);  // record 9 voided
    shares = elderDayOperating(cfg.policy, seen);
    REQUIRE(shares.size() == 1);
    CHECK(shares[0].recordId == 7);
}

TEST_CASE("the calendar: 调休 Saturdays are workdays, holidays are not, and days names the weekdays") {
    SiteConfig cfg = parse(kBigCity);
    const Calendar& c = cfg.policy.calendar;
    for (int dom = 1; dom <= 31; ++dom) CHECK(c.isWorkday(kJan1.plusDays(dom - 1)) == paperWorkday(dom));
    CHECK(weekdayOf(LocalDate::of(2027, 1, 4)) == 0);  // a Monday
    SiteConfig pair = parse(kCityDistrict);
    CHECK(ruleDaysZh(pair.policy.rules[0]) == "周一至周五");
    CHECK(ruleLineZh(pair.policy.rules[0], pair.policy) ==
          "市级助餐补贴（60岁以上老人）：周一至周五的所有收费服务（餐费10元及以上），每次政府补贴3元，其余老人自付");
}

// site.toml's policy extensions (contract 10): every new key is read, and every mistake is refused
// with the line of its key (or of its [[rule]]) in words a county IT person can act on.
#include <doctest/doctest.h>

#include "shared/policy/policy_toml.hpp"
#include "shared/site/site_config.hpp"

using namespace mh;

namespace {

// Lines 1–8: the site and one service; a test's rules start on line 9.
const std::string kHead =
    "[site]\n"              // 1
    "id = \"141022-001\"\n"  // 2
    "name = \"测试\"\n"      // 3
    "\n"                    // 4
    "[[service]]\n"         // 5
    "id = \"lunch\"\n"       // 6
    "price_fen = 1000\n"    // 7
    "\n";                   // 8

Error errorOf(const std::string& toml) {
    auto cfg = parseSiteConfig(kHead + toml);
    REQUIRE_FALSE(cfg.ok());
    return cfg.error();
}

// The message names `line` and says `words`.
void refused(const std::string& toml, int line, const std::string& words) {
    Error e = errorOf(toml);
    INFO(e.message);
    CHECK(e.message.find("第" + std::to_string(line) + "行") != std::string::npos);
    CHECK(e.message.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("every policy key of contract 10 is read") {
    auto cfg = parseSiteConfig(kHead + R"([policy]
pick = "highest"
subsidised_per_day = 1

[[rule]]
name = "护理补贴"
group = "care"
categories = ["低保"]
all_categories = ["shineng", "经济困难"]
not_categories = ["tekun"]
min_age = 60
max_age = 99
villages = ["北关村"]
services = ["lunch"]
from = "2027-01-01"
until = 2027-12-31
per_day = 1
per_month = 20
month_cap_fen = 10000
elder_fen = 100
remainder = "collective"
)");
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    CHECK(cfg->policy.pick == Pick::Highest);
    CHECK(cfg->policy.subsidisedPerDay == 1);
    const RuleDef& r = cfg->policy.rules.at(0);
    CHECK(r.group == "care");
    CHECK(r.categories == std::vector<std::string>{"dibao"});
    CHECK(r.allCategories == std::vector<std::string>{"shineng", "kunnan"});
    CHECK(r.notCategories == std::vector<std::string>{"tekun"});
    CHECK(r.maxAge == 99);
    CHECK(r.villages == std::vector<std::string>{"北关村"});
    CHECK(r.from == LocalDate::of(2027, 1, 1));
    CHECK(r.until == LocalDate::of(2027, 12, 31));
    CHECK(r.perDay == 1);
    CHECK(r.perMonth == 20);
    CHECK(r.monthCapFen == 10000_fen);
    CHECK(r.elderFen == 100_fen);
    CHECK(r.remainder == Share::Collective);
    CHECK_FALSE(r.eligibilityOnly());
    CHECK(r.line == 13);
}

TEST_CASE("policy mistakes are refused with their line") {
    // An unknown key in a rule, on its own line.
    refused("[[rule]]\nname = \"a\"\nvillage = [\"北关村\"]\n", 11, "village");
    // An unknown share name is an unknown key too.
    refused("[[rule]]\nname = \"a\"\nvillager_fen = 100\n", 11, "villager_fen");
    // Unknown categories in all_categories and not_categories.
    refused("[[rule]]\nname = \"a\"\nall_categories = [\"shineng\", \"rich\"]\n", 11, "不认识的类别 \"rich\"");
    refused("[[rule]]\nname = \"a\"\nnot_categories = [\"富裕\"]\n", 11, "不认识的类别");
    // remainder not one of the four shares (the elder's share cannot be a remainder).
    refused("[[rule]]\nname = \"a\"\nelder_fen = 100\nremainder = \"elder\"\n", 12, "remainder");
    // elder_fen together with fixed shares: the line of the [[rule]].
    refused("[[rule]]\nname = \"a\"\nelder_fen = 100\ngovernment_fen = 500\n", 9, "只能二选一");
    // from after until: the line of `from`.
    refused("[[rule]]\nname = \"a\"\nuntil = \"2026-12-31\"\nfrom = \"2027-01-01\"\n", 12, "晚于");
    refused("[[rule]]\nname = \"a\"\nfrom = \"2027-02-30\"\n", 11, "日期");
    // Two rules with one name: the line of the second name.
    refused("[[rule]]\nname = \"高龄\"\n\n[[rule]]\nname = \"高龄\"\n", 13, "重复");
    // Negative money, in words.
    refused("[[rule]]\nname = \"a\"\ngovernment_fen = -100\n", 11, "不能是负数");
    refused("[[rule]]\nname = \"a\"\nmonth_cap_fen = -1\n", 11, "不能是负数");
    refused("[[rule]]\nname = \"a\"\nelder_fen = -1\n", 11, "不能是负数");
    // A bad pick and a bad subsidised_per_day.
    refused("[policy]\npick = \"largest\"\n", 10, "pick");
    refused("[policy]\nsubsidised_per_day = \"one\"\n", 10, "subsidised_per_day");
    refused("[policy]\nlimit = 1\n", 10, "limit");
    // remainder without elder_fen means nothing: refused rather than silently ignored.
    refused("[[rule]]\nname = \"a\"\ngovernment_fen = 100\nremainder = \"family\"\n", 12, "elder_fen");
}

TEST_CASE("a rule with no money is an eligibility rule") {
    auto cfg = parseSiteConfig(kHead + "[[rule]]\nname = \"本村\"\nvillages = [\"北关村\"]\n");
    REQUIRE(cfg.ok());
    CHECK(cfg->policy.rules[0].eligibilityOnly());
    CHECK(cfg->policy.rules[0].group == "main");
}

TEST_CASE("init's default site.toml shows every feature commented out, and each parses when enabled") {
    std::string text = defaultSiteToml("141022-009", "南关村助餐点");
    auto plain = parseSiteConfig(text);
    REQUIRE(plain.ok());
    CHECK(plain->policy.rules.size() == 2);  // the commented examples stay off
    for (const char* key : {"pick", "subsidised_per_day", "group", "all_categories", "not_categories", "max_age",
                            "villages", "from", "until", "per_day", "per_month", "month_cap_fen", "elder_fen",
                            "remainder", "days", "workdays_only", "delivered", "min_price_fen", "counts_toward_daily",
                            "delivery_fen", "holidays", "workdays", "per", "fen"})
        CHECK_MESSAGE(text.find(std::string("# ") + key) != std::string::npos, key);
    // Uncommenting the examples gives a valid policy: the [policy] keys go under [policy], the rules
    // after the others.
    std::string enabled;
    size_t pos = 0;
    bool examples = false;  // inside the commented block, from its heading to [cards]
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        std::string line = text.substr(pos, end - pos);
        pos = end == std::string::npos ? text.size() : end + 1;
        if (line.find("更多写法") != std::string::npos) examples = true;
        if (line == "[cards]") examples = false;
        if (examples && (line.rfind("# pick", 0) == 0 || line.rfind("# subsidised_per_day", 0) == 0)) {
            size_t at = enabled.find("[policy]\n");
            REQUIRE(at != std::string::npos);
            enabled.insert(at + 9, line.substr(2) + "\n");
            continue;
        }
        bool example = examples && (line.rfind("# [[rule]]", 0) == 0 || line.rfind("# [[operating]]", 0) == 0 ||
                                    line.rfind("# [calendar]", 0) == 0 ||
                                    (line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos));
        enabled += (example ? line.substr(2) : line) + "\n";
    }
    auto cfg = parseSiteConfig(enabled);
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    CHECK(cfg->policy.rules.size() == 7);
    CHECK(cfg->policy.operating.size() == 1);
    CHECK(cfg->policy.calendar.holidays.size() == 1);
    CHECK(cfg->policy.rules[6].workdaysOnly);
    CHECK(cfg->policy.pick == Pick::Highest);
    CHECK(cfg->policy.rules[2].allCategories.size() == 2);
    CHECK(cfg->policy.rules[3].elderFen == 100_fen);
    CHECK(cfg->policy.rules[4].eligibilityOnly());
}

TEST_CASE("policy v3 keys are read: calendar, days, workdays_only, delivered, min_price_fen, counts_toward_daily, operating") {
    auto cfg = parseSiteConfig(R"([site]
id = "141022-001"
name = "测试"

[calendar]
holidays = ["2027-01-01", 2027-02-11]
workdays = ["2027-02-07"]

[[service]]
id = "lunch"
price_fen = 1000
delivery_fen = 200

[[rule]]
name = "送餐补贴"
days = ["mon", "fri"]
workdays_only = true
delivered = true
min_price_fen = 1000
counts_toward_daily = false
government_fen = 200

[[operating]]
name = "运营补贴"
per = "elder_day"
services = ["lunch"]
fen = 300
)");
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    const PolicyConfig& p = cfg->policy;
    CHECK(p.calendar.holidays.size() == 2);
    CHECK(p.calendar.isWorkday(LocalDate::of(2027, 2, 7)));   // a Sunday made a workday (调休)
    CHECK_FALSE(p.calendar.isWorkday(LocalDate::of(2027, 1, 1)));
    CHECK(p.services.at(0).priceFor(true) == 1200_fen);
    CHECK(cfg->services.at(0).deliveryFen == 200_fen);
    const RuleDef& r = p.rules.at(0);
    CHECK(r.days == ((1u << 0) | (1u << 4)));
    CHECK(r.workdaysOnly);
    CHECK(r.delivered == true);
    CHECK(r.minPriceFen == 1000_fen);
    CHECK_FALSE(r.countsTowardDaily);
    REQUIRE(p.operating.size() == 1);
    CHECK(p.operating[0].per == OperatingPer::ElderDay);
    CHECK(p.operating[0].fen == 300_fen);
    CHECK(p.operating[0].line == 23);
}

TEST_CASE("policy v3 mistakes are refused with their line, in Chinese") {
    refused("[[rule]]\nname = \"a\"\ndays = [\"mon\", \"monday\"]\n", 11, "\"monday\" 不是星期");
    refused("[[rule]]\nname = \"a\"\nper_day = 0\n", 11, "per_day 不能是 0");
    refused("[[rule]]\nname = \"a\"\nper_month = 0\n", 11, "per_month 不能是 0");
    refused("[[operating]]\nname = \"运营补贴\"\nper = \"meal\"\n", 9, "缺少 fen");
    refused("[[operating]]\nname = \"运营补贴\"\nper = \"trip\"\nfen = 200\n", 11, "per 应为");
    refused("[calendar]\nholidays = [\"2027-13-01\"]\n", 10, "日期");
    // An unknown category is refused with the names that are accepted.
    Error e = errorOf("[[rule]]\nname = \"a\"\ncategories = [\"pinkun\"]\n");
    CHECK(e.message.find("第11行") != std::string::npos);
    CHECK(e.message.find("不认识的类别 \"pinkun\"，可以写：") != std::string::npos);
    CHECK(e.message.find("dibao（低保）") != std::string::npos);
    // A key written twice: toml++'s English error, said in Chinese with its line.
    e = errorOf("[[rule]]\nname = \"a\"\nper_day = 1\nper_day = 2\n");
    CHECK(e.message == "site.toml第12行：\"per_day\" 写了两次（同一处每一项只能写一次，请删掉多余的一行）");
    CHECK(e.message.find("redefine") == std::string::npos);
}

TEST_CASE("a village no roster elder has is accepted with a warning naming the known villages") {
    auto cfg = parseSiteConfig(kHead + "[[rule]]\nname = \"北关补贴\"\nvillages = [\"北官村\"]\ngovernment_fen = 100\n");
    REQUIRE(cfg.ok());
    auto warnings = unknownVillageWarnings(cfg->policy, {"北关村", "南关村"});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "site.toml第9行：规则「北关补贴」的村 \"北官村\" 名册里没有老人（拼写错了吗？），名册里的村有：北关村、南关村");
    CHECK(unknownVillageWarnings(cfg->policy, {"北官村"}).empty());
}

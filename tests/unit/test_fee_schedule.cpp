// The posting's 收费标准: the rules in force in the month, in plain Chinese, nothing about a person.
#include <doctest/doctest.h>

#include "shared/posting/fee_schedule.hpp"

using namespace mh;

TEST_CASE("收费标准 lists the prices and the rules in force that month in plain Chinese") {
    auto cfg = parseSiteConfig(R"(
[site]
id = "141024-001"
name = "测试"

[policy]
pick = "highest"
subsidised_per_day = 1

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000

[[service]]
id = "dinner"
name = "晚餐"
price_fen = 800

[[service]]
id = "health"
name = "助医"
kind = "service"
price_fen = 0

[[rule]]
name = "养老服务补贴"
categories = ["kunnan"]
min_age = 80
services = ["lunch", "dinner"]
government_fen = 700
month_cap_fen = 7000

[[rule]]
name = "低保"
categories = ["dibao", "dibao_edge"]
not_categories = ["tekun"]
government_fen = 400
collective_fen = 100
until = "2026-11-30"

[[rule]]
name = "一元餐"
group = "b"
villages = ["北关村"]
elder_fen = 100
per_day = 1
from = "2026-12-01"
)");
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    auto nov = feeScheduleLines(*cfg, LocalDate::of(2026, 11, 1), LocalDate::of(2026, 11, 30));
    std::vector<std::string> want{
        "价格：午餐10元，晚餐8元；助医免费。",
        "养老服务补贴（经济困难且80岁以上）：午餐、晚餐，每次政府补贴7元，其余老人自付，每月最多70元。",
        "低保（低保或低保边缘，特困除外）：所有收费服务，每次政府补贴4元、村集体补贴1元，其余老人自付，执行到2026年11月30日。",
        "同时符合同一类中几项的，按就高原则只享受其中一项，不重复享受；每人每天限享受补贴1次；不符合以上条件的老人按价格付费。",
    };
    CHECK(nov == want);
    // December: 低保 has ended, 一元餐 has begun.
    auto dec = feeScheduleLines(*cfg, LocalDate::of(2026, 12, 1), LocalDate::of(2026, 12, 31));
    REQUIRE(dec.size() == 4);
    CHECK(dec[2] == "一元餐（北关村）：所有收费服务，老人每次只需付1元，其余由政府补贴，每天限1次，2026年12月1日起执行。");
    CHECK(dec[3] == "不同类的补贴可以同时享受，但合计不超过价格；每人每天限享受补贴1次；不符合以上条件的老人按价格付费。");
}

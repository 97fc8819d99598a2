// The settlement's lines (contract 12) for a meal two rules paid: each rule's line has only what that
// rule paid, and the elder's part is shown once, so a service's lines add up to its 合计.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/eats/settlement.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

// The standard rules and a village's own 助餐 money in a group of its own, so it stacks on 低保高龄.
const std::string kVillageRule = R"(
[[rule]]
name = "村集体助餐"
group = "village"
categories = ["dibao"]
collective_fen = 150
)";

const SettlementLine& lineOf(const Settlement& s, const std::string& service, const std::string& line) {
    for (const auto& l : s.lines)
        if (l.service == service && l.line == line) return l;
    FAIL("no line " << service << " " << line);
    return s.lines.front();
}

}  // namespace

TEST_CASE("a meal two rules paid: each rule line shows only its own part, the elder's share once, and the lines add up to 合计") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path(), test::standardToml(kVillageRule));
    const LocalDate day = LocalDate::of(2026, 11, 25);
    const std::string idA = test::makeIdNumber("19400101", 12);  // 低保, 86
    const std::string csv = "elder_id,name,id_number,categories\nA1,张桂兰," + idA + ",dibao\n";
    REQUIRE(importRoster(*site, csv, day, "2026-11-25T08:00:00+08:00", "test").ok());
    FakeClock clock{0};
    CheckInEngine engine(*site, clock);
    auto r = engine.scan(ScanRequest{idA, ServiceId("lunch"), LocalDateTime{day, 11, 32, 0}});
    REQUIRE(r.ok());
    REQUIRE(r->accepted());
    REQUIRE(r->rules.size() == 2);

    const Settlement s = buildSettlement(*site, *monthPeriod("2026-11"));
    const SettlementLine& first = lineOf(s, "lunch", r->rules[0]);
    const SettlementLine& second = lineOf(s, "lunch", r->rules[1]);
    const SettlementLine& total = lineOf(s, "lunch", "合计");
    CHECK(first.count == 1);
    CHECK(second.count == 1);
    CHECK(total.count == 1);
    // The village rule's line has only the village's money, and no elder's share.
    const SettlementLine& village = r->rules[0] == "村集体助餐" ? first : second;
    const SettlementLine& dibao = r->rules[0] == "村集体助餐" ? second : first;
    CHECK(village.shares.collective == 150_fen);
    CHECK(village.shares.government == 0_fen);
    CHECK(dibao.shares.collective + village.shares.collective == total.shares.collective);
    // The elder's share once: on the record's own (first) rule's line, never on both.
    CHECK(total.shares.elder > 0_fen);
    CHECK(first.shares.elder == total.shares.elder);
    CHECK(second.shares.elder == 0_fen);
    // Every column of the rule lines adds up to 合计.
    CHECK(first.shares.government + second.shares.government == total.shares.government);
    CHECK(first.shares.collective + second.shares.collective == total.shares.collective);
    CHECK(first.shares.donation + second.shares.donation == total.shares.donation);
    CHECK(first.shares.family + second.shares.family == total.shares.family);
    CHECK(first.shares.elder + second.shares.elder == total.shares.elder);
    CHECK(total.shares.government + total.shares.collective + total.shares.donation + total.shares.family + total.shares.elder == 1000_fen);
}

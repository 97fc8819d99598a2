// The menu book (contract 14): dishes split as staff type them, validation before anything is
// written, the newest menu of a day winning, the site's dish list, ISO weeks.
#include <doctest/doctest.h>

#include "shared/core/text.hpp"
#include "shared/menu/menu_book.hpp"
#include "shared/reports/kitchen_day.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/elder_store.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
// 2027-03-01 10:00 in Asia/Shanghai.
constexpr std::int64_t kNow = 1803866400;
}

TEST_CASE("dishes split at ASCII and Chinese commas and 、, trimmed, empty ones dropped") {
    CHECK(splitDishes("红烧豆腐,青菜，米饭、 紫菜蛋汤 ,,") == std::vector<std::string>{"红烧豆腐", "青菜", "米饭", "紫菜蛋汤"});
    CHECK(splitDishes("  ").empty());
}

TEST_CASE("ISO weeks: 2027-W09 starts on Monday 1 March, week 1 holds 4 January, W53 only in long years") {
    CHECK(parseIsoWeek("2027-W09")->iso() == "2027-03-01");
    CHECK(parseIsoWeek("2026-W01")->iso() == "2025-12-29");
    CHECK(parseIsoWeek("2026-W53")->iso() == "2026-12-28");  // 2026 has 53 weeks
    CHECK_FALSE(parseIsoWeek("2027-W53"));
    CHECK_FALSE(parseIsoWeek("2027-09"));
    CHECK_FALSE(parseIsoWeek("2027-W00"));
    CHECK(isoWeekOf(LocalDate::of(2027, 3, 7)) == "2027-W09");
    CHECK(isoWeekOf(LocalDate::of(2027, 1, 1)) == "2026-W53");
}

TEST_CASE("a menu is set for a meal only, with sensible dishes, the newest setting of a day wins, the dish list counts uses") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    LocalDate day = LocalDate::of(2027, 3, 2);
    CHECK(setMenu(*site, {day, "lunch", {"红烧豆腐", "青菜", "米饭"}, "王师傅"}, kNow));
    CHECK(setMenu(*site, {day, "breakfast", {"小米粥", "馒头"}, "王师傅"}, kNow));
    CHECK(setMenu(*site, {day.plusDays(1), "lunch", {"青菜", "米饭", "炖鸡"}, "王师傅"}, kNow));

    auto refused = setMenu(*site, {day, "health", {"青菜"}, "王师傅"}, kNow);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "menu.service");
    CHECK(setMenu(*site, {day, "lunch", {"青菜", "青菜"}, ""}, kNow).error().code == "menu.dish");
    CHECK(setMenu(*site, {day, "lunch", {std::string(61, 'x')}, ""}, kNow).error().code == "menu.dish");
    CHECK(setMenu(*site, {day.plusDays(400), "lunch", {"青菜"}, ""}, kNow).error().code == "menu.day");
    CHECK(menuOfDay(site->db(), day)["lunch"] == std::vector<std::string>{"红烧豆腐", "青菜", "米饭"});

    CHECK(setMenu(*site, {day, "lunch", {"土豆烧肉", "米饭"}, "王师傅"}, kNow + 60));
    auto menu = menuOfDay(site->db(), day);
    CHECK(menu["lunch"] == std::vector<std::string>{"土豆烧肉", "米饭"});
    CHECK(menu["breakfast"] == std::vector<std::string>{"小米粥", "馒头"});
    CHECK(setMenu(*site, {day, "breakfast", {}, "王师傅"}, kNow + 120));  // cleared
    CHECK(menuOfDay(site->db(), day).count("breakfast") == 0);

    auto dishes = knownDishes(site->db());
    REQUIRE(dishes.size() == 7);
    CHECK(dishes[0] == "米饭");  // set three times
    CHECK(dishes[1] == "青菜");
}

TEST_CASE("the roster's 饮食 column: codes or names, kept on re-import, refused when unknown, and the kitchen's list masks names") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    const std::string csv = "elder_id,name,birth_date,饮食\nE1,张桂兰,1940-01-02,低盐|soft\nE2,王秀英,1941-02-03,\n"
                            "E3,李淑珍,1942-03-04,清真\nE4,赵大妈,1943-03-04,辣\n";
    LocalDate today = LocalDate::of(2027, 3, 1);
    auto r = importRoster(*site, csv, today, "2027-03-01T08:00:00+08:00", "test");
    REQUIRE(r);
    CHECK(r->added == 3);
    REQUIRE(r->rejected.size() == 1);
    CHECK(r->rejected[0].reason.find("辣") != std::string::npos);
    CHECK(r->rejected[0].reason.find("低盐") != std::string::npos);  // says what may be written
    auto again = importRoster(*site, csv, today, "2027-03-01T08:05:00+08:00", "test");
    REQUIRE(again);
    CHECK(again->unchanged == 3);
    auto e1 = ElderStore(site->db()).byElderId(ElderId("E1"));
    REQUIRE(e1);
    CHECK(e1->diets == std::vector<std::string>{"low_salt", "soft"});

    auto kitchen = kitchenDayList(*site, LocalDate::of(2027, 3, 1));
    REQUIRE(kitchen.size() == 3);  // 低盐, 软食, 清真 in the contract's order
    CHECK(kitchen[0].name == "低盐");
    CHECK(kitchen[0].regulars == std::vector<std::string>{maskName("张桂兰")});
    CHECK(kitchen[0].regulars[0] != "张桂兰");
    CHECK(kitchen[2].name == "清真");
}

// The menu book (contract 14): dishes split as staff type them, validation before anything is
// written, the newest menu of a day winning, the site's dish list, ISO weeks.
#include <doctest/doctest.h>

#include "shared/menu/menu_book.hpp"
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

TEST_CASE("a menu is set for a meal only, with sensible dishes; the newest setting of a day wins; the dish list counts uses") {
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

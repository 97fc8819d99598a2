// Today's menu as the waiting screen shows it (contract 14): the day's meal services that have a
// menu, the one open now or next first, and the sentence 听菜谱 reads.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/kiosk_state.hpp"
#include "shared/menu/menu_book.hpp"

namespace mh::ui {

// The meal services of `config` with a menu in `day`, in site.toml's order but starting with the
// first one not yet closed at `now` (open now or next); those already over today come last.
std::vector<MealMenu> orderTodayMenu(const SiteConfig& config, const DayMenu& day, const WallTime& now);

// "今天午餐：红烧豆腐、青菜、米饭", one sentence per meal joined by "。".
std::string menuSentence(const std::vector<MealMenu>& menu);

// A week's day as 本周菜谱 names it: 12月7日 星期一.
std::string menuDayLabel(const LocalDate& d);

// Dishes as one reads them: 红烧豆腐、青菜、米饭.
std::string dishList(const std::vector<std::string>& dishes);

// The title over a meal's dishes on the waiting screen: 今天午餐.
std::string menuTitle(const MealMenu& m);

}  // namespace mh::ui

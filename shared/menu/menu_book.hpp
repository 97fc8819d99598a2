// The menu (contract 14): which dishes each meal service serves on a day, set by staff ahead (`menu
// set`, the staff screen's 本周菜谱), shown large on the idle screen and printed for the notice board.
//
// Like the safety book, a menu is kept as audit entries (action "menu.set", subject "DAY SERVICE",
// detail JSON): append-only, replicated to the site's other terminals, and the newest entry for a day
// and service is the menu. The site's dish list is every dish it has ever set, so a dish is typed once
// and picked afterwards.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

inline constexpr int kMaxDishes = 12;
inline constexpr std::size_t kMaxDishBytes = 60;  // 20 Chinese characters

struct MenuRequest {
    LocalDate day;
    std::string service;              // a meal service of site.toml
    std::vector<std::string> dishes;  // in serving order; empty clears the day's menu
    std::string actor;                // who set it (audit)
};

// "红烧豆腐,青菜，米饭、汤" → the dishes, split at ASCII and Chinese commas and 、, trimmed, empty ones
// dropped.
std::vector<std::string> splitDishes(const std::string& text);

// Checks and records the menu. Refused (nothing written): a service that is not a meal of this site
// ("menu.service"), a dish that is empty, too long or given twice, more than kMaxDishes ("menu.dish"),
// a day more than a year away ("menu.day"), a failed write ("store.*").
Status setMenu(Site& site, const MenuRequest& req, std::int64_t nowUnix);

// Service id → dishes, for one day (services with a menu only).
using DayMenu = std::map<std::string, std::vector<std::string>>;
DayMenu menuOfDay(Database& db, const LocalDate& day);

// Every dish the site has set, most often set first (ties by name): what the staff screen offers.
std::vector<std::string> knownDishes(Database& db);

// "2027-W09" → the Monday of that ISO week; none for anything else.
std::optional<LocalDate> parseIsoWeek(std::string_view text);
// The ISO week of a day, "2027-W09".
std::string isoWeekOf(const LocalDate& day);

}  // namespace mh

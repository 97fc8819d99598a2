// Today's menu for the waiting screen (see today_menu.hpp).
#include "kiosk/ui/today_menu.hpp"

#include <algorithm>
#include <chrono>

#include "kiosk/ui/texts.hpp"

namespace mh::ui {

std::vector<MealMenu> orderTodayMenu(const SiteConfig& config, const DayMenu& day, const WallTime& now) {
    std::vector<const ServiceDef*> meals;
    for (const auto& s : config.services)
        if (s.kind == ServiceKind::Meal && day.count(s.id)) meals.push_back(&s);
    std::stable_sort(meals.begin(), meals.end(), [](const ServiceDef* a, const ServiceDef* b) { return a->opens < b->opens; });
    // Open now or still to come first (in the order they open), then those over for today.
    std::stable_partition(meals.begin(), meals.end(), [&](const ServiceDef* s) { return now < s->closes; });
    std::vector<MealMenu> out;
    for (const ServiceDef* s : meals) out.push_back({s->id, s->name, s->opens.text() + "–" + s->closes.text(), day.at(s->id)});
    return out;
}

std::string menuDayLabel(const LocalDate& d) {
    int wd = int(std::chrono::weekday{std::chrono::sys_days{d.ymd}}.c_encoding());
    return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日 " + weekdayZh(wd);
}

std::string dishList(const std::vector<std::string>& dishes) {
    std::string out;
    for (const auto& d : dishes) out += (out.empty() ? "" : "、") + d;
    return out;
}

std::string menuTitle(const MealMenu& m) { return "今天" + m.name; }

std::string menuSentence(const std::vector<MealMenu>& menu) {
    std::string out;
    for (const auto& m : menu) {
        if (!out.empty()) out += "。";
        out += menuTitle(m) + "：" + dishList(m.dishes);
    }
    return out;
}

}  // namespace mh::ui

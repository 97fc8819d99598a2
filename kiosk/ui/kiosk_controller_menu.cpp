// Today's menu on the waiting screen (contract 14): read from the menu book once a minute, and read
// aloud when an elder taps 听菜谱.
#include <algorithm>
#include <chrono>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/today_menu.hpp"

namespace mh::ui {

namespace {
bool sameMenu(const std::vector<MealMenu>& a, const std::vector<MealMenu>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].serviceId != b[i].serviceId || a[i].dishes != b[i].dishes) return false;
    return true;
}
}  // namespace

bool KioskController::loadTodayMenu() {
    // A menu that cannot be read (a database problem) shows nothing: the waiting screen goes on.
    std::vector<MealMenu> menu;
    try {
        menu = orderTodayMenu(m_site.config(), menuOfDay(m_site.db(), m_state.now.date), m_state.now.wallTime());
    } catch (const StoreError&) {
        menu.clear();
    }
    if (sameMenu(menu, m_state.todayMenu)) return false;
    m_state.todayMenu = std::move(menu);
    return true;
}

void KioskController::readMenu() {
    // Only where the button is: the waiting screen, with a menu.
    if (m_state.screen != ScreenId::Checkin || m_state.todayMenu.empty()) return;
    if (m_speaker) m_speaker->sayMenu(menuSentence(m_state.todayMenu));
}

}  // namespace mh::ui

// 本周菜谱 (contract 14): the week's day × meal grid, and one meal's dishes picked from the site's
// list. Saving asks first and then goes through setMenu, the use case `menu set` calls.
namespace mh::ui {

void KioskController::loadMenuWeek() {
    MenuWeek& w = m_state.menuWeek;
    // First shown: today's week.
    if (w.days.empty()) w.monday = *parseIsoWeek(isoWeekOf(m_state.now.date));
    w.meals.clear();
    for (const auto& s : m_site.config().services)
        if (s.kind == ServiceKind::Meal) w.meals.push_back({s.id, s.name, s.opens.text() + "–" + s.closes.text()});
    w.days.assign(7, {});
    try {
        for (int d = 0; d < 7; ++d) w.days[std::size_t(d)] = menuOfDay(m_site.db(), w.monday.plusDays(d));
        w.known = knownDishes(m_site.db());
    } catch (const StoreError&) {
        m_state.staffMessage = "菜谱读不出来（数据库读取失败）";
        m_state.staffMessageIsProblem = true;
    }
}

void KioskController::menuWeekStep(int weeks) {
    MenuWeek& w = m_state.menuWeek;
    w.editing = false;
    w.monday = w.monday.plusDays(7 * std::clamp(weeks, -1, 1));
    loadMenuWeek();
}

void KioskController::menuEdit(const LocalDate& day, const std::string& serviceId) {
    MenuWeek& w = m_state.menuWeek;
    auto offset = day.dayNumber() - w.monday.dayNumber();
    if (offset < 0 || offset > 6) return;
    bool meal = false;
    for (const auto& m : w.meals) meal = meal || m.id == serviceId;
    if (!meal) return;
    w.editing = true;
    w.editDay = day;
    w.editService = serviceId;
    const auto& set = w.days[std::size_t(offset)];
    auto it = set.find(serviceId);
    w.picked = it == set.end() ? std::vector<std::string>{} : it->second;
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
}

void KioskController::menuToggleDish(const std::string& dish) {
    MenuWeek& w = m_state.menuWeek;
    if (!w.editing) return;
    auto it = std::find(w.picked.begin(), w.picked.end(), dish);
    if (it != w.picked.end()) w.picked.erase(it);
    else if (w.picked.size() < std::size_t(kMaxDishes)) w.picked.push_back(dish);
}

void KioskController::askMenuSave() {
    const MenuWeek& w = m_state.menuWeek;
    if (!w.editing) return;
    std::string meal = mealName(w.editService);
    ask({"保存这一餐的菜谱吗？", {menuDayLabel(w.editDay) + " " + meal, w.picked.empty() ? "（清空，不排菜）" : dishList(w.picked)}, "确认保存"},
        [this] { saveMenu(); });
}

void KioskController::saveMenu() {
    MenuWeek& w = m_state.menuWeek;
    if (!w.editing) return;
    auto saved = setMenu(m_site, {w.editDay, w.editService, w.picked, "staff-screen"}, m_clock.nowUnix());
    if (!saved) {
        m_state.staffMessage = "菜谱没有保存：" + saved.error().message;
        m_state.staffMessageIsProblem = true;
        return;
    }
    m_state.staffMessage = "已保存：" + menuDayLabel(w.editDay) + " " + mealName(w.editService);
    m_state.staffMessageIsProblem = false;
    w.editing = false;
    loadMenuWeek();
    loadTodayMenu();  // today's may have changed: the waiting screen shows it at once
}

}  // namespace mh::ui

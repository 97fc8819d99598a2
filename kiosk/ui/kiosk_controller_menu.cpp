// Today's menu on the waiting screen (contract 14): read from the menu book once a minute, and read
// aloud when an elder taps 听菜谱.
#include "kiosk/ui/kiosk_controller.hpp"
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

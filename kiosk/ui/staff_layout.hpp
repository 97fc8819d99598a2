// Where the staff screens' parts go: a row of tabs across the top (two rows where even 5 mm labels
// are too wide, as on a portrait tablet) and the scrolling area under them that the tabs draw into.
// A landscape panel too short for the date and three roster rows under a row of tabs (a 7" panel,
// 88 mm tall) has the tabs in two columns at the left instead, their long labels on two lines, so
// the roster shows three rows at once (issue 23).
#pragma once
#include <array>

#include "kiosk/ui/kiosk_state.hpp"
#include "kiosk/ui/layout.hpp"

namespace mh::ui {

// The tabs in order; the last one leaves the staff screens.
inline constexpr std::array<const char*, 6> kStaffTabs{"今日名单", "安全检查", "没来的常客", "补签", "更多", "返回"};
// The same labels on two lines, for tabs in a column.
inline constexpr std::array<const char*, 6> kStaffTabsTwoLines{"今日\n名单", "安全\n检查", "没来的\n常客", "补签", "更多", "返回"};
// The tab each label opens (返回, the last, opens none).
inline constexpr std::array<StaffTab, 5> kStaffTabIds{StaffTab::Roster, StaffTab::Safety, StaffTab::Missing, StaffTab::Manual,
                                                      StaffTab::More};

// What the 更多 page offers, a big button each, in this order: the tabs staff need once a day or
// less. A tab listed here (or reached from one, as Donation from Settings) keeps 更多 lit.
struct MorePage {
    const char* label;
    const char* labelTwoLines;  // where half a row is too narrow for the label (a 7" panel)
    StaffTab tab;
};
inline constexpr std::array<MorePage, 5> kMorePages{{{"今日核对", "今日\n核对", StaffTab::Review},
                                                     {"访客/职工/志愿者", "访客/职工\n/志愿者", StaffTab::Others},
                                                     {"送餐", "送餐", StaffTab::Delivery},
                                                     {"本周菜谱", "本周\n菜谱", StaffTab::Menu},
                                                     {"设置", "设置", StaffTab::Settings}}};

// The tab of the bar that is lit while `tab` is shown.
constexpr StaffTab barTabOf(StaffTab tab) {
    if (tab == StaffTab::Donation) return StaffTab::More;
    for (const MorePage& m : kMorePages)
        if (m.tab == tab) return StaffTab::More;
    return tab;
}

struct StaffLayout {
    std::array<Rect, kStaffTabs.size()> tabs;
    std::array<const char*, kStaffTabs.size()> labels = kStaffTabs;  // what each tab says (kStaffTabsTwoLines at the side)
    bool tabsAtSide = false;
    float tabPx = 0;  // the labels' size, the same for all
    Rect content;     // the scrolling area
    float width = 0;  // what a row inside it may use, its scrollbar left clear
    // The roster's column of 作废 buttons (a row's void button is this wide, at this x), to the
    // content's right edge: what the void's reasons keep out of and its confirmation uses.
    Rect voidColumn;
    float voidButtonWidth = 0;
    // The widest a button that asks for a confirmation (a 补签 name, 确认记录, 时间已调对) may be:
    // left of the 作废 column, where no confirmation's 确认 button comes.
    float askWidth = 0;
    // Where the void's reasons and a confirmation go: the whole staff area, tabs hidden (取消 leaves).
    Rect modal;
};

StaffLayout computeStaffLayout(const Panel& p);

}  // namespace mh::ui

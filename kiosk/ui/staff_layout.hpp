// Where the staff screens' parts go: a row of tabs across the top (two rows where even 5 mm labels
// are too wide, as on a portrait tablet) and the scrolling area under them that the tabs draw into.
#pragma once
#include <array>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

// The tabs in order; the last one leaves the staff screens.
inline constexpr std::array<const char*, 5> kStaffTabs{"今日名单", "没来的常客", "补签", "设置", "返回"};

struct StaffLayout {
    std::array<Rect, 5> tabs;
    float tabPx = 0;  // the labels' size, the same for all
    Rect content;     // the scrolling area
    float width = 0;  // what a row inside it may use, its scrollbar left clear
    // The roster's column of 作废 buttons (a row's void button is this wide, at this x), to the
    // content's right edge: what the void's reasons keep out of and its confirmation uses.
    Rect voidColumn;
    float voidButtonWidth = 0;
};

StaffLayout computeStaffLayout(const Panel& p);

}  // namespace mh::ui

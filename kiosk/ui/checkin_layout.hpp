// Where the waiting screen's parts go. One description for both orientations: the date across the
// top, the staff button at the bottom right, and between them the picture of a card held to the
// reader beside (landscape) or above (portrait) a huge 请刷卡 with its hint. The service line sits
// under the date in portrait; a 7" landscape panel (88 mm) lacks that height, so there it shares
// the staff button's row. With the month's notice up, 请刷卡 and the picture take the top and the
// notice what is left beside (landscape) or above (portrait) the staff button. With today's menu
// (contract 14) the same band tops the screen and the menu takes the rest, with 听菜谱 above the
// staff button (landscape) or beside it (portrait, or a landscape panel too short for that).
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

// One meal's menu as drawn: its title (今天午餐) and its dishes.
struct MenuText {
    std::string title;
    std::vector<std::string> dishes;
};

struct CheckinTexts {
    std::string dateLong, dateShort;  // with and without the weekday
    std::string service;
    bool notice = false;  // the idle view with the month's notice
    std::vector<MenuText> menu;  // today's menu, the first meal first; empty: none (the plain view)
};

// A line of the menu: a meal's title or a run of its dishes (红烧豆腐、青菜、), at elder size.
struct MenuLine {
    TextSpot spot;
    std::string text;
    bool title = false;
};

struct CheckinLayout {
    Rect staff;
    TextSpot date;  // px 0: not shown (the notice view)
    bool dateShort = false;
    TextSpot service;  // px 0: not shown
    Rect picture;
    TextSpot word;
    TextSpot hint;  // px 0: not shown
    const char* hintText = "";
    Rect notice;  // the notice view only
    // The menu view only: 听菜谱 (>= 30 mm, a speaker over the word) and the lines that fit, stacked by
    // ink; a meal whose dishes do not all fit ends its last line with "…" (the voice reads them all).
    Rect readMenu;
    std::vector<MenuLine> menuLines;
};

// Dishes joined by 、 and broken into lines no wider than `width` at `px` (a dish wider than a
// line is broken between characters).
std::vector<std::string> wrapDishes(const FontSet& f, float px, const std::vector<std::string>& dishes, float width);

CheckinLayout computeCheckinLayout(const Panel& p, const CheckinTexts& t);

}  // namespace mh::ui

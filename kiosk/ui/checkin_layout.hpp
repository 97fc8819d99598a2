// Where the waiting screen's parts go. One description for both orientations: the date across the
// top, the staff button at the bottom right, and between them the picture of a card held to the
// reader beside (landscape) or above (portrait) a huge 请刷卡 with its hint. The service line sits
// under the date in portrait; a 7" landscape panel (88 mm) lacks that height, so there it shares
// the staff button's row. With the month's notice up, 请刷卡 and the picture take the top and the
// notice what is left beside (landscape) or above (portrait) the staff button.
#pragma once
#include <string>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

struct CheckinTexts {
    std::string dateLong, dateShort;  // with and without the weekday
    std::string service;
    bool notice = false;  // the idle view with the month's notice
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
};

CheckinLayout computeCheckinLayout(const Panel& p, const CheckinTexts& t);

}  // namespace mh::ui

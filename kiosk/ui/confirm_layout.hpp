// Where the void's reason list and a staff confirmation go in the staff screen's content area
// (issue 23: 作废 and any reason voided a meal at once). The reasons keep left of the roster's column
// of 作废 buttons, so a second tap on 作废 picks no reason; a confirmation's 确认 button sits in that
// column at the bottom right, away from every reason and from 取消, so a second tap where the reason
// (or the 补签 name, or 确认记录) was tapped cannot confirm it.
#pragma once
#include <vector>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/staff_layout.hpp"

namespace mh::ui {

struct ReasonLayout {
    TextSpot title;             // 作废这条记录，原因是：
    std::vector<Rect> reasons;  // one per reason, in order
    Rect cancel;                // 取消, at the top of the 作废 column
};
ReasonLayout computeReasonLayout(const Panel& p, const StaffLayout& staff, int reasons);

struct ConfirmLayout {
    std::vector<TextSpot> lines;  // the question, then each line naming the record
    Rect cancel;                  // 取消: bottom left, wide
    Rect confirm;                 // 确认…: bottom right, in the 作废 column
};
ConfirmLayout computeConfirmLayout(const Panel& p, const StaffLayout& staff, int lines);

}  // namespace mh::ui

// Where the picker's parts go (issue 23): a card was read while several door services are open, and
// the elder taps the one they came for. Across the top the name and 请点您要的一项; under it one big
// button per service (each at least 30 mm, 6 mm apart, in rows as the panel allows), each with its
// own shape above its name so they are told apart without colour; 返回 at the bottom right where
// the waiting screen's 工作人员 is (beside the title where the rows need the height), 20 mm.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

struct ChooseTexts {
    std::string title;               // 张*兰，请点您要的一项
    std::string shortTitle;          // 请点您要的一项, where the whole one does not fit beside 返回
    std::vector<std::string> names;  // 助医, 书法班
};

struct ChooseLayout {
    TextSpot title;
    bool shortTitle = false;    // the short title is drawn
    std::vector<Rect> buttons;  // one per name, in order
    float labelPx = 0;          // the names' size, the same for all
    float iconSide = 0;         // the shape above each name
    Rect back;
};

ChooseLayout computeChooseLayout(const Panel& p, const ChooseTexts& t);

}  // namespace mh::ui

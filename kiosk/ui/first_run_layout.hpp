// Where a first-run step's parts go: its title across the top (in two lines on a narrow panel), the step's content scrolling under
// it, and the bottom row 上一步 / 跳过 / 下一步 that never scrolls away (left, middle, right).
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

struct FirstRunLayout {
    struct Line {
        TextSpot spot;
        std::string text;
    };
    std::vector<Line> title;  // one line, or two (after its "：") where one is too wide
    Rect content;     // the scrolling area
    float width = 0;  // what a row inside it may use, its scrollbar left clear
    Rect back, skip, next;
};

FirstRunLayout computeFirstRunLayout(const Panel& p, const std::string& title);

}  // namespace mh::ui

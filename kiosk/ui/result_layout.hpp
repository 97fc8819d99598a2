// Where a scan result's parts go. One description for both orientations, top to bottom: the outcome
// (icon and word), who and what, then what to pay or do with the 再听一遍 button. In landscape each
// pair sits side by side (the icon left of the word, the button right of the amount); in portrait
// they stack (icon above word, button under the amount, full width).
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

// The amount's digits at least this much bigger than 请付: a digit's ink is ~0.78 of a hanzi's, so
// at 1.3 times the amount is never shorter than the word before it (issue 12: "2" was 15.4 mm
// beside a 19.3 mm 请付).
inline constexpr float kAmountOverWord = 1.3f;

// "请付 2 元" in three pieces on one baseline, the amount in the bigger digit font; "免费" and
// anything without a number whole. Sizes only: screen_result.cpp draws it.
struct PayLine {
    std::string before, amount, after;
    float px = 0, digitPx = 0;  // 请付/元, and the amount

    PayLine() = default;
    PayLine(const std::string& pay, float px, float digitPx);
    [[nodiscard]] float height() const { return std::max(px, digitPx); }
    [[nodiscard]] float width(const FontSet& f) const;
    // Shrinks the digits back towards px, then the whole line, until it fits maxWidth.
    void fit(const FontSet& f, float minPx, float maxWidth);
    // Shrinks the whole line (the amount keeping its lead) until its box is at most maxHeight.
    void fitHeight(float maxHeight, float minPx);
};

// The texts a result shows (composed by the screen from the state).
struct ResultTexts {
    std::string word, name, pay, hint;
};

struct ResultLayout {
    Rect icon;
    TextSpot word;
    TextSpot name;       // px 0: no name line
    // The name line split in two where even at 10 mm it is wider than the panel (a portrait
    // tablet's 现在没开 with the hours): nameText the first part, name2 and name2Text the rest.
    std::string nameText;
    TextSpot name2;      // px 0: one line
    std::string name2Text;
    PayLine pay;         // when the result has something to pay
    ImVec2 payAt{0, 0};  // top-left of the pay line's box
    struct Line {
        TextSpot spot;
        std::string text;
    };
    std::vector<Line> hint;  // when it has none: what to do, one or two lines
    Rect replay;
};

ResultLayout computeResultLayout(const Panel& p, const ResultTexts& t);

}  // namespace mh::ui

// Where the faces screen's parts go (contract 14, [feedback] enabled): after an accepted meal, the
// result's headline stays on top — its shape and 签到成功 at outcome size, then the name and what to
// pay — and under it three big buttons, 好 / 一般 / 不好, each a drawn face (smiling, straight,
// frowning mouth: told apart without colour) above its word. Buttons at least 30 mm, 6 mm apart, in
// a row where three fit the width, else down a column. 饭菜怎么样？点一个 only where there is room.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

struct FeedbackTexts {
    std::string word;                 // 签到成功
    std::string line;                 // 张*兰  午餐  请付 3 元 (empty: none)
    std::string question;             // 饭菜怎么样？点一个
    std::vector<std::string> labels;  // 好, 一般, 不好
};

struct FeedbackLayout {
    Rect icon;
    TextSpot word;
    TextSpot line;            // px 0: left out for lack of height
    TextSpot question;        // px 0: left out
    std::vector<Rect> faces;  // one button per label, in order
    float labelPx = 0;        // the words under the faces, one size for all
    float faceSide = 0;       // the drawn face's square
};

FeedbackLayout computeFeedbackLayout(const Panel& p, const FeedbackTexts& t);

}  // namespace mh::ui

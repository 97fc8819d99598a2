// Where the staff PIN pad's parts go on a panel: the back button and title in a row at the top, the
// typed dots under them, and twelve keys of at least 20 mm: six columns in landscape (fits a 7"
// panel), three in portrait.
#pragma once
#include <array>
#include <string>

#include "kiosk/ui/layout.hpp"

namespace mh::ui {

inline constexpr const char* kPinTitle = "工作人员：请输入密码";

struct PinLayout {
    Rect back;
    TextSpot title;
    TextSpot typed;  // the dots, or why the PIN was refused: a fixed line, whatever it says
    float typedWidth = 0;  // the most that line may take (a longer sentence is drawn smaller)
    struct Key {
        Rect rect;
        const char* label;
    };
    std::array<Key, 12> keys;
};

PinLayout computePinLayout(const Panel& p);

}  // namespace mh::ui

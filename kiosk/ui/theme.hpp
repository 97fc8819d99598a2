// Colours of the kiosk: dark text on white for at least 7:1 contrast; each outcome has a colour
// and a shape, so colour-blind elders and those who cannot read still tell them apart.
#pragma once
#include <cstdint>

#include "shared/core/scan_result.hpp"

namespace mh::ui {

// ImGui packs colours as ABGR; these helpers keep the code in the usual 0xRRGGBB.
constexpr std::uint32_t rgb(std::uint32_t rrggbb) {
    return 0xFF000000u | ((rrggbb & 0xFF) << 16) | (rrggbb & 0xFF00) | ((rrggbb >> 16) & 0xFF);
}

inline constexpr std::uint32_t kBackground = rgb(0xFFFFFF);
inline constexpr std::uint32_t kText = rgb(0x111111);
inline constexpr std::uint32_t kMuted = rgb(0x333333);    // still 12:1 on white
inline constexpr std::uint32_t kGreen = rgb(0x0B6E2E);    // 6.6:1 is too little for text: used for shapes
inline constexpr std::uint32_t kGreenText = rgb(0x085A24);
inline constexpr std::uint32_t kAmber = rgb(0xF2A900);
inline constexpr std::uint32_t kAmberText = rgb(0x5C3B00);
inline constexpr std::uint32_t kRed = rgb(0xC8102E);
inline constexpr std::uint32_t kRedText = rgb(0x8E0B20);
inline constexpr std::uint32_t kBlue = rgb(0x1F4E99);
inline constexpr std::uint32_t kBlueText = rgb(0x17397A);
inline constexpr std::uint32_t kButton = rgb(0x17397A);   // white text on it: 10:1
inline constexpr std::uint32_t kButtonDown = rgb(0x0E2452);
inline constexpr std::uint32_t kButtonText = rgb(0xFFFFFF);
inline constexpr std::uint32_t kStaffButton = rgb(0xE6E6E6);
inline constexpr std::uint32_t kLine = rgb(0x999999);

// The shape drawn beside the outcome word. Each keeps its own outline after a cataract blur:
// a filled disc (accepted), a bare cross, a triangle, a ring with hands, a square.
enum class IconShape { TickCircle, Triangle, Cross, Clock, QuestionSquare };

// Dark screens for every refusal: with colour unseen and sight blurred, an elder still tells
// "accepted" (a white screen) from "not accepted" (a dark one) by the screen's brightness alone.
inline constexpr std::uint32_t kDupBackground = rgb(0x3A2600);   // dark brown: already checked in
inline constexpr std::uint32_t kStopBackground = rgb(0x5C0A16);  // dark red: cannot check in
inline constexpr std::uint32_t kInfoBackground = rgb(0x0E2452);  // navy: closed, unreadable card
inline constexpr std::uint32_t kOnDarkText = rgb(0xFFFFFF);

struct OutcomeLook {
    IconShape shape;
    std::uint32_t fill;        // the shape
    std::uint32_t text;        // the outcome word
    std::uint32_t background;  // the whole screen
    std::uint32_t body;        // the other lines
    bool dark = false;         // light buttons and text on a dark screen
};

OutcomeLook lookOf(Outcome o);
// The look of one result: the outcome's, or the stop look when the store failed (StoreFault).
OutcomeLook lookOf(const ScanResult& r);

}  // namespace mh::ui

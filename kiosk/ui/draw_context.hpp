// What every screen-drawing function gets: fonts, the panel's metrics, the command queue, and an
// optional record of where things were drawn (tests measure text and touch targets from it).
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/kiosk_state.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/metrics.hpp"

namespace mh::ui {

struct DrawnRect {
    std::string what;  // "outcome", "pay", "button:再听一遍", ...
    ImVec2 min, max;
};

struct DrawnLayout {
    std::vector<DrawnRect> texts;    // elder-facing text boxes (the font's line box, not the ink)
    std::vector<DrawnRect> targets;  // touch targets
    std::vector<DrawnRect> pictures; // the outcome icon
    [[nodiscard]] const DrawnRect* find(const std::string& what) const;
};

struct DrawContext {
    const FontSet& fonts;
    const Metrics& metrics;
    CommandQueue& out;
    DrawnLayout* layout = nullptr;
    bool training = false;  // the training frame takes its part of the panel (Panel::rect)
    [[nodiscard]] float mm(float v) const { return metrics.mm(v); }
    [[nodiscard]] float s() const { return fonts.sizes.scale; }
    [[nodiscard]] Panel panel() const { return {metrics, fonts, training}; }
};

// Draws the whole screen for `state` into the current ImGui frame (between NewFrame and Render).
void drawKiosk(const KioskState& state, DrawContext& ctx);

// Each screen, one per file.
void drawCheckinScreen(const KioskState& state, DrawContext& ctx);
void drawResultScreen(const KioskState& state, DrawContext& ctx);
void drawPinScreen(const KioskState& state, DrawContext& ctx);
void drawRosterScreen(const KioskState& state, DrawContext& ctx);
void drawChooseScreen(const KioskState& state, DrawContext& ctx);
void drawFeedbackScreen(const KioskState& state, DrawContext& ctx);

}  // namespace mh::ui

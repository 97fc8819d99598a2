// Drawing helpers shared by the screens: text at a given pixel size, big buttons, the outcome icons
// and the picture of a card held to the reader, all with ImDrawList.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/theme.hpp"

namespace mh::ui {

ImVec2 textSize(ImFont* font, float px, const std::string& text);
// The largest size <= px at which text fits maxWidth (never below minPx).
float fitPx(ImFont* font, float px, float minPx, const std::string& text, float maxWidth);
// Draws text with its top-left at pos; records it under `what` when non-empty. Returns its size.
ImVec2 drawText(DrawContext& ctx, ImFont* font, float px, ImVec2 pos, std::uint32_t colour, const std::string& text,
                const std::string& what = "");
// Draws text centred on the x centre `cx`, top at y.
ImVec2 drawTextCentred(DrawContext& ctx, ImFont* font, float px, float cx, float y, std::uint32_t colour,
                       const std::string& text, const std::string& what = "");

// Elder text whose digits (clock, hours, figures) are drawn in FontSet::digits, bigger, on the same
// baseline: a digit is ~0.78 of a hanzi's height at one size and must be 10 mm too. `px` is the
// hanzi size; each run of digits is recorded as `what` + ":digits" for the pixel tests.
ImVec2 mixedSize(const FontSet& f, float px, const std::string& text);
float fitMixed(const FontSet& f, float px, float minPx, const std::string& text, float maxWidth);
ImVec2 drawMixed(DrawContext& ctx, float px, ImVec2 pos, std::uint32_t colour, const std::string& text,
                 const std::string& what = "");
ImVec2 drawMixedCentred(DrawContext& ctx, float px, float cx, float y, std::uint32_t colour, const std::string& text,
                        const std::string& what = "");

enum class ButtonStyle { Primary, Staff, OnDark };
// A rounded button with a centred label; true on the frame it is tapped (released inside).
bool bigButton(DrawContext& ctx, const char* id, ImVec2 min, ImVec2 size, const std::string& label, ImFont* font,
               float px, ButtonStyle style = ButtonStyle::Primary);

// A big button with a picture above its label, the two centred together in it (the picker's
// shapes, the feedback faces), so an elder who cannot read still tells the buttons apart.
// `drawPicture(dl, min)` draws the picture in the square of side `side` at `min`. Recorded for the
// pixel tests as button:`id`, label:`id` and the picture as `pictureName`. True on the frame it is tapped.
bool pictureButton(DrawContext& ctx, const std::string& id, const Rect& b, float side, const std::string& label, float labelPx,
                   const std::string& pictureName, const std::function<void(ImDrawList*, ImVec2)>& drawPicture);

// A primary button with a speaker drawn over its label (听菜谱): a picture for elders who cannot read.
bool speakerButton(DrawContext& ctx, const char* id, ImVec2 min, ImVec2 size, const std::string& label, ImFont* font, float px);
// A loudspeaker with two sound waves in a square of side `side`.
void drawSpeaker(ImDrawList* dl, ImVec2 min, float side, std::uint32_t colour);

// The outcome's shape in a square of side `side` with its top-left at `min`.
void drawOutcomeIcon(ImDrawList* dl, IconShape shape, std::uint32_t fill, ImVec2 min, float side);
// A hand holding a card over the scanner window, in a box of w x h.
void drawCardToReader(ImDrawList* dl, ImVec2 min, float w, float h);

}  // namespace mh::ui

namespace mh::ui {
// A wrapping grid of staff buttons starting at the current ImGui cursor (works inside a scrolling
// child); advances the cursor past it. Returns the index tapped, or -1. `gapMm`: between buttons
// (a keypad's keys sit closer, like a phone's, so a whole keypad fits a 7" panel).
int buttonGrid(DrawContext& ctx, const std::string& idPrefix, const std::vector<std::string>& labels, float width,
               ImVec2 cell, ButtonStyle style = ButtonStyle::Staff, float gapMm = kGapMm);

// Touch scrolling for the scrolling child being drawn (ImGui 1.86 scrolls only by wheel or scrollbar,
// and a touch panel has neither): a press in the child that moves more than kDragStartMm drags the
// list with the finger, and that press then taps no button. Call right after BeginChild, before
// the child's buttons. Every scrolling list calls it; none scrolls by touch any other way.
inline constexpr float kDragStartMm = 3.0f;
void dragToScroll(DrawContext& ctx);
}  // namespace mh::ui

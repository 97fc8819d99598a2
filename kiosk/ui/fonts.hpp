// The font atlas: Noto Sans CJK (Simplified Chinese face) through FreeType at the four sizes the
// screens use, holding only the glyphs of the texts shown (ImWchar is 16 bits; a missing glyph
// draws as '?', so the atlas is rebuilt when a name brings a new character).
#pragma once
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/metrics.hpp"

namespace mh::ui {

struct FontSizes {
    float wordPx = 0;   // the outcome word and 请刷卡
    float payPx = 0;    // 请付 2 元
    float payDigitPx = 0;  // the amount's digits at their largest, where the panel has room
    float bodyPx = 0;   // every other elder text (>= 10 mm ink)
    float digitPx = 0;  // digits inside elder text (clock, hours, notice): a digit's ink is ~0.78 of a
                        // hanzi's at one size, so they are drawn bigger to reach 10 mm too
    float staffPx = 0;  // staff screens
    float scale = 1;    // how much bigger than the 7" minimum the layout is drawn
    float minWordPx = 0;  // the smallest a fitted outcome word may get (still >= 20 mm ink)
    float minBodyPx = 0;  // the smallest fitted elder text (still >= 10 mm ink)
    float minStaffPx = 0; // the smallest staff text (kStaffTextMm ink)
};

// Sizes for this panel: the minimums in millimetres, grown with the panel up to twice.
FontSizes fontSizesFor(const Metrics& m);

class FontSet {
public:
    // Rebuilds ImGui's current font atlas for these metrics, with glyphs for the fixed texts plus
    // `dynamicTexts` (names, services, the site name). The renderer must re-upload the texture.
    void build(const Metrics& m, const std::vector<std::string>& dynamicTexts);
    // True when every character of every text is in the body font (else build again with it).
    [[nodiscard]] bool covers(const std::vector<std::string>& texts) const;

    ImFont* word = nullptr;
    ImFont* pay = nullptr;
    ImFont* payDigits = nullptr;  // 0-9 and '.', baked at payDigitPx so the big amount stays crisp
    ImFont* body = nullptr;
    ImFont* digits = nullptr;     // 0-9 : . – at digitPx, for the digits inside body text
    ImFont* staff = nullptr;
    FontSizes sizes;

private:
    std::vector<std::string> m_dynamic;
    ImVector<ImWchar> m_wordRanges, m_payRanges, m_bodyRanges, m_digitRanges, m_bodyDigitRanges;
};

// Where the fonts are; empty when fonts-noto-cjk is missing.
std::string cjkFontPath(bool bold);

}  // namespace mh::ui

// The panel's physical size: pixels per millimetre, so that text and touch targets are sized in
// millimetres on the real screen (a 7" and a 21" panel at the same resolution need different pixels).
#pragma once
#include <cmath>

namespace mh::ui {

struct Metrics {
    int width = 1280;
    int height = 800;
    float pxPerMm = 96.0f / 25.4f;

    // diagonalInch > 0 wins (site.toml [display] diagonal_inch); else dpi (from the display); else 96 dpi.
    static Metrics of(int w, int h, double diagonalInch, float dpi = 0) {
        Metrics m{w, h, 96.0f / 25.4f};
        if (diagonalInch > 0)
            m.pxPerMm = float(std::sqrt(double(w) * w + double(h) * h) / (diagonalInch * 25.4));
        else if (dpi > 20)
            m.pxPerMm = dpi / 25.4f;
        return m;
    }
    // The panel's size, most trusted first: site.toml's [display] diagonal_inch, the size staff picked
    // on the settings tab, the panel's EDID, the display server's DPI. `known` false: none of them,
    // and 96 dpi is a guess (the settings tab says so and offers the 10 cm bar).
    static Metrics choose(int w, int h, double siteInch, double pickedInch, double edidInch, float dpi, bool* known) {
        double inch = siteInch > 0 ? siteInch : pickedInch > 0 ? pickedInch : edidInch;
        // X servers say 96 dpi when they do not know: that is no measurement.
        if (std::fabs(dpi - 96.0f) < 0.5f) dpi = 0;
        if (known) *known = inch > 0 || dpi > 20;
        return of(w, h, inch, dpi);
    }
    [[nodiscard]] float mm(float millimetres) const { return millimetres * pxPerMm; }
    [[nodiscard]] float widthMm() const { return float(width) / pxPerMm; }
    [[nodiscard]] float heightMm() const { return float(height) / pxPerMm; }
    [[nodiscard]] bool portrait() const { return height > width; }
};

// Minimums from the accessibility brief (issue 5), in millimetres on the panel.
inline constexpr float kOutcomeWordMm = 20.0f;  // ink height of the outcome word
inline constexpr float kElderTextMm = 10.0f;    // every other text an elder reads
inline constexpr float kTouchMm = 20.0f;        // smallest side of any touch target
inline constexpr float kMainTouchMm = 30.0f;    // smallest side of the main button
inline constexpr float kGapMm = 6.0f;           // between touch targets
inline constexpr float kStaffTextMm = 5.6f;     // ink height of staff-screen text, at its smallest

}  // namespace mh::ui

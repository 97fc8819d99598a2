// Rects for screen layouts: each screen computes its rects once from the panel (pixels, millimetres,
// orientation, the fonts sized for it), then draws into them. Orientation changes only the direction
// a rect is split in and a few proportions, so one description serves landscape and portrait.
#pragma once
#include <vector>

#include <imgui.h>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/metrics.hpp"

namespace mh::ui {

struct Rect {
    ImVec2 min{0, 0}, max{0, 0};

    static Rect at(ImVec2 min, ImVec2 size) { return {min, {min.x + size.x, min.y + size.y}}; }
    [[nodiscard]] float width() const { return max.x - min.x; }
    [[nodiscard]] float height() const { return max.y - min.y; }
    [[nodiscard]] ImVec2 size() const { return {width(), height()}; }
    [[nodiscard]] float centreX() const { return (min.x + max.x) / 2; }
    [[nodiscard]] float centreY() const { return (min.y + max.y) / 2; }
    [[nodiscard]] bool empty() const { return width() <= 0 || height() <= 0; }
    [[nodiscard]] Rect inset(float d) const { return {{min.x + d, min.y + d}, {max.x - d, max.y - d}}; }
    // Edges within `slack` px count as inside (rects are placed with rounded pixels).
    [[nodiscard]] bool contains(const Rect& r, float slack = 0.5f) const;
    // The gap between two rects (the larger of the horizontal and vertical gap; negative: they overlap).
    [[nodiscard]] float gapTo(const Rect& r) const;
};

// The direction a group is laid out in: along a row in landscape, down a column in portrait.
enum class Axis { Row, Column };

// Text placed by a layout: the top-left of its line box and its pixel size.
struct TextSpot {
    ImVec2 at{0, 0};
    float px = 0;
};

// `run --at`'s training frame (issue 23: a band drawn over the screens hid 签到成功, the PIN pad's
// 返回 and the staff tabs, and passed taps through): a band across the top saying 培训模式 and a thin
// amber border down the sides and along the bottom. It takes its own space: the screens lay out in
// `inner`, and nothing of theirs is under the frame.
struct TrainingFrame {
    Rect band;     // the top band, the full width
    TextSpot text; // its words, centred
    Rect inner;    // where every screen lays out
};
TrainingFrame trainingFrame(const Metrics& m, const FontSet& f);

// What a layout is computed from: the panel's metrics and the fonts built for it (text widths),
// and whether the training frame takes part of the panel. No ImGui frame is needed, so layouts are
// tested without a window.
struct Panel {
    const Metrics& metrics;
    const FontSet& fonts;
    bool training = false;

    [[nodiscard]] float mm(float v) const { return metrics.mm(v); }
    [[nodiscard]] bool portrait() const { return metrics.portrait(); }
    [[nodiscard]] Axis flow() const { return portrait() ? Axis::Column : Axis::Row; }
    // Where a screen lays out: the whole panel, or inside the training frame. The one place every
    // screen's layout starts from.
    [[nodiscard]] Rect rect() const {
        return training ? trainingFrame(metrics, fonts).inner : Rect{{0, 0}, {float(metrics.width), float(metrics.height)}};
    }
};

// Cutting a slice of `len` px off one side of `r`; `r` keeps what is left after a further `gap`.
Rect cutTop(Rect& r, float len, float gap = 0);
Rect cutBottom(Rect& r, float len, float gap = 0);
Rect cutLeft(Rect& r, float len, float gap = 0);
Rect cutRight(Rect& r, float len, float gap = 0);
// The first or last slice along an axis: left/top, right/bottom.
Rect cutStart(Rect& r, Axis a, float len, float gap = 0);
Rect cutEnd(Rect& r, Axis a, float len, float gap = 0);

// A box of `size` centred on `outer`.
Rect centreIn(const Rect& outer, ImVec2 size);
// `count` cells of size `cell` in rows of `cols`, `gap` apart, the block centred across `r` from its top.
std::vector<Rect> gridCells(const Rect& r, int count, int cols, ImVec2 cell, float gap);

}  // namespace mh::ui

// Rect cutting and splitting for the screen layouts (see layout.hpp).
#include "kiosk/ui/layout.hpp"

#include <algorithm>

#include "kiosk/ui/kiosk_state.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

TrainingFrame trainingFrame(const Metrics& m, const FontSet& f) {
    TrainingFrame out;
    float W = float(m.width), H = float(m.height), pad = m.mm(0.75f), border = m.mm(1.5f);
    // Staff-sized words (the trainees read them, not the elders): the band stays slim, so every
    // screen keeps its elder sizes below it.
    float minPx = m.mm(kStaffTextMm / 0.64f);
    float px = fitPx(f.staff ? f.staff : f.body, std::min(f.sizes.staffPx, minPx * f.sizes.scale), minPx, kTrainingBand, W - 2 * pad);
    float w = f.staff ? textSize(f.staff, px, kTrainingBand).x : 0;
    out.band = {{0, 0}, {W, std::round(px + 2 * pad)}};
    out.text = {{std::round((W - w) / 2), pad}, px};
    out.inner = {{std::round(border), out.band.max.y}, {W - std::round(border), H - std::round(border)}};
    return out;
}

bool Rect::contains(const Rect& r, float slack) const {
    return r.min.x >= min.x - slack && r.min.y >= min.y - slack && r.max.x <= max.x + slack && r.max.y <= max.y + slack;
}

float Rect::gapTo(const Rect& r) const {
    float dx = std::max(r.min.x - max.x, min.x - r.max.x);
    float dy = std::max(r.min.y - max.y, min.y - r.max.y);
    return std::max(dx, dy);
}

Rect cutTop(Rect& r, float len, float gap) {
    Rect out{r.min, {r.max.x, r.min.y + len}};
    r.min.y = std::min(r.max.y, out.max.y + gap);
    return out;
}

Rect cutBottom(Rect& r, float len, float gap) {
    Rect out{{r.min.x, r.max.y - len}, r.max};
    r.max.y = std::max(r.min.y, out.min.y - gap);
    return out;
}

Rect cutLeft(Rect& r, float len, float gap) {
    Rect out{r.min, {r.min.x + len, r.max.y}};
    r.min.x = std::min(r.max.x, out.max.x + gap);
    return out;
}

Rect cutRight(Rect& r, float len, float gap) {
    Rect out{{r.max.x - len, r.min.y}, r.max};
    r.max.x = std::max(r.min.x, out.min.x - gap);
    return out;
}

Rect cutStart(Rect& r, Axis a, float len, float gap) { return a == Axis::Row ? cutLeft(r, len, gap) : cutTop(r, len, gap); }

Rect cutEnd(Rect& r, Axis a, float len, float gap) { return a == Axis::Row ? cutRight(r, len, gap) : cutBottom(r, len, gap); }

Rect centreIn(const Rect& outer, ImVec2 size) {
    ImVec2 min{outer.centreX() - size.x / 2, outer.centreY() - size.y / 2};
    return Rect::at(min, size);
}

std::vector<Rect> gridCells(const Rect& r, int count, int cols, ImVec2 cell, float gap) {
    std::vector<Rect> out;
    cols = std::max(1, cols);
    float blockW = float(cols) * cell.x + float(cols - 1) * gap;
    float x0 = r.min.x + (r.width() - blockW) / 2;
    for (int i = 0; i < count; ++i)
        out.push_back(Rect::at({x0 + float(i % cols) * (cell.x + gap), r.min.y + float(i / cols) * (cell.y + gap)}, cell));
    return out;
}

}  // namespace mh::ui

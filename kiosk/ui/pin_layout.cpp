// The PIN pad's rects (see pin_layout.hpp).
#include "kiosk/ui/pin_layout.hpp"

#include <algorithm>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

PinLayout computePinLayout(const Panel& p) {
    const FontSet& f = p.fonts;
    float margin = p.mm(2), gap = p.mm(kGapMm), key = p.mm(kTouchMm);
    PinLayout out{};
    Rect area = p.rect().inset(margin);

    bool column = p.flow() == Axis::Column;
    int cols = column ? 3 : 6, rows = 12 / cols;
    // Title row: the back button at the right; on a narrow panel the title shrinks rather than run under it.
    // Where the whole keypad would not fit under a row of its own for the dots (a 7" panel in the
    // training frame), the dots or the refusal go under the title, beside 返回. Either way the line
    // has its fixed place: a refused PIN's sentence never moves a key (issue 23).
    float keypadH = float(rows) * key + float(rows - 1) * gap;
    bool compact = area.height() < key + gap * 0.5f + f.sizes.staffPx + gap * 0.5f + keypadH;
    Rect titleRow = cutTop(area, key, compact ? gap : gap * 0.5f);
    out.back = cutRight(titleRow, key * 1.6f);
    float W = p.rect().width();
    float linePx = compact ? std::max(p.mm(kStaffTextMm / 0.64f), std::min(f.sizes.staffPx, key / 2)) : f.sizes.staffPx;
    float titlePx = fitPx(f.staff, linePx, f.sizes.staffPx * 0.6f, kPinTitle, W - out.back.width() - 2 * margin - p.mm(4));
    if (compact) {
        out.title = {{titleRow.min.x + p.mm(2), titleRow.min.y}, titlePx};
        out.typed = {{titleRow.min.x + p.mm(2), titleRow.max.y - linePx}, linePx};
    } else {
        out.title = {{titleRow.min.x + p.mm(2), titleRow.min.y + (key - titlePx) / 2}, titlePx};
        Rect typedRow = cutTop(area, f.sizes.staffPx, gap * 0.5f);
        out.typed = {{typedRow.min.x + p.mm(2), typedRow.min.y}, f.sizes.staffPx};
    }
    out.typedWidth = titleRow.width() - p.mm(4);

    // The keypad: the same keys reflowed, 删除 and 确定 kept at the row ends under the thumb.
    static const char* const kRow[] = {"1", "2", "3", "4", "5", "删除", "6", "7", "8", "9", "0", "确定"};
    static const char* const kColumn[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "删除", "0", "确定"};
    float side = std::min((area.width() - gap * float(cols - 1)) / float(cols), (area.height() - gap * float(rows - 1)) / float(rows));
    side = std::min(std::max(side, key), p.mm(35));
    auto cells = gridCells(area, 12, cols, {side, side}, gap);
    for (size_t i = 0; i < 12; ++i) out.keys[i] = {cells[i], column ? kColumn[i] : kRow[i]};
    return out;
}

}  // namespace mh::ui

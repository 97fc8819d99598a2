// The void's reasons and the staff confirmation, placed in the staff content area (see confirm_layout.hpp).
#include "kiosk/ui/confirm_layout.hpp"

#include <algorithm>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

ReasonLayout computeReasonLayout(const Panel& p, const StaffLayout& staff, int reasons) {
    ReasonLayout out;
    float gap = p.mm(kGapMm), key = p.mm(kTouchMm), px = p.fonts.sizes.staffPx;
    Rect area = staff.modal;
    out.title = {cutTop(area, px, p.mm(2)).min, px};
    // The reasons left of the 作废 column, two to a row where each keeps 44 mm (老人没有用餐 at 5 mm ink).
    Rect left{area.min, {staff.voidColumn.min.x - gap, area.max.y}};
    int cols = left.width() >= 2 * p.mm(44) + gap ? 2 : 1;
    float cellW = std::min(p.mm(70), (left.width() - float(cols - 1) * gap) / float(cols));
    for (int i = 0; i < reasons; ++i)
        out.reasons.push_back(Rect::at({left.min.x + float(i % cols) * (cellW + gap), left.min.y + float(i / cols) * (key + gap)},
                                       {cellW, key}));
    out.cancel = Rect::at({staff.voidColumn.min.x, area.min.y}, {area.max.x - staff.voidColumn.min.x, key});
    return out;
}

ConfirmLayout computeConfirmLayout(const Panel& p, const StaffLayout& staff, int lines) {
    ConfirmLayout out;
    float gap = p.mm(kGapMm), key = p.mm(kTouchMm);
    Rect area = staff.modal;
    Rect buttons = cutBottom(area, key, gap);
    out.confirm = Rect{{staff.voidColumn.min.x, buttons.min.y}, {area.max.x, buttons.max.y}};
    out.cancel = Rect::at(buttons.min, {std::min(p.mm(60), out.confirm.min.x - gap - buttons.min.x), key});
    // The lines at the staff size, smaller (never under 5.6 mm ink) where the panel is short.
    float px = p.fonts.sizes.staffPx, minPx = p.mm(kStaffTextMm / 0.64f);
    if (lines > 0) px = std::max(minPx, std::min(px, area.height() / float(lines)));
    for (int i = 0; i < lines; ++i) out.lines.push_back({cutTop(area, px).min, px});
    return out;
}

}  // namespace mh::ui

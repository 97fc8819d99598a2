// The first-run steps' rects (see first_run_layout.hpp).
#include "kiosk/ui/first_run_layout.hpp"

#include <algorithm>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

FirstRunLayout computeFirstRunLayout(const Panel& p, const std::string& title) {
    const FontSet& f = p.fonts;
    FirstRunLayout out;
    // Staff buttons at full size, but 14 mm on a panel under 100 mm tall (a 7" one), so a step's whole
    // keypad fits above them.
    bool shortPanel = p.rect().height() < p.mm(100);
    float margin = p.mm(2), gap = p.mm(kGapMm), key = p.mm(shortPanel ? 14.0f : kTouchMm);
    Rect area = p.rect().inset(margin);
    // The title is indented 2 mm; where it is too wide even at its smallest, the step's question
    // goes on a second line (a portrait tablet).
    float indent = p.mm(2), titleW = area.width() - indent, minPx = f.sizes.staffPx * 0.7f;
    std::vector<std::string> lines{title};
    auto colon = title.find("：");
    if (colon != std::string::npos && textSize(f.staff, minPx, title).x > titleW)
        lines = {title.substr(0, colon + 3), title.substr(colon + 3)};
    // On a short panel (7") the title is no bigger than staff text: the letter keys and the message
    // under them need the room.
    float titleMax = f.sizes.staffPx * (shortPanel ? 0.9f : 1.2f), titlePx = titleMax;
    for (const auto& l : lines) titlePx = std::min(titlePx, fitPx(f.staff, titleMax, minPx, l, titleW));
    for (const auto& l : lines) out.title.push_back({{{area.min.x + indent, cutTop(area, titlePx).min.y}, titlePx}, l});
    cutTop(area, titlePx * (shortPanel ? 0.2f : 0.4f));
    // The bottom row: three buttons of up to 55 mm, at the left, the middle and the right.
    Rect bottom = cutBottom(area, key, gap / 2);
    float bw = std::min(p.mm(55), (bottom.width() - 2 * gap) / 3);
    out.back = Rect::at(bottom.min, {bw, key});
    out.skip = centreIn(bottom, {bw, key});
    out.next = Rect::at({bottom.max.x - bw, bottom.min.y}, {bw, key});
    out.content = area;
    out.width = area.width() - p.mm(16);
    return out;
}

}  // namespace mh::ui

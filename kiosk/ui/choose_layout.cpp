// The picker's rects (see choose_layout.hpp).
#include "kiosk/ui/choose_layout.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

ChooseLayout computeChooseLayout(const Panel& p, const ChooseTexts& t) {
    const FontSet& f = p.fonts;
    const FontSizes& z = f.sizes;
    ChooseLayout out;
    float margin = p.mm(4), gap = p.mm(kGapMm), pad = p.mm(3);
    Rect area = p.rect().inset(margin);
    float backH = p.mm(kTouchMm);
    float backW = std::max(p.mm(kMainTouchMm), textSize(f.body, z.minBodyPx, kBack.zh).x + p.mm(8));

    // The buttons' grid: as many in a row (at most four, two standing) as leave each 30 mm wide and
    // wide enough for the longest name at its smallest elder size.
    int n = std::max<int>(1, int(t.names.size()));
    float minSide = p.mm(kMainTouchMm);
    float longest = 0;
    for (const auto& name : t.names) longest = std::max(longest, textSize(f.body, z.minBodyPx, name).x);
    float minCellW = std::max(minSide, longest + 2 * pad);
    int fit = std::max(1, int((area.width() + gap) / (minCellW + gap)));
    int cols = std::min({n, fit, p.portrait() ? 2 : 4});
    int rows = (n + cols - 1) / cols;
    float gridMinH = float(rows) * minSide + float(rows - 1) * gap;

    // The title across the top at elder size; 返回 at the bottom right in a row of its own, or, where
    // the rows of buttons need that height, beside the title.
    float titlePx = fitPx(f.body, z.bodyPx, z.minBodyPx, t.title, area.width());
    float titleH = textSize(f.body, titlePx, t.title).y;
    bool backOnTop = area.height() - titleH - p.mm(3) - backH - gap < gridMinH;
    if (backOnTop) {
        Rect top = cutTop(area, std::max(titleH, backH), gap);
        out.back = Rect::at({top.max.x - backW, top.min.y}, {backW, backH});
        float titleW = top.width() - backW - gap;
        titlePx = fitPx(f.body, z.bodyPx, z.minBodyPx, t.title, titleW);
        out.shortTitle = textSize(f.body, titlePx, t.title).x > titleW && !t.shortTitle.empty();
        const std::string& title = out.shortTitle ? t.shortTitle : t.title;
        titlePx = fitPx(f.body, z.bodyPx, z.minBodyPx, title, titleW);
        ImVec2 ts = textSize(f.body, titlePx, title);
        out.title = {{top.min.x, std::round(top.centreY() - ts.y / 2)}, titlePx};
    } else {
        ImVec2 ts = textSize(f.body, titlePx, t.title);
        Rect titleR = cutTop(area, ts.y, p.mm(3));
        out.title = {{std::round(titleR.centreX() - ts.x / 2), titleR.min.y}, titlePx};
        Rect backRow = cutBottom(area, backH, gap);
        out.back = Rect::at({backRow.max.x - backW, backRow.min.y}, {backW, backH});
    }
    if (t.names.empty()) return out;

    // Each button as wide as its share of the row (up to 90 mm) and as tall as the rows allow, up to
    // 60 mm (never taller than the screen: more services than a panel holds at 30 mm get less).
    float cellW = std::min(std::max(p.mm(90), minCellW), (area.width() - float(cols - 1) * gap) / float(cols));
    float cellH = std::min((area.height() - float(rows - 1) * gap) / float(rows), p.mm(60));
    // One size for every name: the largest at which the longest fits, a little above the body size
    // where the button is roomy.
    out.labelPx = z.bodyPx * 1.2f;
    for (const auto& name : t.names) out.labelPx = std::min(out.labelPx, fitPx(f.body, out.labelPx, z.minBodyPx, name, cellW - 2 * pad));
    // The shape above the name, in what the name leaves of the height.
    float nameH = textSize(f.body, out.labelPx, t.names.front()).y;
    out.iconSide = std::clamp(cellH - nameH - 2 * pad - p.mm(1), p.mm(6), p.mm(18));
    float blockH = float(rows) * cellH + float(rows - 1) * gap;
    Rect block{{area.min.x, area.min.y + std::max(0.0f, (area.height() - blockH) / 2)}, area.max};
    out.buttons = gridCells(block, int(t.names.size()), cols, {cellW, cellH}, gap);
    return out;
}

}  // namespace mh::ui

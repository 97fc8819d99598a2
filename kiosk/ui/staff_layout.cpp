// The staff screens' rects (see staff_layout.hpp).
#include "kiosk/ui/staff_layout.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

StaffLayout computeStaffLayout(const Panel& p) {
    const FontSet& f = p.fonts;
    StaffLayout out;
    float margin = p.mm(2), gap = p.mm(kGapMm), key = p.mm(kTouchMm);
    Rect area = p.rect().inset(margin);
    // Inside the training frame its border is the edge: the tabs keep the panel's width.
    if (p.training) area.min.x = p.rect().min.x + p.mm(0.5f), area.max.x = p.rect().max.x - p.mm(0.5f);
    // Each tab as wide as its label (at least 20 mm); on a narrow panel the labels shrink together,
    // never below 5 mm ink, rather than one label alone (issue 12: 没来的常客 was 3.9 mm), and
    // where even that is too wide the tabs take two rows.
    float pad = p.mm(4), px = f.sizes.staffPx, minPx = p.mm(kStaffTextMm / 0.64f);
    auto widthOf = [&](int i, float size) { return std::max(key, textSize(f.staff, size, kStaffTabs[size_t(i)]).x + pad); };
    auto rowFits = [&](int from, int to, float size) {
        float t = 0;
        for (int i = from; i < to; ++i) t += widthOf(i, size) + (i > from ? gap : 0);
        return t <= area.width();
    };
    out.modal = area;
    // The scrolling area and the column of 作废 buttons at its right (24 mm: two characters).
    auto finish = [&](const Rect& content) {
        out.content = content;
        out.width = content.width() - p.mm(16);
        out.voidButtonWidth = p.mm(24);
        out.voidColumn = {{content.min.x + out.width - p.mm(26), content.min.y}, content.max};
        out.askWidth = out.voidColumn.min.x - gap - content.min.x;
    };
    // Tabs in two columns at the left where a row of them leaves no room for three roster rows.
    float rosterH = f.sizes.staffPx + 3 * key + 2 * gap;
    if (!p.portrait() && area.height() - key - gap < rosterH && area.height() >= 3 * key + 2 * gap) {
        float sidePx = std::max(minPx, std::min(px, key / 2.2f));
        float tabW = key;
        for (const char* l : kStaffTabsTwoLines) tabW = std::max(tabW, textSize(f.staff, sidePx, l).x + pad);
        Rect column = cutLeft(area, 2 * tabW + gap, gap + 1);  // a pixel for ImGui rounding the child
        out.tabsAtSide = true;
        out.labels = kStaffTabsTwoLines;
        out.tabPx = sidePx;
        for (int i = 0; i < int(kStaffTabs.size()); ++i)
            out.tabs[size_t(i)] = Rect::at({column.min.x + float(i % 2) * (tabW + gap), column.min.y + float(i / 2) * (key + gap)},
                                           {tabW, key});
        finish(area);
        return out;
    }
    const int n = int(kStaffTabs.size());
    std::vector<std::pair<int, int>> rows{{0, n}};
    if (!rowFits(0, n, minPx)) rows = {{0, (n + 1) / 2}, {(n + 1) / 2, n}};
    auto allFit = [&](float size) {
        return std::all_of(rows.begin(), rows.end(), [&](auto r) { return rowFits(r.first, r.second, size); });
    };
    while (px > minPx && !allFit(px)) px = std::max(minPx, px * 0.96f);
    out.tabPx = px;
    for (auto [a, b] : rows) {
        Rect line = cutTop(area, key, gap);
        float t = 0;
        for (int i = a; i < b; ++i) t += widthOf(i, px);
        // Spread what is left over evenly, up to 45 mm a tab.
        float extra = std::max(0.0f, (line.width() - float(b - a - 1) * gap - t) / float(b - a));
        for (int i = a; i < b; ++i)
            out.tabs[size_t(i)] = cutLeft(line, std::max(widthOf(i, px), std::min(p.mm(45), widthOf(i, px) + extra)), gap);
    }
    finish(area);
    return out;
}

}  // namespace mh::ui

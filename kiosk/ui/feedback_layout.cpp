// The faces screen's rects (see feedback_layout.hpp). A 7" landscape panel is 90 mm tall: the
// headline at its smallest (20 mm ink), the name line and 30 mm faces just fit, so the question is
// left out there and the faces take whatever height the panel has beyond that.
#include "kiosk/ui/feedback_layout.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

FeedbackLayout computeFeedbackLayout(const Panel& p, const FeedbackTexts& t) {
    const FontSet& f = p.fonts;
    const FontSizes& z = f.sizes;
    FeedbackLayout out;
    float gap = p.mm(kGapMm), rowGap = p.portrait() ? gap : p.mm(2), pad = p.mm(2);
    Rect area = p.rect();
    area.min.x += p.mm(4), area.max.x -= p.mm(4);
    area.min.y += p.mm(3), area.max.y -= p.mm(3);
    float W = area.width(), avail = area.height();

    // The faces in a row where three fit at 30 mm with their words, else down a column.
    int n = std::max<int>(1, int(t.labels.size()));
    float minSide = p.mm(kMainTouchMm);
    float longest = 0;
    for (const auto& l : t.labels) longest = std::max(longest, textSize(f.body, z.minBodyPx, l).x);
    float minCellW = std::max(minSide, longest + 2 * pad);
    bool across = float(n) * minCellW + float(n - 1) * gap <= W;
    float facesMinH = across ? minSide : float(n) * minSide + float(n - 1) * gap;

    // The rows of text that may be left out, the question first, then the name line.
    float linePx = t.line.empty() ? 0 : fitMixed(f, z.bodyPx, z.minBodyPx, t.line, W);
    bool withLine = !t.line.empty() && mixedSize(f, z.minBodyPx, t.line).x <= W;
    float lineH = withLine ? mixedSize(f, linePx, t.line).y : 0;
    float qPx = t.question.empty() ? 0 : fitPx(f.body, z.bodyPx, z.minBodyPx, t.question, W);
    bool withQ = !t.question.empty() && textSize(f.body, z.minBodyPx, t.question).x <= W;
    auto rows = [&](bool line, bool q) { return (line ? rowGap + lineH : 0) + (q ? rowGap + qPx : 0); };
    // The question only with 10 mm to spare for the faces: they matter more than the words.
    if (withQ && z.minWordPx + rows(withLine, true) + gap + facesMinH + p.mm(10) > avail) withQ = false;
    // The name line at its smallest (10 mm) where the body size leaves the faces too little (a 7"
    // panel); left out only where even that does not fit (inside the training frame).
    if (withLine && z.minWordPx + rows(true, withQ) + gap + facesMinH > avail) {
        linePx = z.minBodyPx;
        lineH = mixedSize(f, linePx, t.line).y;
        if (z.minWordPx + rows(true, withQ) + gap + facesMinH > avail) withLine = false;
    }
    float textRows = rows(withLine, withQ);

    // The faces grow first (up to 60 mm each), then the headline (up to its full size).
    float facesMaxH = across ? p.mm(60) : float(n) * p.mm(40) + float(n - 1) * gap;
    float facesH = std::clamp(avail - z.minWordPx - textRows - gap, facesMinH, std::max(facesMinH, facesMaxH));
    float headerH = std::clamp(avail - textRows - gap - facesH, z.minWordPx, std::max(z.minWordPx, z.wordPx));

    // The headline: the outcome's shape beside its word, centred across the panel.
    // The shape gives way first where the word at its smallest would not fit beside it (a portrait tablet).
    float side = std::max(p.mm(12), std::min({headerH * 0.9f, z.wordPx * 0.9f, W - gap - textSize(f.word, z.minWordPx, t.word).x}));
    float wordPx = fitPx(f.word, headerH, z.minWordPx, t.word, W - side - gap);
    headerH = std::max(side, wordPx);
    float wordW = textSize(f.word, wordPx, t.word).x;
    Rect header = cutTop(area, headerH, rowGap);
    float x0 = std::max(header.min.x, std::round(header.centreX() - (side + gap + wordW) / 2));
    out.icon = Rect::at({x0, std::round(header.centreY() - side / 2)}, {side, side});
    out.word = {{x0 + side + gap, std::round(header.centreY() - wordPx / 2)}, wordPx};
    if (withLine) {
        Rect r = cutTop(area, lineH, rowGap);
        out.line = {{std::round(r.centreX() - mixedSize(f, linePx, t.line).x / 2), r.min.y}, linePx};
    }
    if (withQ) {
        Rect r = cutTop(area, qPx, rowGap);
        out.question = {{std::round(r.centreX() - textSize(f.body, qPx, t.question).x / 2), r.min.y}, qPx};
    }

    // The buttons at the bottom; what height is left stays between them and the words.
    Rect block = cutBottom(area, facesH);
    if (t.labels.empty()) return out;
    float cellW = across ? std::min((W - float(n - 1) * gap) / float(n), p.mm(80)) : std::min(W, p.mm(120));
    float cellH = across ? facesH : (facesH - float(n - 1) * gap) / float(n);
    out.faces = gridCells(block, n, across ? n : 1, {cellW, cellH}, gap);
    out.labelPx = z.bodyPx * 1.2f;
    for (const auto& l : t.labels) out.labelPx = std::min(out.labelPx, fitPx(f.body, out.labelPx, z.minBodyPx, l, cellW - 2 * pad));
    // A short button (a 7" panel in the training frame) keeps its face 14 mm: the word gives way first, to 10 mm.
    out.labelPx = std::clamp(cellH - 2 * pad - p.mm(1) - p.mm(14), z.minBodyPx, std::max(z.minBodyPx, out.labelPx));
    out.faceSide = std::clamp(cellH - out.labelPx - 2 * pad - p.mm(1), p.mm(8), std::max(p.mm(8), std::min(cellW - 2 * pad, p.mm(40))));
    return out;
}

}  // namespace mh::ui

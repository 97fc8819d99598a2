// The result screen's rects (see result_layout.hpp). A 7" landscape panel is 90 mm tall, so rows
// are packed tightly there; a portrait panel has height to spare, which the icon takes.
#include "kiosk/ui/result_layout.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

PayLine::PayLine(const std::string& pay, float px_, float digitPx_) : px(px_), digitPx(std::max(digitPx_, px_ * kAmountOverWord)) {
    auto isNum = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
    size_t a = 0;
    while (a < pay.size() && !isNum(pay[a])) ++a;
    size_t b = a;
    while (b < pay.size() && isNum(pay[b])) ++b;
    before = pay.substr(0, a), amount = pay.substr(a, b - a), after = pay.substr(b);
    if (amount.empty()) digitPx = px;
}

float PayLine::width(const FontSet& f) const {
    return textSize(f.pay, px, before).x + textSize(f.payDigits, digitPx, amount).x + textSize(f.pay, px, after).x;
}

void PayLine::fit(const FontSet& f, float minPx, float maxWidth) {
    float w = width(f);
    if (w <= maxWidth || w <= 0) return;
    float rest = w - textSize(f.payDigits, digitPx, amount).x;
    float digitsW = maxWidth - rest, digitsAtMin = textSize(f.payDigits, px * kAmountOverWord, amount).x;
    if (digitsAtMin > 0 && digitsW >= digitsAtMin) {
        digitPx = std::max(px * kAmountOverWord, digitPx * digitsW / textSize(f.payDigits, digitPx, amount).x);
        return;
    }
    // Everything smaller together, the amount still the tallest.
    float k = maxWidth / (rest + digitsAtMin);
    px = std::max(minPx, px * k);
    digitPx = amount.empty() ? px : px * kAmountOverWord;
}

void PayLine::fitHeight(float maxHeight, float minPx) {
    if (height() <= maxHeight || height() <= 0) return;
    float k = maxHeight / height();
    float ratio = amount.empty() ? 1.0f : digitPx / px;
    px = std::max(minPx, px * k);
    digitPx = px * ratio;
}

namespace {
// A long hint (这张卡读不出来，请找工作人员) breaks after its comma rather than shrink below 10 mm.
std::vector<std::string> hintLines(const FontSet& f, const std::string& hint, float maxW) {
    auto comma = hint.find("，");
    if (comma != std::string::npos && textSize(f.body, f.sizes.minBodyPx, hint).x > maxW)
        return {hint.substr(0, comma + 3), hint.substr(comma + 3)};
    return {hint};
}

// Without a comma: at the character nearest the middle (UTF-8: never inside a character).
std::vector<std::string> halves(const std::string& text) {
    size_t mid = text.size() / 2;
    while (mid > 0 && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) --mid;
    return {text.substr(0, mid), text.substr(mid)};
}
}  // namespace

ResultLayout computeResultLayout(const Panel& p, const ResultTexts& t) {
    const FontSet& f = p.fonts;
    const FontSizes& z = f.sizes;
    ResultLayout out;
    Axis flow = p.flow();
    bool row = flow == Axis::Row;
    float margin = p.mm(4), gap = p.mm(6);
    // Proportions: landscape packs rows 2 mm apart from 3 mm of the edges; portrait spaces them.
    float rowGap = row ? p.mm(2) : gap;
    Rect area = p.rect();
    area.min.x += margin, area.max.x -= margin;
    area.min.y += row ? p.mm(3) : margin + gap;
    area.max.y -= row ? p.mm(3) : margin;
    float W = area.width();

    // The button: 30 mm tall; beside the amount in a row, across the whole width in a column.
    float btnH = p.mm(kMainTouchMm * std::min(z.scale, 1.3f));
    float btnW = row ? std::max(p.mm(kMainTouchMm * 1.6f), textSize(f.body, z.bodyPx, kReplay.zh).x + p.mm(10)) : W;
    float msgW = row ? W - btnW - gap : W;

    // Heights that do not depend on the room: the name, and the outcome word in a column.
    // The name line's digits (the opening hours on 现在没开) in the digits font, 10 mm like every
    // elder digit (issue 23: 8.7 mm at 7").
    std::string name1 = t.name, name2;
    if (!t.name.empty() && mixedSize(f, z.minBodyPx, t.name).x > W) {
        // Too wide even at 10 mm: the hours (from the first digit) on a line of their own.
        size_t cut = t.name.find_first_of("0123456789");
        if (cut != std::string::npos && cut > 0) {
            name1 = t.name.substr(0, cut), name2 = t.name.substr(cut);
            while (!name1.empty() && name1.back() == ' ') name1.pop_back();
        }
    }
    float namePx = t.name.empty() ? 0 : std::min(fitMixed(f, z.bodyPx, z.minBodyPx, name1, W),
                                                 name2.empty() ? z.bodyPx : fitMixed(f, z.bodyPx, z.minBodyPx, name2, W));
    float name1H = t.name.empty() ? 0 : mixedSize(f, namePx, name1).y;
    float nameBoxH = name1H + (name2.empty() ? 0 : mixedSize(f, namePx, name2).y);
    float nameH = t.name.empty() ? 0 : nameBoxH + rowGap;
    float colWordPx = fitPx(f.word, z.wordPx, z.minWordPx, t.word, W);
    // The outcome at its largest and smallest: a row is as tall as its word; a column adds the icon.
    float iconCap = std::min(p.rect().width() * 0.42f, z.wordPx * 2.2f);
    float headerMax = row ? z.wordPx : iconCap + gap + colWordPx;
    float headerMin = row ? z.minWordPx : p.mm(12) + gap + colWordPx;

    // What to pay grows into height the outcome leaves: in a row the word keeps its full size first;
    // in a column the amount comes before the icon growing past its smallest.
    // A row too short for the outcome at its smallest, the name and the band (a 7" panel inside the
    // training frame): the word's line box may start above the rect by the blank space over its
    // ink (drawing is clipped there; the ink stays inside), and the margins go.
    // Shorter still (a name line with the hours): the rows touch, and the name's line box starts in
    // the blank space under the word's ink.
    float headerOverlap = 0;
    auto tighten = [&](float bandH) {
        float need = headerMin + rowGap + nameH + bandH;
        if (area.height() >= need) return;
        if (!row) {  // a column (a portrait tablet in the training frame): the top margin's gap goes
            area.min.y = std::min(area.min.y, p.rect().min.y + margin);
            return;
        }
        area.min.y = p.rect().min.y - 0.14f * z.minWordPx;
        area.max.y = p.rect().max.y - p.mm(1);
        if (area.height() >= need) return;
        rowGap = 0;
        nameH = nameBoxH;
        headerOverlap = 0.08f * z.minWordPx;  // taken when the header is cut below
    };
    tighten(btnH);
    float msgH = 0;
    std::vector<ResultLayout::Line> lines;  // each line's y offset inside the message, then its place
    bool wide = false;  // one line too wide beside the button: above the band, across the width, if room
    if (!t.pay.empty()) {
        float others = rowGap + nameH + rowGap + (row ? 0 : btnH + gap);
        out.pay = PayLine(t.pay, z.payPx, std::clamp(area.height() - others - (row ? headerMax : headerMin), z.payPx, z.payDigitPx));
        out.pay.fit(f, z.minBodyPx, msgW);
        // On a short panel 请付 shrinks (never below 10 mm) so the amount can stay the tallest.
        out.pay.fitHeight(area.height() - others - headerMin, z.minBodyPx);
        msgH = out.pay.height();
    } else {
        auto texts = hintLines(f, t.hint, msgW);
        float px = fitPx(f.body, z.bodyPx, z.minBodyPx, t.hint, msgW);
        wide = row && texts.size() == 1 && textSize(f.body, px, t.hint).x > msgW;
        // Too wide beside the button and no room above it with the outcome at its largest: two
        // lines beside the button after all.
        if (wide && area.height() - std::max(btnH, px) - headerMax - rowGap - nameH < fitPx(f.body, px, z.minBodyPx, t.hint, W))
            texts = halves(t.hint), wide = false;
        if (texts.size() == 1) {
            lines.push_back({{{0, 0}, px}, t.hint});
            msgH = px;
        } else {
            // Two lines, stacked by ink in a row (the line box has ~25% blank space), by box in a column.
            float lpx = row ? z.minBodyPx : px, pitch = row ? lpx * 0.8f : lpx;
            for (size_t i = 0; i < texts.size(); ++i)
                lines.push_back({{{0, float(i) * pitch}, fitPx(f.body, lpx, z.minBodyPx, texts[i], msgW)}, texts[i]});
            msgH = pitch + lpx;
        }
    }

    // The bottom band: the message and the button, side by side or stacked.
    float bandH = row ? std::max(btnH, msgH) : msgH + gap + btnH;
    tighten(bandH);
    // The outcome takes the room the other rows leave, between its smallest and largest.
    float headerH = std::max(headerMin, std::min(area.height() + headerOverlap - bandH - rowGap - nameH, headerMax));
    float wordPx = colWordPx, side = headerH - gap - colWordPx;
    if (row) {
        // Across a row the icon is as tall as the word, which shrinks to leave the icon its room.
        side = std::min(z.wordPx * 0.9f, headerH);
        wordPx = fitPx(f.word, headerH, z.minWordPx, t.word, W - side - gap);
        headerH = std::max(side, wordPx);
    }
    side = std::max(side, p.mm(12));
    Rect header = cutTop(area, headerH, rowGap - headerOverlap);
    Rect iconCell = cutStart(header, flow, side, gap);
    out.icon = Rect::at({row ? iconCell.min.x : iconCell.centreX() - side / 2, row ? iconCell.centreY() - side / 2 : iconCell.min.y},
                        {side, side});
    // In a tightened row the header starts above the rect: the icon stays inside it, a little smaller.
    if (float top = p.rect().min.y + p.mm(1); out.icon.min.y < top) {
        float s2 = std::max(p.mm(12), std::min(out.icon.width(), out.icon.max.y - top));
        out.icon = Rect::at({out.icon.min.x, top}, {s2, s2});
    }
    float wordW = textSize(f.word, wordPx, t.word).x;
    out.word = {{row ? header.min.x : std::round(header.centreX() - wordW / 2), row ? header.centreY() - wordPx / 2 : header.min.y},
                wordPx};

    // Who and what, under the outcome: at the left in a row, centred in a column.
    auto placeX = [&](const Rect& r, float w) { return row ? r.min.x : std::round(r.centreX() - w / 2); };
    if (!t.name.empty()) {
        Rect nameR = cutTop(area, nameBoxH, rowGap);
        out.nameText = name1;
        out.name = {{placeX(nameR, mixedSize(f, namePx, name1).x), nameR.min.y}, namePx};
        if (!name2.empty()) {
            out.name2Text = name2;
            out.name2 = {{placeX(nameR, mixedSize(f, namePx, name2).x), nameR.min.y + name1H}, namePx};
        }
    }
    // A line too wide beside the button goes above the band, across the whole width.
    if (wide) {
        float px = fitPx(f.body, lines[0].spot.px, z.minBodyPx, t.hint, W);
        lines[0].spot = {cutTop(area, px).min, px};
    }

    // The button at the bottom. In a row the message shares its band, left of it; in a column the
    // message follows the name and what height is left stays above the button.
    Rect band = cutBottom(area, row ? bandH : btnH);
    Rect msg = row ? band : cutTop(area, msgH);
    out.replay = row ? centreIn(cutEnd(msg, flow, btnW, gap), {btnW, btnH}) : band;
    float msgTop = row ? msg.centreY() - msgH / 2 : msg.min.y;
    if (!t.pay.empty()) out.payAt = {placeX(msg, out.pay.width(f)), msgTop};
    if (!wide)
        for (auto& l : lines) l.spot.at = {placeX(msg, textSize(f.body, l.spot.px, l.text).x), msgTop + l.spot.at.y};
    out.hint = std::move(lines);
    return out;
}

}  // namespace mh::ui

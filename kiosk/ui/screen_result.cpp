// The result of a scan: the outcome's shape and colour, its word huge, the name (masked unless the
// site shows full names), what the elder pays in very large digits, and a big 再听一遍 button.
#include <algorithm>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
std::string nameLine(const KioskState& st, const ScanResult& r) {
    std::string name = drawable(st.showFullNames && !r.fullName.empty() ? r.fullName : r.maskedName);
    if (r.outcome == Outcome::Unknown || r.outcome == Outcome::Invalid) return "";
    std::string svc = r.serviceName.empty() ? r.service : r.serviceName;
    if (r.delivered) svc += " 送餐";
    return name.empty() ? svc : name + "  " + svc;
}

// The amount's digits at least this much bigger than 请付: a digit's ink is ~0.78 of a hanzi's, so
// at 1.3 times the amount is never shorter than the word before it (issue 12: "2" was 15.4 mm
// beside a 19.3 mm 请付).
constexpr float kAmountOverWord = 1.3f;

// "请付 2 元" drawn in three pieces on one baseline, the amount in the bigger digit font; "免费" and
// anything without a number whole.
struct PayLine {
    std::string before, amount, after;
    float px = 0, digitPx = 0;  // 请付/元, and the amount

    std::uint32_t colour = kText;

    PayLine(const std::string& pay, float px_, float digitPx_, std::uint32_t colour_)
        : px(px_), digitPx(std::max(digitPx_, px_ * kAmountOverWord)), colour(colour_) {
        auto isNum = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
        size_t a = 0;
        while (a < pay.size() && !isNum(pay[a])) ++a;
        size_t b = a;
        while (b < pay.size() && isNum(pay[b])) ++b;
        before = pay.substr(0, a), amount = pay.substr(a, b - a), after = pay.substr(b);
        if (amount.empty()) digitPx = px;
    }
    [[nodiscard]] float height() const { return std::max(px, digitPx); }
    [[nodiscard]] float width(const FontSet& f) const {
        return textSize(f.pay, px, before).x + textSize(f.payDigits, digitPx, amount).x + textSize(f.pay, px, after).x;
    }
    // Shrinks the digits back towards px, then the whole line, until it fits maxWidth.
    void fit(const FontSet& f, float minPx, float maxWidth) {
        float w = width(f);
        if (w <= maxWidth || w <= 0) return;
        float rest = w - textSize(f.payDigits, digitPx, amount).x;
        float digitsW = maxWidth - rest, digitsAtMin = textSize(f.payDigits, px * kAmountOverWord, amount).x;
        if (digitsAtMin > 0 && digitsW >= digitsAtMin) {
            digitPx = std::max(px * kAmountOverWord, digitPx * digitsW / textSize(f.payDigits, digitPx, amount).x);
            return;
        }
        // Everything smaller together, the amount still the tallest.
        float k = maxWidth / (rest - 0 + digitsAtMin);
        px = std::max(minPx, px * k);
        digitPx = amount.empty() ? px : px * kAmountOverWord;
    }
    // Shrinks the whole line (the amount keeping its lead) until its box is at most maxHeight.
    void fitHeight(float maxHeight, float minPx) {
        if (height() <= maxHeight || height() <= 0) return;
        float k = maxHeight / height();
        float ratio = amount.empty() ? 1.0f : digitPx / px;
        px = std::max(minPx, px * k);
        digitPx = px * ratio;
    }
    // Top-left of the line's box at pos; the pieces share the baseline of the tallest.
    void draw(DrawContext& ctx, ImVec2 pos) const {
        const FontSet& f = ctx.fonts;
        auto ascent = [](ImFont* font, float size) { return font->Ascent * size / font->FontSize; };
        float baseline = pos.y + std::max(ascent(f.pay, px), ascent(f.payDigits, digitPx));
        float x = pos.x;
        x += drawText(ctx, f.pay, px, {x, baseline - ascent(f.pay, px)}, colour, before, "pay").x;
        if (!amount.empty()) {
            // The amount's own font only when it is drawn bigger: at the same size 请付's font is crisper.
            ImFont* digits = digitPx > px ? f.payDigits : f.pay;
            x += drawText(ctx, digits, digitPx, {x, baseline - ascent(digits, digitPx)}, colour, amount, "pay-amount").x;
        }
        if (!after.empty()) drawText(ctx, f.pay, px, {x, baseline - ascent(f.pay, px)}, colour, after, "pay-unit");
    }
};
}  // namespace

void drawResultScreen(const KioskState& st, DrawContext& ctx) {
    if (!st.result) return;
    const ScanResult& r = *st.result;
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    OutcomeLook look = lookOf(r);
    float margin = ctx.mm(4), gap = ctx.mm(6);
    float W = float(m.width), H = float(m.height);
    float minBody = f.sizes.minBodyPx;
    std::string word = resultWord(r).zh;
    std::string name = nameLine(st, r);
    std::string pay = payText(r);
    std::string hint = outcomeHint(r).zh;
    // Closed: say when it is open, on the name line (it fits a 7" panel there).
    if (r.outcome == Outcome::Closed && r.service == st.service.id && !st.service.hours.empty())
        name += " " + st.service.hours;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The whole screen in the outcome's background: white for accepted, dark for every refusal.
    dl->AddRectFilled({0, 0}, {W, H}, look.background);
    std::uint32_t ink = look.body;
    ButtonStyle btnStyle = look.dark ? ButtonStyle::OnDark : ButtonStyle::Primary;
    auto icon = [&](ImVec2 at, float side) {
        drawOutcomeIcon(dl, look.shape, look.fill, at, side);
        if (ctx.layout) ctx.layout->pictures.push_back({"icon", at, {at.x + side, at.y + side}});
    };
    // A long hint (这张卡读不出来，请找工作人员) breaks after its comma rather than shrink below 10 mm.
    auto hintLines = [&](float maxW) {
        std::vector<std::string> lines{hint};
        auto comma = hint.find("，");
        if (comma != std::string::npos && textSize(f.body, minBody, hint).x > maxW)
            lines = {hint.substr(0, comma + 3), hint.substr(comma + 3)};
        return lines;
    };

    float btnH = ctx.mm(kMainTouchMm * std::min(ctx.s(), 1.3f));
    float btnW = std::max(ctx.mm(kMainTouchMm * 1.6f), textSize(f.body, f.sizes.bodyPx, kReplay.zh).x + ctx.mm(10));

    if (!m.portrait()) {
        // Row 1: the icon and the outcome word. Rows are packed tightly: a 7" panel is 90 mm tall.
        float y = ctx.mm(3), rowGap = ctx.mm(2);
        float leftW = W - 2 * margin - btnW - gap;
        float nameH = name.empty() ? 0 : f.sizes.bodyPx + rowGap;
        // The amount grows only into height the outcome word does not need at its full size.
        float spare = H - ctx.mm(3) - y - rowGap - nameH - f.sizes.wordPx - rowGap;
        PayLine payLine(pay, f.sizes.payPx, std::clamp(spare, f.sizes.payPx, f.sizes.payDigitPx), ink);
        payLine.fit(f, minBody, leftW);
        // On a short panel 请付 shrinks (never below 10 mm) so the amount can stay the tallest.
        payLine.fitHeight(H - ctx.mm(3) - y - rowGap - nameH - f.sizes.minWordPx - rowGap, minBody);
        float payPx = pay.empty() ? 0 : payLine.height();
        float bandH = std::max(btnH, payPx);
        // The word grows into whatever height the other rows leave, up to 1.2 times.
        float room = H - ctx.mm(3) - bandH - rowGap - nameH - y;
        float wordPx = std::clamp(room, f.sizes.minWordPx, f.sizes.wordPx);
        float side = std::min(f.sizes.wordPx * 0.9f, wordPx);
        float x = margin + side + gap;
        wordPx = fitPx(f.word, wordPx, f.sizes.minWordPx, word, W - x - margin);
        float rowH = std::max(side, wordPx);
        icon({margin, y + (rowH - side) / 2}, side);
        drawText(ctx, f.word, wordPx, {x, y + (rowH - wordPx) / 2}, look.text, word, "outcome");
        y += rowH + rowGap;
        // Row 2: who and what.
        if (!name.empty()) {
            float px = fitPx(f.body, f.sizes.bodyPx, minBody, name, W - 2 * margin);
            y += drawText(ctx, f.body, px, {margin, y}, ink, name, "name").y + rowGap;
        }
        // Bottom band: what to pay (or what to do), and the replay button on the right.
        float bandTop = std::max(y, H - ctx.mm(3) - bandH);
        ImVec2 btnMin{W - margin - btnW, bandTop + (bandH - btnH) / 2};
        if (!pay.empty()) {
            payLine.draw(ctx, {margin, bandTop + (bandH - payPx) / 2});
        } else {
            float px = fitPx(f.body, f.sizes.bodyPx, minBody, hint, leftW);
            auto lines = hintLines(leftW);
            if (lines.size() == 1 && textSize(f.body, px, hint).x <= leftW)
                drawText(ctx, f.body, px, {margin, bandTop + (bandH - px) / 2}, ink, hint, "hint");
            else if (lines.size() == 1 && bandTop - y >= px)
                drawText(ctx, f.body, fitPx(f.body, px, minBody, hint, W - 2 * margin), {margin, y}, ink, hint, "hint");
            else {
                // Two lines beside the button, stacked by ink (the line box has ~25% blank space).
                float lpx = minBody, pitch = lpx * 0.8f;
                float top = std::max(y, bandTop + (bandH - lpx - pitch) / 2);
                for (size_t i = 0; i < lines.size(); ++i)
                    drawText(ctx, f.body, fitPx(f.body, lpx, minBody, lines[i], leftW), {margin, top + i * pitch}, ink,
                             lines[i], i == 0 ? "hint" : "hint2");
            }
        }
        if (bigButton(ctx, "replay", btnMin, {btnW, btnH}, kReplay.zh, f.body, f.sizes.bodyPx, btnStyle))
            ctx.out.push(ReplayVoice{});
    } else {
        // Portrait: a stack, centred.
        float cx = W / 2, y = margin + gap;
        float wordPx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, word, W - 2 * margin);
        float namePx = name.empty() ? 0 : fitPx(f.body, f.sizes.bodyPx, minBody, name, W - 2 * margin);
        float hintPx = fitPx(f.body, f.sizes.bodyPx, minBody, hint, W - 2 * margin);
        // The icon takes what the words and the button leave, so a narrow 7"-10" portrait panel
        // still shows the replay button whole.
        float rowsH = textSize(f.word, wordPx, word).y + gap + (name.empty() ? 0 : textSize(f.body, namePx, name).y + gap) +
                      (pay.empty() ? textSize(f.body, hintPx, hint).y * float(hintLines(W - 2 * margin).size())
                                   : f.sizes.payPx * kAmountOverWord) + gap + btnH + margin;
        float side = std::min({W * 0.42f, f.sizes.wordPx * 2.2f, H - y - gap - rowsH});
        side = std::max(side, ctx.mm(12));
        icon({cx - side / 2, y}, side);
        y += side + gap;
        y += drawTextCentred(ctx, f.word, wordPx, cx, y, look.text, word, "outcome").y + gap;
        if (!name.empty()) y += drawTextCentred(ctx, f.body, namePx, cx, y, ink, name, "name").y + gap;
        if (!pay.empty()) {
            float spare = H - margin - btnH - gap - y;
            PayLine payLine(pay, f.sizes.payPx, std::clamp(spare, f.sizes.payPx, f.sizes.payDigitPx), ink);
            payLine.fit(f, minBody, W - 2 * margin);
            payLine.draw(ctx, {std::round(cx - payLine.width(f) / 2), y});
            y += payLine.height() + gap;
        } else {
            auto lines = hintLines(W - 2 * margin);
            for (size_t i = 0; i < lines.size(); ++i)
                y += drawTextCentred(ctx, f.body, fitPx(f.body, hintPx, minBody, lines[i], W - 2 * margin), cx, y, ink,
                                     lines[i], i == 0 ? "hint" : "hint2").y;
            y += gap;
        }
        float bw = W - 2 * margin;
        if (bigButton(ctx, "replay", {margin, std::max(y, H - margin - btnH)}, {bw, btnH}, kReplay.zh, f.body,
                      f.sizes.bodyPx, btnStyle))
            ctx.out.push(ReplayVoice{});
    }
}

}  // namespace mh::ui

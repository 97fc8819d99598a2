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
}  // namespace

void drawResultScreen(const KioskState& st, DrawContext& ctx) {
    if (!st.result) return;
    const ScanResult& r = *st.result;
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    OutcomeLook look = lookOf(r.outcome);
    float margin = ctx.mm(4), gap = ctx.mm(6);
    float W = float(m.width), H = float(m.height);
    float minBody = f.sizes.minBodyPx;
    std::string word = outcomeWord(r.outcome, r.delivered).zh;
    std::string name = nameLine(st, r);
    std::string pay = payText(r);
    std::string hint = outcomeHint(r).zh;
    // Closed: say when it is open, on the name line (it fits a 7" panel there).
    if (r.outcome == Outcome::Closed && r.service == st.service.id && !st.service.hours.empty())
        name += " " + st.service.hours;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    float btnH = ctx.mm(kMainTouchMm * std::min(ctx.s(), 1.3f));
    float btnW = std::max(ctx.mm(kMainTouchMm * 1.6f), textSize(f.body, f.sizes.bodyPx, kReplay.zh).x + ctx.mm(10));

    if (!m.portrait()) {
        // Row 1: the icon and the outcome word. Rows are packed tightly: a 7" panel is 90 mm tall.
        float y = ctx.mm(3), rowGap = ctx.mm(2);
        float leftW = W - 2 * margin - btnW - gap;
        float payPx = pay.empty() ? 0 : fitPx(f.pay, f.sizes.payPx, minBody, pay, leftW);
        float bandH = std::max(btnH, payPx);
        float nameH = name.empty() ? 0 : f.sizes.bodyPx + rowGap;
        // The word grows into whatever height the other rows leave, up to 1.2 times.
        float room = H - ctx.mm(3) - bandH - rowGap - nameH - y;
        float wordPx = std::clamp(room, f.sizes.minWordPx, f.sizes.wordPx);
        float side = std::min(f.sizes.wordPx * 0.9f, wordPx);
        float x = margin + side + gap;
        wordPx = fitPx(f.word, wordPx, f.sizes.minWordPx, word, W - x - margin);
        float rowH = std::max(side, wordPx);
        drawOutcomeIcon(dl, look.shape, look.fill, {margin, y + (rowH - side) / 2}, side);
        drawText(ctx, f.word, wordPx, {x, y + (rowH - wordPx) / 2}, look.text, word, "outcome");
        y += rowH + rowGap;
        // Row 2: who and what.
        if (!name.empty()) {
            float px = fitPx(f.body, f.sizes.bodyPx, minBody, name, W - 2 * margin);
            y += drawText(ctx, f.body, px, {margin, y}, kText, name, "name").y + rowGap;
        }
        // Bottom band: what to pay (or what to do), and the replay button on the right.
        float bandTop = std::max(y, H - ctx.mm(3) - bandH);
        ImVec2 btnMin{W - margin - btnW, bandTop + (bandH - btnH) / 2};
        if (!pay.empty()) {
            drawText(ctx, f.pay, payPx, {margin, bandTop + (bandH - payPx) / 2}, kText, pay, "pay");
        } else {
            float px = fitPx(f.body, f.sizes.bodyPx, minBody, hint, leftW);
            if (textSize(f.body, px, hint).x <= leftW)
                drawText(ctx, f.body, px, {margin, bandTop + (bandH - px) / 2}, kText, hint, "hint");
            else if (bandTop - y >= px)
                drawText(ctx, f.body, fitPx(f.body, px, minBody, hint, W - 2 * margin), {margin, y}, kText, hint, "hint");
        }
        if (bigButton(ctx, "replay", btnMin, {btnW, btnH}, kReplay.zh, f.body, f.sizes.bodyPx))
            ctx.out.push(ReplayVoice{});
    } else {
        // Portrait: a stack, centred.
        float cx = W / 2, y = margin + gap;
        float side = std::min(W * 0.42f, f.sizes.wordPx * 2.2f);
        drawOutcomeIcon(dl, look.shape, look.fill, {cx - side / 2, y}, side);
        y += side + gap;
        float wordPx = fitPx(f.word, f.sizes.wordPx, f.sizes.minWordPx, word, W - 2 * margin);
        y += drawTextCentred(ctx, f.word, wordPx, cx, y, look.text, word, "outcome").y + gap;
        if (!name.empty())
            y += drawTextCentred(ctx, f.body, fitPx(f.body, f.sizes.bodyPx, minBody, name, W - 2 * margin), cx, y, kText,
                                 name, "name").y + gap;
        if (!pay.empty())
            y += drawTextCentred(ctx, f.pay, fitPx(f.pay, f.sizes.payPx, minBody, pay, W - 2 * margin), cx, y,
                                 kText, pay, "pay").y + gap;
        else
            y += drawTextCentred(ctx, f.body, fitPx(f.body, f.sizes.bodyPx, minBody, hint, W - 2 * margin), cx, y, kText,
                                 hint, "hint").y + gap;
        float bw = W - 2 * margin;
        if (bigButton(ctx, "replay", {margin, std::max(y, H - margin - btnH)}, {bw, btnH}, kReplay.zh, f.body,
                      f.sizes.bodyPx))
            ctx.out.push(ReplayVoice{});
    }
}

}  // namespace mh::ui

// The result of a scan: the outcome's shape and colour, its word huge, the name (masked unless the
// site shows full names), what the elder pays in very large digits, and a big 再听一遍 button.
// Where each goes comes from computeResultLayout; this file only draws.
#include "kiosk/ui/result_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
std::string nameLine(const KioskState& st, const ScanResult& r) {
    std::string name = drawable(st.showFullNames && !r.fullName.empty() ? r.fullName : r.maskedName);
    if (r.outcome == Outcome::Unknown || r.outcome == Outcome::Invalid) return "";
    std::string svc = r.serviceName.empty() ? r.service.str() : r.serviceName;
    if (r.delivered) svc += " 送餐";
    std::string line = name.empty() ? svc : name + "  " + svc;
    // Closed: say when it is open, on the name line (it fits a 7" panel there).
    if (r.outcome == Outcome::Closed && r.service.str() == st.service.id && !st.service.hours.empty())
        line += " " + st.service.hours;
    return line;
}

// The pieces share the baseline of the tallest; the amount in its own font only when it is drawn
// bigger: at the same size 请付's font is crisper.
void drawPayLine(DrawContext& ctx, const PayLine& l, ImVec2 pos, std::uint32_t colour) {
    const FontSet& f = ctx.fonts;
    auto ascent = [](ImFont* font, float size) { return font->Ascent * size / font->FontSize; };
    float baseline = pos.y + std::max(ascent(f.pay, l.px), ascent(f.payDigits, l.digitPx));
    float x = pos.x;
    x += drawText(ctx, f.pay, l.px, {x, baseline - ascent(f.pay, l.px)}, colour, l.before, "pay").x;
    if (!l.amount.empty()) {
        ImFont* digits = l.digitPx > l.px ? f.payDigits : f.pay;
        x += drawText(ctx, digits, l.digitPx, {x, baseline - ascent(digits, l.digitPx)}, colour, l.amount, "pay-amount").x;
    }
    if (!l.after.empty()) drawText(ctx, f.pay, l.px, {x, baseline - ascent(f.pay, l.px)}, colour, l.after, "pay-unit");
}
}  // namespace

void drawResultScreen(const KioskState& st, DrawContext& ctx) {
    if (!st.result) return;
    const ScanResult& r = *st.result;
    const FontSet& f = ctx.fonts;
    OutcomeLook look = lookOf(r);
    ResultTexts texts{resultWord(r).zh, nameLine(st, r), payText(r), outcomeHint(r).zh};
    ResultLayout lay = computeResultLayout(ctx.panel(), texts);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The whole screen in the outcome's background: white for accepted, dark for every refusal.
    Rect screen = ctx.panel().rect();
    dl->AddRectFilled(screen.min, screen.max, look.background);
    drawOutcomeIcon(dl, look.shape, look.fill, lay.icon.min, lay.icon.width());
    if (ctx.layout) ctx.layout->pictures.push_back({"icon", lay.icon.min, lay.icon.max});
    drawText(ctx, f.word, lay.word.px, lay.word.at, look.text, texts.word, "outcome");
    if (lay.name.px > 0) drawMixed(ctx, lay.name.px, lay.name.at, look.body, lay.nameText, "name");
    if (lay.name2.px > 0) drawMixed(ctx, lay.name2.px, lay.name2.at, look.body, lay.name2Text, "name2");
    if (!texts.pay.empty()) drawPayLine(ctx, lay.pay, lay.payAt, look.body);
    for (size_t i = 0; i < lay.hint.size(); ++i)
        drawText(ctx, f.body, lay.hint[i].spot.px, lay.hint[i].spot.at, look.body, lay.hint[i].text, i == 0 ? "hint" : "hint2");
    if (bigButton(ctx, "replay", lay.replay.min, lay.replay.size(), kReplay.zh, f.body, f.sizes.bodyPx,
                  look.dark ? ButtonStyle::OnDark : ButtonStyle::Primary))
        ctx.out.push(ReplayVoice{});
}

}  // namespace mh::ui

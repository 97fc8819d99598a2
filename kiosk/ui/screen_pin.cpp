// The staff PIN pad: digits only, so no Chinese typing; its rects come from computePinLayout.
#include <string>

#include "kiosk/ui/pin_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

void drawPinScreen(const KioskState& st, DrawContext& ctx) {
    const FontSet& f = ctx.fonts;
    PinLayout lay = computePinLayout(ctx.panel());
    if (bigButton(ctx, "back", lay.back.min, lay.back.size(), "返回", f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        ctx.out.push(CloseStaff{});
    drawText(ctx, f.staff, lay.title.px, lay.title.at, kText, kPinTitle);

    std::string dots;
    for (size_t i = 0; i < st.pinDigits.size(); ++i) dots += "● ";
    const std::string& line = st.pinMessage.empty() ? dots : st.pinMessage;
    // Smaller rather than wider than its place: the keys never move for it.
    float px = fitPx(f.staff, lay.typed.px, lay.typed.px * 0.6f, line, lay.typedWidth);
    drawText(ctx, f.staff, px, lay.typed.at, st.pinMessage.empty() ? kText : kRedText, line.empty() ? " " : line, "pin-line");

    for (const auto& k : lay.keys) {
        std::string l = k.label, id = "key" + l;
        // Digits at elder size; 删除 and 确定 in the staff font, so they stay whole on a 20 mm key.
        bool word = l.size() > 1;
        if (!bigButton(ctx, id.c_str(), k.rect.min, k.rect.size(), l, word ? f.staff : f.body,
                       word ? f.sizes.staffPx : f.sizes.bodyPx))
            continue;
        if (l == "删除") ctx.out.push(PinBackspace{});
        else if (l == "确定") ctx.out.push(PinSubmit{});
        else ctx.out.push(PinDigit{l[0]});
    }
}

}  // namespace mh::ui

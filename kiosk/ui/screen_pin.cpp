// The staff PIN pad: digits only, keys at least 20 mm with 6 mm gaps, so no Chinese typing and no
// small targets. Six columns in landscape (fits a 7" panel), three in portrait.
#include <algorithm>
#include <string>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

void drawPinScreen(const KioskState& st, DrawContext& ctx) {
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    float margin = ctx.mm(2), gap = ctx.mm(kGapMm);
    float W = float(m.width), H = float(m.height);
    float key = ctx.mm(kTouchMm);

    // Title row with the back button.
    float backW = key * 1.6f;
    if (bigButton(ctx, "back", {W - margin - backW, margin}, {backW, key}, "返回", f.staff, f.sizes.staffPx,
                  ButtonStyle::Staff))
        ctx.out.push(CloseStaff{});
    // On a narrow portrait panel the title shrinks rather than run under the back button.
    const std::string title = "工作人员：请输入密码";
    float titlePx = fitPx(f.staff, f.sizes.staffPx, f.sizes.staffPx * 0.6f, title, W - backW - 2 * margin - ctx.mm(4));
    drawText(ctx, f.staff, titlePx, {margin + ctx.mm(2), margin + (key - titlePx) / 2}, kText, title);
    float y = margin + key + gap * 0.5f;

    // What has been typed, as dots, or why it was refused.
    std::string dots;
    for (size_t i = 0; i < st.pinDigits.size(); ++i) dots += "● ";
    const std::string& line = st.pinMessage.empty() ? dots : st.pinMessage;
    drawText(ctx, f.staff, f.sizes.staffPx, {margin + ctx.mm(2), y}, st.pinMessage.empty() ? kText : kRedText,
             line.empty() ? " " : line);
    y += f.sizes.staffPx + gap * 0.5f;

    // The keypad.
    const char* labels[] = {"1", "2", "3", "4", "5", "删除", "6", "7", "8", "9", "0", "确定"};
    const char* portraitLabels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "删除", "0", "确定"};
    int cols = m.portrait() ? 3 : 6, rows = 12 / cols;
    float avail = H - y - margin;
    float side = std::min((W - 2 * margin - gap * (cols - 1)) / cols, (avail - gap * (rows - 1)) / rows);
    side = std::max(side, key);
    side = std::min(side, ctx.mm(35));
    float padW = cols * side + (cols - 1) * gap;
    float x0 = (W - padW) / 2;
    for (int i = 0; i < 12; ++i) {
        const char* label = m.portrait() ? portraitLabels[i] : labels[i];
        ImVec2 at{x0 + (i % cols) * (side + gap), y + (i / cols) * (side + gap)};
        std::string id = std::string("key") + label;
        // Digits at elder size; 删除 and 确定 in the staff font, so they stay whole on a 20 mm key.
        bool word = std::string(label).size() > 1;
        if (!bigButton(ctx, id.c_str(), at, {side, side}, label, word ? f.staff : f.body, word ? f.sizes.staffPx : f.sizes.bodyPx))
            continue;
        std::string l = label;
        if (l == "删除") ctx.out.push(PinBackspace{});
        else if (l == "确定") ctx.out.push(PinSubmit{});
        else ctx.out.push(PinDigit{l[0]});
    }
}

}  // namespace mh::ui

// Today's roster for staff: per service, who came and when, delivered meals and voided records.
#include <cstdio>

#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

void drawRosterScreen(const KioskState& st, DrawContext& ctx) {
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    float margin = ctx.mm(2), key = ctx.mm(kTouchMm);
    float W = float(m.width), H = float(m.height);
    float backW = key * 1.6f;
    if (bigButton(ctx, "back", {W - margin - backW, margin}, {backW, key}, "返回", f.staff, f.sizes.staffPx,
                  ButtonStyle::Staff))
        ctx.out.push(CloseStaff{});
    char title[128];
    std::snprintf(title, sizeof title, "今日名单  %u月%u日%s", st.now.date.month(), st.now.date.day(),
                  st.soundAvailable ? "" : "  （没有声音：请检查喇叭）");
    drawText(ctx, f.staff, f.sizes.staffPx, {margin + ctx.mm(2), margin + (key - f.sizes.staffPx) / 2}, kText, title);

    // A scrolling list; the scrollbar is a finger wide.
    float top = margin + key + ctx.mm(3);
    ImGui::SetCursorScreenPos({margin, top});
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ctx.mm(12));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    ImGui::BeginChild("roster", {W - 2 * margin, H - top - margin}, false);
    ImGui::PushFont(f.staff);
    if (st.roster.empty()) ImGui::TextUnformatted("今天还没有人签到");
    for (const auto& svc : st.roster) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
        ImGui::Text("%s  %d 人次", svc.name.c_str(), svc.counted);
        ImGui::PopStyleColor();
        for (const auto& row : svc.rows) {
            std::string line = row.time + "  " + row.name + (row.delivered ? "  送餐" : "") + (row.voided ? "  已作废" : "");
            if (row.voided) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kRedText));
            ImGui::TextUnformatted(line.c_str());
            if (row.voided) ImGui::PopStyleColor();
        }
        ImGui::Dummy({1, ctx.mm(3)});
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
}

}  // namespace mh::ui

// The staff screens behind the PIN: a tab bar (today's roster, regulars missing, manual check-in,
// settings) and today's roster with voiding by a reason picked from a list.
#include <cstdio>
#include <utility>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "shared/peers/doubles.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

// Draws the tab bar and returns where the content below it may start.
float drawTabBar(const KioskState& st, DrawContext& ctx) {
    const FontSet& f = ctx.fonts;
    float W = float(ctx.metrics.width), margin = ctx.mm(2), gap = ctx.mm(kGapMm), key = ctx.mm(kTouchMm);
    const char* labels[] = {"今日名单", "没来的常客", "补签", "设置", "返回"};
    // Each tab as wide as its label (at least 20 mm); on a narrow panel the labels shrink together,
    // never below 5 mm ink, rather than one label alone (issue 12: 没来的常客 was 3.9 mm), and
    // where even that is too wide (a portrait tablet) the tabs take two rows.
    float pad = ctx.mm(4), px = f.sizes.staffPx, minPx = ctx.mm(kStaffTextMm / 0.64f);
    auto widthOf = [&](int i, float size) { return std::max(key, textSize(f.staff, size, labels[i]).x + pad); };
    auto rowFits = [&](int from, int to, float size) {
        float t = 0;
        for (int i = from; i < to; ++i) t += widthOf(i, size) + (i > from ? gap : 0);
        return t <= W - 2 * margin;
    };
    std::vector<std::pair<int, int>> rows{{0, 5}};
    if (!rowFits(0, 5, minPx)) rows = {{0, 3}, {3, 5}};
    auto allFit = [&](float size) {
        for (auto [a, b] : rows)
            if (!rowFits(a, b, size)) return false;
        return true;
    };
    while (px > minPx && !allFit(px)) px = std::max(minPx, px * 0.96f);
    float y = margin;
    for (auto [a, b] : rows) {
        float t = 0;
        for (int i = a; i < b; ++i) t += widthOf(i, px);
        // Spread what is left over evenly, up to 45 mm a tab.
        float extra = std::max(0.0f, (W - 2 * margin - (b - a - 1) * gap - t) / float(b - a));
        float x = margin;
        for (int i = a; i < b; ++i) {
            float bw = std::max(widthOf(i, px), std::min(ctx.mm(45), widthOf(i, px) + extra));
            ImVec2 at{x, y};
            x += bw + gap;
            bool current = i < 4 && (int(st.staffTab) == i || (i == 3 && st.staffTab == StaffTab::Donation));
            std::string id = std::string("tab") + labels[i];
            if (bigButton(ctx, id.c_str(), at, {bw, key}, labels[i], f.staff, px,
                          current ? ButtonStyle::Primary : ButtonStyle::Staff)) {
                if (i == 4) ctx.out.push(CloseStaff{});
                else ctx.out.push(ShowStaffTab{StaffTab(i)});
            }
        }
        y += key + gap;
    }
    return y;
}

void drawRosterTab(const KioskState& st, DrawContext& ctx, float width) {
    const FontSet& f = ctx.fonts;
    float key = ctx.mm(kTouchMm);
    if (st.voiding) {
        ImGui::TextUnformatted("作废这条记录，原因是：");
        int i = buttonGrid(ctx, "reason", voidReasons(), width, {ctx.mm(60), key});
        if (i >= 0) ctx.out.push(VoidWithReason{voidReasons()[size_t(i)]});
        if (buttonGrid(ctx, "cancel", {"取消"}, width, {ctx.mm(40), key}) == 0) ctx.out.push(CancelVoid{});
        return;
    }
    char title[160];
    std::snprintf(title, sizeof title, "%u月%u日%s", st.now.date.month(), st.now.date.day(),
                  st.soundAvailable ? "" : "  （没有声音：请检查喇叭）");
    // The date shares its line with the first service's heading: a 7" panel then shows two rows
    // of the roster at once instead of one.
    bool dateShown = st.roster.empty() || !st.soundAvailable;
    if (dateShown) ImGui::TextUnformatted(title);
    drawOpsWarnings(st);
    if (st.roster.empty()) ImGui::TextUnformatted("今天还没有人签到");
    for (const auto& svc : st.roster) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
        if (dateShown) ImGui::Text("%s  %d 人次", svc.name.c_str(), svc.counted);
        else ImGui::Text("%s  %s  %d 人次", title, svc.name.c_str(), svc.counted);
        dateShown = true;
        ImGui::PopStyleColor();
        for (const auto& row : svc.rows) {
            // One row per record, a finger tall, with its void button at the right.
            ImVec2 at = ImGui::GetCursorScreenPos();
            std::string line = row.time + "  " + row.name + (row.delivered ? "  送餐" : "") + (row.voided ? "  已作废" : "") +
                               (row.doubled ? std::string("  ") + kDoubleFlagZh : std::string());
            std::uint32_t colour = row.voided ? kRedText : row.doubled ? kAmberText : kText;
            ImGui::GetWindowDrawList()->AddText(f.staff, f.sizes.staffPx, {at.x, at.y + (key - f.sizes.staffPx) / 2},
                                                colour, line.c_str());
            if (!row.voided) {
                std::string id = "void" + std::to_string(row.recordId);
                if (bigButton(ctx, id.c_str(), {at.x + width - ctx.mm(32), at.y}, {ctx.mm(30), key}, "作废", f.staff,
                              f.sizes.staffPx, ButtonStyle::Staff))
                    ctx.out.push(StartVoid{row.recordId});
            }
            ImGui::SetCursorScreenPos(at);
            ImGui::Dummy({width, key + ctx.mm(kGapMm)});
        }
    }
}

}  // namespace

void drawRosterScreen(const KioskState& st, DrawContext& ctx) {
    const Metrics& m = ctx.metrics;
    const FontSet& f = ctx.fonts;
    float margin = ctx.mm(2);
    float W = float(m.width), H = float(m.height);
    // A scrolling area under the tabs; the scrollbar is a finger wide.
    float top = drawTabBar(st, ctx);
    ImGui::SetCursorScreenPos({margin, top});
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ctx.mm(12));
    // A dark grab on a light track: 12:1 (issue 12: ImGui's light style gave 1.8:1).
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImGui::ColorConvertU32ToFloat4(kStaffButton));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImGui::ColorConvertU32ToFloat4(kMuted));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabHovered, ImGui::ColorConvertU32ToFloat4(kMuted));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabActive, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    ImGui::BeginChild("staff", {W - 2 * margin, H - top - margin}, false);
    ImGui::PushFont(f.staff);
    float width = W - 2 * margin - ctx.mm(16);
    if (!st.staffMessage.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
        ImGui::TextWrapped("%s", st.staffMessage.c_str());
        ImGui::PopStyleColor();
    }
    switch (st.staffTab) {
        case StaffTab::Roster: drawRosterTab(st, ctx, width); break;
        case StaffTab::Missing: drawMissingTab(st, ctx, width); break;
        case StaffTab::Manual: drawManualTab(st, ctx, width); break;
        case StaffTab::Settings: drawSettingsTab(st, ctx, width); break;
        case StaffTab::Donation: drawDonationForm(st, ctx, width); break;
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor(6);
    ImGui::PopStyleVar();
}

}  // namespace mh::ui

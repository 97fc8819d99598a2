// The staff screens behind the PIN: a tab bar (today's roster, regulars missing, manual check-in,
// settings) and today's roster with voiding by a reason picked from a list.
#include <cstdio>
#include <string>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "shared/peers/doubles.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

void drawTabBar(const KioskState& st, DrawContext& ctx, const StaffLayout& lay) {
    for (size_t i = 0; i < kStaffTabs.size(); ++i) {
        bool current = i < 4 && (size_t(st.staffTab) == i || (i == 3 && st.staffTab == StaffTab::Donation));
        std::string id = std::string("tab") + kStaffTabs[i];
        if (bigButton(ctx, id.c_str(), lay.tabs[i].min, lay.tabs[i].size(), kStaffTabs[i], ctx.fonts.staff, lay.tabPx,
                      current ? ButtonStyle::Primary : ButtonStyle::Staff)) {
            if (i == 4) ctx.out.push(CloseStaff{});
            else ctx.out.push(ShowStaffTab{StaffTab(i)});
        }
    }
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
    const FontSet& f = ctx.fonts;
    StaffLayout lay = computeStaffLayout(ctx.panel());
    drawTabBar(st, ctx, lay);
    // A scrolling area under the tabs; the scrollbar is a finger wide.
    ImGui::SetCursorScreenPos(lay.content.min);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ctx.mm(12));
    // A dark grab on a light track: 12:1 (issue 12: ImGui's light style gave 1.8:1).
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImGui::ColorConvertU32ToFloat4(kStaffButton));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImGui::ColorConvertU32ToFloat4(kMuted));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabHovered, ImGui::ColorConvertU32ToFloat4(kMuted));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabActive, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    ImGui::BeginChild("staff", lay.content.size(), false);
    ImGui::PushFont(f.staff);
    float width = lay.width;
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

// The staff screens behind the PIN: a tab bar (today's roster, regulars missing, manual check-in,
// settings) and today's roster with voiding by a reason picked from a list.
#include <algorithm>
#include <cstdio>
#include <string>

#include "kiosk/ui/confirm_layout.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "shared/peers/doubles.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

void drawTabBar(const KioskState& st, DrawContext& ctx, const StaffLayout& lay) {
    for (size_t i = 0; i < kStaffTabs.size(); ++i) {
        bool back = i == kStaffTabIds.size();
        bool current = !back && kStaffTabIds[i] == barTabOf(st.staffTab);
        std::string id = std::string("tab") + kStaffTabs[i];
        if (bigButton(ctx, id.c_str(), lay.tabs[i].min, lay.tabs[i].size(), lay.labels[i], ctx.fonts.staff, lay.tabPx,
                      current ? ButtonStyle::Primary : ButtonStyle::Staff)) {
            if (back) ctx.out.push(CloseStaff{});
            else ctx.out.push(ShowStaffTab{kStaffTabIds[i]});
        }
    }
}

// The void's reason list: the reasons left of the 作废 column, 取消 at its top (confirm_layout.hpp).
void drawReasons(DrawContext& ctx, const StaffLayout& staff, const std::vector<std::string>& reasons) {
    const FontSet& f = ctx.fonts;
    ReasonLayout lay = computeReasonLayout(ctx.panel(), staff, int(reasons.size()));
    drawText(ctx, f.staff, lay.title.px, lay.title.at, kText, "作废这条记录，原因是：", "reason-title");
    for (size_t i = 0; i < reasons.size(); ++i) {
        std::string id = "reason" + reasons[i];
        if (bigButton(ctx, id.c_str(), lay.reasons[i].min, lay.reasons[i].size(), reasons[i], f.staff, f.sizes.staffPx,
                      ButtonStyle::Staff))
            ctx.out.push(VoidWithReason{reasons[i]});
    }
    if (bigButton(ctx, "void-cancel", lay.cancel.min, lay.cancel.size(), "取消", f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        ctx.out.push(CancelVoid{});
}

// A staff action that changes records, asked before it is done: what it is, 取消 at the left and
// the confirm button at the bottom right, away from where the action was asked from.
void drawConfirmation(const StaffConfirmation& c, DrawContext& ctx, const StaffLayout& staff) {
    const FontSet& f = ctx.fonts;
    ConfirmLayout lay = computeConfirmLayout(ctx.panel(), staff, int(c.lines.size()) + 1);
    for (size_t i = 0; i < lay.lines.size(); ++i) {
        const std::string& text = i == 0 ? c.question : c.lines[i - 1];
        drawText(ctx, f.staff, lay.lines[i].px, lay.lines[i].at, i == 0 ? kBlueText : kText, text,
                 "confirm-line" + std::to_string(i));
    }
    if (bigButton(ctx, "confirm-cancel", lay.cancel.min, lay.cancel.size(), "取消", f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        ctx.out.push(CancelStaffAction{});
    if (bigButton(ctx, "confirm", lay.confirm.min, lay.confirm.size(), c.confirmLabel, f.staff, f.sizes.staffPx,
                  ButtonStyle::Primary))
        ctx.out.push(ConfirmStaffAction{});
}

void drawRosterTab(const KioskState& st, DrawContext& ctx, const StaffLayout& lay) {
    const FontSet& f = ctx.fonts;
    float key = ctx.mm(kTouchMm), width = lay.width;
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
            // 代领 (contract 12) and 饮食 (contract 14) share a second line in the same row, for staff eyes
            // (this screen is behind the PIN): two staff lines fit a finger-tall row, so the void button
            // stays clear. The name keeps its size in every row; the second line as large as the row
            // leaves, never below staff size (it may reach into the blank gap under the row).
            float px = f.sizes.staffPx;
            const bool second = !row.diets.empty() || !row.proxy.empty();
            float dietPx = std::max(ctx.mm(kStaffTextMm / 0.64f), std::min(px, key - px));
            float top = at.y + std::max(0.0f, (key - (second ? px + dietPx : px)) / 2);
            ImGui::GetWindowDrawList()->AddText(f.staff, px, {at.x, top}, colour, line.c_str());
            if (second) {
                // Left of the 作废 column: without the indent, then without the labels where those do not
                // fit (a 7" panel), cut at the column where even the bare words do not. Who collected
                // comes first: it is what staff must check at the counter.
                float room = lay.voidColumn.min.x - ctx.mm(2) - at.x;
                auto join = [&](bool labels) {
                    std::string out;
                    // Bare: 代领李明(儿子), half-width brackets, so a 7" row keeps the relation whole.
                    std::string who = row.proxy;
                    if (!labels)
                        for (auto [wide, narrow] : {std::pair{"（", "("}, std::pair{"）", ")"}})
                            for (auto at = who.find(wide); at != std::string::npos; at = who.find(wide))
                                who.replace(at, std::string_view(wide).size(), narrow);
                    if (!row.proxy.empty()) out += (labels ? "代领：" : "代领") + who;
                    if (!row.diets.empty()) out += std::string(out.empty() ? "" : "  ") + (labels ? "饮食：" : "") + row.diets;
                    return out;
                };
                std::string text = "    " + join(true);
                if (textSize(f.staff, dietPx, text).x > room) text = join(true);
                if (textSize(f.staff, dietPx, text).x > room) text = join(false);
                ImVec4 clip{at.x, top + px, at.x + room, top + px + dietPx};
                ImGui::GetWindowDrawList()->AddText(f.staff, dietPx, {at.x, top + px}, kBlueText, text.c_str(), nullptr, 0, &clip);
            }
            if (!row.voided) {
                std::string id = "void" + std::to_string(row.recordId);
                if (bigButton(ctx, id.c_str(), {lay.voidColumn.min.x, at.y}, {lay.voidButtonWidth, key}, "作废", f.staff,
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
    // Asked before it is done, and the void's reasons: fixed in place over the whole staff area
    // (the tabs hidden: 取消 leaves), not in the scrolling list.
    if (st.confirming) return drawConfirmation(*st.confirming, ctx, lay);
    if (st.voiding && st.staffTab == StaffTab::Roster) return drawReasons(ctx, lay, voidReasons());
    if (st.voiding && st.staffTab == StaffTab::Others) return drawReasons(ctx, lay, otherMealVoidReasons());
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
    dragToScroll(ctx);
    ImGui::PushFont(f.staff);
    float width = lay.width;
    if (!st.staffMessage.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(st.staffMessageIsProblem ? kRedText : kBlueText));
        ImGui::TextWrapped("%s", st.staffMessage.c_str());
        ImGui::PopStyleColor();
    }
    switch (st.staffTab) {
        case StaffTab::Roster: drawRosterTab(st, ctx, lay); break;
        case StaffTab::Missing: drawMissingTab(st, ctx, width); break;
        case StaffTab::Manual: drawManualTab(st, ctx, width); break;
        case StaffTab::Settings: drawSettingsTab(st, ctx, width); break;
        case StaffTab::Donation: drawDonationForm(st, ctx, width); break;
        case StaffTab::Safety: drawSafetyTab(st, ctx, width); break;
        case StaffTab::More: drawMoreTab(ctx, width); break;
        case StaffTab::Others: drawOthersTab(st, ctx, width); break;
        case StaffTab::Delivery: drawDeliveryTab(st, ctx, width); break;
        case StaffTab::Menu: drawMenuTab(st, ctx, width); break;
        case StaffTab::Review: drawReviewTab(st, ctx, width); break;
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor(6);
    ImGui::PopStyleVar();
}

}  // namespace mh::ui

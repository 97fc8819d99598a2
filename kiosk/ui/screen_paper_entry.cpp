// 补录纸质名单 on the 补签 tab (contract 13): the toggle, and while it is on, which service the paper's
// box is for and the time written on the paper (hour buttons inside the service's hours up to now,
// minute buttons by five). The elder is then found and tapped as for any 补签; the controller asks
// first and records with source "paper" (kiosk_controller_paper.cpp).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
constexpr const char* kToggleOff = "补录纸质名单";
constexpr const char* kToggleOn = "● 补录纸质名单";

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}
}  // namespace

std::vector<std::string> paperEntryTexts() {
    return {kToggleOff, kToggleOn, "纸上是哪一项：先点纸上是哪一项点纸上写的时间：几点几分",
            "按纸质名单补录这位老人吗？记为纸质补录，今日核对里会列出确认补录纸上的时间",
            "先点纸上写的时间（几点、几分）纸上的时间不在这一项的开放时间里纸上的时间还没到：请看清纸上写的时间",
            "补录：点老人的名字0123456789点分", "再点上面的按钮回到普通补签"};
}

std::string drawPaperEntry(const KioskState& st, DrawContext& ctx, float width) {
    const float key = ctx.mm(kTouchMm);
    const PaperEntry& p = st.paper;
    // One id whether on or off (the label changes), a tap turns it over; on, it is lit. Clear of the
    // tab bar by more than a gap, so a tap meant for a tab never lands here.
    ImGui::Dummy({1, ctx.mm(2)});
    const char* label = p.on ? kToggleOn : kToggleOff;
    const float w = std::min(width, std::max(ctx.mm(60), textSize(ctx.fonts.staff, ctx.fonts.sizes.staffPx, label).x + ctx.mm(6)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (bigButton(ctx, "paper-toggle", at, {w, key}, label, ctx.fonts.staff, ctx.fonts.sizes.staffPx,
                  p.on ? ButtonStyle::Primary : ButtonStyle::Staff))
        ctx.out.push(TogglePaperEntry{});
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy({width, key + ctx.mm(kGapMm)});
    if (!p.on) return "";
    ImGui::TextWrapped("%s", "再点上面的按钮回到普通补签");

    const ServiceChoice* picked = nullptr;
    for (const auto& c : p.services)
        if (c.id == p.serviceId) picked = &c;
    ImGui::TextUnformatted(picked ? "纸上是哪一项：" : "先点纸上是哪一项：");
    std::vector<std::string> names;
    for (const auto& c : p.services) names.push_back((c.id == p.serviceId ? "● " : "") + c.name);
    int i = buttonGrid(ctx, "paper-service", names, width, {ctx.mm(40), key});
    if (i >= 0) ctx.out.push(PickPaperService{p.services[size_t(i)].id});
    if (!picked) return "再点老人的名字";

    // Hours of the service's window up to now (a tick is never later than the entry).
    const auto dash = picked->hours.find("–");
    auto opens = WallTime::parse(picked->hours.substr(0, dash));
    auto closes = dash == std::string::npos ? std::nullopt : WallTime::parse(picked->hours.substr(dash + std::string("–").size()));
    const int first = opens ? opens->minutes / 60 : 0;
    const int last = std::min(st.now.hour, closes ? (closes->minutes - 1) / 60 : 23);
    std::string time = "纸上写的时间：" + (p.hour >= 0 ? two(p.hour) : std::string("__")) + ":" + (p.minute >= 0 ? two(p.minute) : std::string("__"));
    ImGui::TextUnformatted(time.c_str());
    std::vector<std::string> hours;
    std::vector<int> hourOf;
    for (int h = first; h <= last; ++h) {
        hours.push_back((h == p.hour ? "● " : "") + std::to_string(h) + "点");
        hourOf.push_back(h);
    }
    int h = buttonGrid(ctx, "paper-hour", hours, width, {ctx.mm(24), key});
    if (h >= 0) ctx.out.push(PickPaperTime{hourOf[size_t(h)], -1});
    std::vector<std::string> minutes;
    for (int m = 0; m < 60; m += 5) minutes.push_back((m == p.minute ? "●" : "") + two(m) + "分");
    int m = buttonGrid(ctx, "paper-minute", minutes, width, {ctx.mm(20), key});
    if (m >= 0) ctx.out.push(PickPaperTime{-1, m * 5});
    if (p.hour < 0 || p.minute < 0) return "再点老人的名字";
    return "补录" + picked->name + " " + two(p.hour) + ":" + two(p.minute) + (st.deliveredMode ? "（送餐）" : "") + "：点老人的名字";
}

}  // namespace mh::ui

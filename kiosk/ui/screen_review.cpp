// 今日核对 (contract 13), on the 更多 page: today's review items, one plain line each, with a
// 处理好了 button at the right of every item not yet handled; handled ones are greyed with 已处理.
// The controller asks before marking (StaffConfirmation) and marks through the `review --handle` use case.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
constexpr const char* kHandle = "处理好了";
constexpr const char* kHandled = "已处理";
constexpr const char* kNothing = "今天没有要核对的事";
constexpr std::uint32_t kGreyText = rgb(0x555555);  // 7.5:1 on white (the staff minimum is 7): greyer than kText, still legible
}  // namespace

std::vector<std::string> reviewTexts() {
    return {kHandle, kHandled, kNothing, "今天要核对的事：项，还有项没处理，都处理好了",
            // Every word reviewItemLine (shared/reports/review_lines.cpp) may put in a line.
            "两台都记了纸质补录停用的卡刷了次另一台签到机的记录先放着时间对不上送餐没送到拒收不在家时钟调过（）–，",
            "这一项处理好了吗？标记以后记在操作记录里确认处理好了已标记"};
}

void drawReviewTab(const KioskState& st, DrawContext& ctx, float width) {
    const FontSet& f = ctx.fonts;
    const float key = ctx.mm(kTouchMm), px = f.sizes.staffPx;
    const auto& lines = st.review.lines;
    if (lines.empty()) {
        ImGui::TextUnformatted(kNothing);
        return;
    }
    const auto open = std::count_if(lines.begin(), lines.end(), [](const ReviewLine& l) { return !l.handled; });
    std::string head = "今天要核对的事：" + std::to_string(lines.size()) + " 项，" +
                       (open ? "还有 " + std::to_string(open) + " 项没处理" : std::string("都处理好了"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
    ImGui::TextWrapped("%s", head.c_str());  // two lines on a 7" panel
    ImGui::PopStyleColor();

    // The button column at the right, as wide as its word and a finger tall; the line wraps left of it.
    const float buttonW = std::max(ctx.mm(28), textSize(f.staff, px, kHandle).x + ctx.mm(6));
    const float gap = ctx.mm(kGapMm);
    for (size_t i = 0; i < lines.size(); ++i) {
        const ReviewLine& line = lines[i];
        ImVec2 at = ImGui::GetCursorScreenPos();
        const float textW = width - buttonW - gap;
        const std::string text = line.handled ? line.text + "  " + kHandled : line.text;
        ImVec2 size = f.staff->CalcTextSizeA(px, FLT_MAX, textW, text.c_str());
        const float rowH = std::max(key, size.y);
        ImGui::GetWindowDrawList()->AddText(f.staff, px, {at.x, at.y + std::max(0.0f, (rowH - size.y) / 2)},
                                            line.handled ? kGreyText : kText, text.c_str(), nullptr, textW);
        if (ctx.layout) ctx.layout->texts.push_back({"review-line" + std::to_string(i), at, {at.x + size.x, at.y + rowH}});
        if (!line.handled) {
            const std::string id = "review-handle" + std::to_string(i);
            if (bigButton(ctx, id.c_str(), {at.x + width - buttonW, at.y + (rowH - key) / 2}, {buttonW, key}, kHandle, f.staff, px,
                          ButtonStyle::Staff))
                ctx.out.push(HandleReviewItem{line.id});
        }
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy({width, rowH + gap});
    }
}

}  // namespace mh::ui

// 送餐 (contract 12, on the 更多 page): today's delivered meals, each with what the driver found so
// far and 送到了 / 不在家 / 拒收 (asked first), then the visit alerts — not home, refused, a driver's
// concern note — with 已处理 for a note.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
struct OutcomeButton {
    const char* key;
    const char* label;
};
constexpr OutcomeButton kOutcomes[] = {{"delivered", "送到了"}, {"not_home", "不在家"}, {"refused", "拒收"}};
}  // namespace

std::vector<std::string> deliveryTexts() {
    std::vector<std::string> out{"今天的送餐：今天没有送餐要回访的老人：没有已处理已送到不在家拒收送到了备注：（）·",
                                 "记下送餐结果吗？送餐结果：确认这顿饭作废，不算补贴；老人列入今天要回访的名单",
                                 "这条备注已经处理好了吗？确认已处理没有记下：已记下：，这顿已作废这顿送餐已经不在今天的名单上数据库读不出来："};
    return out;
}

void drawDeliveryTab(const KioskState& st, DrawContext& ctx, float width) {
    const float key = ctx.mm(kTouchMm);
    // Left of the 作废 column, where a confirmation's 确认 never comes (staff_layout.hpp).
    const float ask = computeStaffLayout(ctx.panel()).askWidth;
    auto heading = [&](const char* text) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
        ImGui::TextUnformatted(text);
        ImGui::PopStyleColor();
    };
    heading("今天的送餐：");
    if (st.delivery.stops.empty()) ImGui::TextUnformatted("今天没有送餐");
    for (const auto& s : st.delivery.stops) {
        std::string line = s.text + (s.outcome.empty() ? "" : "  " + s.outcome);
        ImGui::TextWrapped("%s", line.c_str());
        std::vector<std::string> labels;
        for (const auto& o : kOutcomes) labels.push_back(o.label);
        // Three in a row where the column left of 作废 has room, else one under the other (a 7" panel):
        // never narrower than 30 mm, never into the column where a confirmation's 确认 comes.
        const float cell = std::min(ask, std::max(ctx.mm(30), std::min(ctx.mm(35), (ask - 2 * ctx.mm(kGapMm)) / 3)));
        int i = buttonGrid(ctx, "delivery" + std::to_string(s.recordId), labels, ask, {cell, key});
        if (i >= 0) ctx.out.push(DeliveryRecordOutcome{s.recordId, kOutcomes[i].key});
        ImGui::Dummy({width, ctx.mm(2)});
    }
    ImGui::Dummy({1, ctx.mm(2)});
    heading("要回访的老人：");
    if (st.delivery.alerts.empty()) ImGui::TextUnformatted("没有");
    for (const auto& a : st.delivery.alerts) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kRedText));
        ImGui::TextWrapped("%s", a.text.c_str());
        ImGui::PopStyleColor();
        if (a.handleable) {
            std::string id = "delivery-handled" + std::to_string(a.outcomeId);
            if (buttonGrid(ctx, id, {"已处理"}, ask, {std::min(ctx.mm(40), ask), key}) == 0)
                ctx.out.push(DeliveryMarkHandled{a.outcomeId});
        }
    }
}

}  // namespace mh::ui

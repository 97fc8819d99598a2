// 访客/职工/志愿者 (contract 12, on the 更多 page): which open meal, who ate (big buttons), how many
// on a number pad, the price from site.toml, and 记录 (asked first); a volunteer also needs a name
// picked from those already recorded and hours on the pad. Today's such meals are listed under it,
// each with 作废 (a reason, asked first), as the roster voids.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

struct KindButton {
    const char* key;
    const char* label;
};
constexpr KindButton kKinds[] = {{"guest", "访客"}, {"staff", "职工"}, {"volunteer", "志愿者"}};
constexpr const char* kSave = "记录";
constexpr const char* kNoVolunteers = "还没有志愿者名单：先用 kiosk meal --kind volunteer --name 姓名 --hours 小时 记一次";

std::string marked(const std::string& label, bool picked) { return (picked ? "● " : "") + label; }

}  // namespace

std::vector<std::string> othersTexts() {
    std::vector<std::string> out{kSave, kNoVolunteers, "记哪一餐：现在没有开放的餐次谁用餐：哪位志愿者：份数：服务时长：小时",
                                 "今天的访客、职工、志愿者用餐：还没有份共元已作废单价，",
                                 "记录这些用餐吗？确认记录作废这条用餐记录吗？原因：确认作废服务",
                                 "先点记哪一餐先点访客、职工还是志愿者份数要在 1 到 99 之间先点是哪位志愿者先在数字键上输入志愿者服务了几小时不能记录已记录没有",
                                 "作废这条记录，原因是：取消删除●.0123456789"};
    for (const auto& k : kKinds) out.push_back(k.label);
    out.insert(out.end(), otherMealVoidReasons().begin(), otherMealVoidReasons().end());
    return out;
}

void drawOthersTab(const KioskState& st, DrawContext& ctx, float width) {
    const FontSet& f = ctx.fonts;
    const OthersPage& p = st.others;
    const float key = ctx.mm(kTouchMm), gap = ctx.mm(kGapMm);
    const StaffLayout lay = computeStaffLayout(ctx.panel());
    // Two to a row even on a 7" panel's narrow list (80 mm), as big as the row allows up to 40 mm.
    const float cell = std::max(ctx.mm(30), std::min(ctx.mm(40), (width - gap) / 2));

    if (p.services.empty()) {
        ImGui::TextUnformatted("现在没有开放的餐次");
    } else {
        ImGui::TextUnformatted("记哪一餐：");
        std::vector<std::string> names;
        for (const auto& c : p.services) names.push_back(marked(c.name, c.id == p.serviceId));
        int i = buttonGrid(ctx, "others-service", names, width, {cell, key});
        if (i >= 0) ctx.out.push(OthersPickService{p.services[size_t(i)].id});

        ImGui::TextUnformatted("谁用餐：");
        std::vector<std::string> kinds;
        for (const auto& k : kKinds) kinds.push_back(marked(k.label, p.kind == k.key));
        int k = buttonGrid(ctx, "others-kind", kinds, width, {cell, key});
        if (k >= 0) ctx.out.push(OthersPickKind{kKinds[k].key});

        const bool volunteer = p.kind == "volunteer";
        if (volunteer) {
            ImGui::TextUnformatted("哪位志愿者：");
            if (p.volunteers.empty()) ImGui::TextWrapped("%s", kNoVolunteers);
            std::vector<std::string> names;
            for (const auto& n : p.volunteers) names.push_back(marked(drawable(n), n == p.name));
            int v = buttonGrid(ctx, "others-name", names, width, {cell, key});
            if (v >= 0) ctx.out.push(OthersPickName{p.volunteers[size_t(v)]});
            // What the pad types: the count or the hours, one tap to switch.
            std::vector<std::string> targets{marked("份数：" + p.count, !p.padTypesHours),
                                             marked("服务时长：" + p.hours + " 小时", p.padTypesHours)};
            int t = buttonGrid(ctx, "others-pad-for", targets, width, {ctx.mm(50), key});
            if (t >= 0) ctx.out.push(OthersPadTarget{t == 1});
        } else if (!p.kind.empty()) {
            std::string line = "份数：" + p.count;
            ImGui::TextUnformatted(line.c_str());
        }
        if (!p.kind.empty()) {
            std::vector<std::string> keys{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "删除"};
            if (volunteer && p.padTypesHours) keys.insert(keys.begin() + 10, ".");
            int d = buttonGrid(ctx, "others-pad", keys, std::min(width, 6 * key + 5 * gap), {key, key});
            if (d >= 0) ctx.out.push(OthersPadKey{keys[size_t(d)]});
        }
        if (!p.price.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
            ImGui::TextUnformatted(p.price.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Dummy({1, ctx.mm(2)});
        // Left of the 作废 column, as every button that records something (staff_layout.hpp).
        if (buttonGrid(ctx, "others-save", {kSave}, lay.askWidth, {std::min(ctx.mm(70), lay.askWidth), key},
                       ButtonStyle::Primary) == 0)
            ctx.out.push(OthersSave{});
    }

    ImGui::Dummy({1, ctx.mm(2)});
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
    ImGui::TextUnformatted("今天的访客、职工、志愿者用餐：");
    ImGui::PopStyleColor();
    if (p.today.empty()) ImGui::TextUnformatted("还没有");
    for (const auto& line : p.today) {
        // A finger-tall row each, its 作废 in the roster's column.
        ImVec2 at = ImGui::GetCursorScreenPos();
        float px = f.sizes.staffPx;
        ImVec4 clip{at.x, at.y, lay.voidColumn.min.x - ctx.mm(2), at.y + key};
        std::string text = drawable(line.text);
        ImGui::GetWindowDrawList()->AddText(f.staff, px, {at.x, at.y + (key - px) / 2}, line.voided ? kRedText : kText, text.c_str(),
                                            nullptr, 0, &clip);
        if (!line.voided) {
            std::string id = "others-void" + std::to_string(line.mealId);
            if (bigButton(ctx, id.c_str(), {lay.voidColumn.min.x, at.y}, {lay.voidButtonWidth, key}, "作废", f.staff, px,
                          ButtonStyle::Staff))
                ctx.out.push(StartVoid{line.mealId});
        }
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy({width, key + gap});
    }
}

}  // namespace mh::ui

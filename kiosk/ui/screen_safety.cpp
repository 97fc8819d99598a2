// The 安全检查 tab (contract 14): first what is overdue (red) and due today (amber), then a check in a
// few taps — which check, who made it, its fields as buttons (正常 / 有问题 …), a number pad for
// grams and °C — and 记下这次检查. The controller records it with the same use case as `safety add`.
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

struct KindButton {
    const char* key;
    const char* label;  // short enough for a 40 mm button
};
constexpr KindButton kKinds[] = {{"morning", "晨检"},         {"sample", "留样"},         {"sample_destroyed", "留样销毁"},
                                 {"received", "送达检查"},    {"daily", "每日检查"},      {"weekly", "每周检查"},
                                 {"monthly", "每月检查"}};
const std::vector<std::string> kSymptoms{"发热", "呕吐", "腹泻", "外伤或烫伤", "咽痛"};
constexpr const char* kSave = "记下这次检查";
constexpr const char* kNothingDue = "今天没有要做的安全检查";

std::string marked(const std::string& label, bool picked) { return (picked ? "● " : "") + label; }

// A row of choices for one field: each (value, label) a button, the picked one marked.
void choiceRow(const KioskState& st, DrawContext& ctx, float width, const char* title, const std::string& key,
               const std::vector<std::pair<std::string, std::string>>& options, float cellMm = 40) {
    ImGui::TextUnformatted(title);
    std::string picked = st.safetyForm.field(key);
    std::vector<std::string> labels;
    for (const auto& [value, label] : options) labels.push_back(marked(label, value == picked));
    int i = buttonGrid(ctx, "safety-" + key, labels, width, {ctx.mm(cellMm), ctx.mm(kTouchMm)});
    if (i >= 0) ctx.out.push(SafetySetField{key, options[size_t(i)].first});
}

std::vector<std::pair<std::string, std::string>> same(const std::vector<std::string>& v) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& s : v) out.emplace_back(s, s);
    return out;
}

// The pad for the kind's one number (grams, °C), under the value typed so far.
void numberPad(const KioskState& st, DrawContext& ctx, float width, const std::string& title, const std::string& key) {
    std::string line = title + st.safetyForm.field(key);
    ImGui::TextUnformatted(line.c_str());
    static const std::vector<std::string> keys{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", ".", "删除"};
    std::vector<std::string> shown = keys;
    if (key != "temperature_c") shown.erase(shown.begin() + 10);  // grams are whole
    float k = ctx.mm(kTouchMm), gap = ctx.mm(kGapMm);
    int i = buttonGrid(ctx, "pad", shown, std::min(width, 6 * k + 5 * gap), {k, k});
    if (i >= 0) ctx.out.push(SafetyPadKey{shown[size_t(i)]});
}

void drawFields(const KioskState& st, DrawContext& ctx, float width) {
    const std::string& kind = st.safetyForm.kind;
    const std::vector<std::pair<std::string, std::string>> okProblem{{"ok", "正常"}, {"problem", "有问题"}};
    if (kind == "morning") {
        choiceRow(st, ctx, width, "受检人：", "person", same(st.safetyPeople));
        choiceRow(st, ctx, width, "晨检结果：", "result", {{"ok", "正常"}, {"unwell", "身体不适"}});
        if (st.safetyForm.field("result") == "unwell") choiceRow(st, ctx, width, "症状：", "symptoms", same(kSymptoms), 45);
    } else if (kind == "sample") {
        std::vector<std::pair<std::string, std::string>> meals;
        for (const auto& m : st.safetyMeals) meals.emplace_back(m.id, m.name);
        choiceRow(st, ctx, width, "餐次：", "meal", meals);
        if (st.safetyDishes.empty()) ImGui::TextWrapped("%s", "还没有菜谱：先在本周菜谱里写上菜名（或用 kiosk menu set）");
        else choiceRow(st, ctx, width, "菜品：", "dish", same(st.safetyDishes), 45);
        numberPad(st, ctx, width, "留样克数（不少于125克）：", "grams");
    } else if (kind == "sample_destroyed") {
        ImGui::TextUnformatted("销毁哪一份留样：");
        if (st.safetySamples.empty()) ImGui::TextUnformatted("没有到48小时、可以销毁的留样");
        std::vector<std::string> labels;
        for (const auto& s : st.safetySamples)
            labels.push_back(marked(s.label, s.dish == st.safetyForm.field("dish") && s.meal == st.safetyForm.field("meal")));
        int i = buttonGrid(ctx, "safety-sample", labels, width, {ctx.mm(70), ctx.mm(kTouchMm)});
        if (i >= 0) {
            ctx.out.push(SafetySetField{"dish", st.safetySamples[size_t(i)].dish});
            ctx.out.push(SafetySetField{"meal", st.safetySamples[size_t(i)].meal});
        }
    } else if (kind == "received") {
        numberPad(st, ctx, width, "送达温度（°C）：", "temperature_c");
        choiceRow(st, ctx, width, "饭菜与菜谱相符吗：", "matches_menu", {{"yes", "相符"}, {"no", "不相符"}});
    } else if (kind == "daily") {
        choiceRow(st, ctx, width, "用电：", "electric", okProblem);
        choiceRow(st, ctx, width, "用气：", "gas", okProblem);
        choiceRow(st, ctx, width, "食品：", "food", okProblem);
    }
}

}  // namespace

std::vector<std::string> safetyTexts() {
    std::vector<std::string> out{kSave, kNothingDue, "记一项检查：谁检查的：受检人：晨检结果：症状：餐次：菜品：留样克数（不少于125克）：",
                                 "还没有菜谱：先在本周菜谱里写上菜名（或用 kiosk menu set）", "销毁哪一份留样：没有到48小时、可以销毁的留样",
                                 "送达温度（°C）：饭菜与菜谱相符吗：用电：用气：食品：正常有问题身体不适相符不相符删除●.",
                                 "过期没做：今天要做：已做：前月日没有记下先点要记哪一项检查先点是谁检查的厨师管理员护理员"};
    for (const auto& k : kKinds) out.push_back(k.label);
    out.insert(out.end(), kSymptoms.begin(), kSymptoms.end());
    out.insert(out.end(), {"每日用电用气食品检查村级每周检查乡镇每月检查留样销毁送达检查"});
    return out;
}

void drawSafetyTab(const KioskState& st, DrawContext& ctx, float width) {
    float key = ctx.mm(kTouchMm);
    // What is due stands first: overdue in red, due today in amber, done today plain.
    if (st.safetyDue.empty()) ImGui::TextUnformatted(kNothingDue);
    for (const auto& line : st.safetyDue) {
        std::uint32_t colour = line.state == SafetyDueLine::State::Overdue ? kRedText
                               : line.state == SafetyDueLine::State::Due   ? kAmberText
                                                                           : kMuted;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
        ImGui::TextWrapped("%s", line.text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Dummy({1, ctx.mm(2)});
    ImGui::TextUnformatted("记一项检查：");
    std::vector<std::string> kinds;
    for (const auto& k : kKinds) kinds.push_back(marked(k.label, st.safetyForm.kind == k.key));
    // Two to a row even in a 7" panel's 80 mm, so the form's first row shows without scrolling.
    float half = std::max(ctx.mm(kTouchMm), std::min(ctx.mm(40), (width - ctx.mm(kGapMm)) / 2));
    int i = buttonGrid(ctx, "safety-kind", kinds, width, {half, key});
    if (i >= 0) ctx.out.push(SafetyPickKind{kKinds[i].key});
    if (st.safetyForm.kind.empty()) return;

    ImGui::TextUnformatted("谁检查的：");
    std::vector<std::string> people;
    for (const auto& p : st.safetyPeople) people.push_back(marked(p, p == st.safetyForm.by));
    int b = buttonGrid(ctx, "safety-by", people, width, {half, key});
    if (b >= 0) ctx.out.push(SafetyPickBy{st.safetyPeople[size_t(b)]});
    drawFields(st, ctx, width);
    ImGui::Dummy({1, ctx.mm(2)});
    // Left of the 作废 column, as every button that records something (staff_layout.hpp).
    float ask = computeStaffLayout(ctx.panel()).askWidth;
    if (buttonGrid(ctx, "safety-save", {kSave}, ask, {std::min(ctx.mm(70), ask), key}, ButtonStyle::Primary) == 0)
        ctx.out.push(SafetySave{});
}

}  // namespace mh::ui

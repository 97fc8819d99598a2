// The kiosk's ImGui context and frame.
#include "kiosk/ui/ui_frame.hpp"

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/texts.hpp"

namespace mh::ui {

ImGuiSession::ImGuiSession() : m_ctx(ImGui::CreateContext()) {
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk has no windows to remember
    io.LogFilename = nullptr;
    ImGui::StyleColorsLight();
}

ImGuiSession::~ImGuiSession() { ImGui::DestroyContext(m_ctx); }

std::vector<std::string> dynamicTexts(const KioskState& st) {
    std::vector<std::string> out{st.siteName, st.service.name, st.service.hours, st.pinMessage, st.glyphSeed};
    if (st.result) {
        out.push_back(st.result->maskedName);
        // Only where it is drawn: the glyph seed holds masked names, so a full name's middle
        // characters would rebuild the atlas (100-200 ms) on nearly every new elder's scan.
        if (st.showFullNames) out.push_back(st.result->fullName);
        out.push_back(st.result->serviceName);
    }
    for (const auto& m : st.todayMenu) {
        out.push_back(m.name);
        out.insert(out.end(), m.dishes.begin(), m.dishes.end());
    }
    for (const auto& m : st.missing) out.insert(out.end(), {m.name, m.village, m.phone});
    for (const auto& c : st.choices) out.insert(out.end(), {c.name, c.village});
    out.insert(out.end(), st.surnames.begin(), st.surnames.end());
    out.insert(out.end(), st.villages.begin(), st.villages.end());
    out.push_back(st.staffMessage);
    if (st.confirming) {
        out.insert(out.end(), {st.confirming->question, st.confirming->confirmLabel});
        out.insert(out.end(), st.confirming->lines.begin(), st.confirming->lines.end());
    }
    out.push_back("作废这条记录，原因是：取消");
    out.insert(out.end(), kStaffTabs.begin(), kStaffTabs.end());
    for (const MorePage& m : kMorePages) out.insert(out.end(), {m.label, m.labelTwoLines});
    out.insert(out.end(), {st.databaseProblem, st.configProblem, kTrainingBand, kDatabaseMark});
    out.insert(out.end(), {st.clockProblem, kClockConfirmHint, kClockConfirmButton});
    out.insert(out.end(), st.clockCorrected.begin(), st.clockCorrected.end());
    // The 安全检查 tab: its fixed words, and the names, dishes and lines it lists.
    auto safety = safetyTexts();
    out.insert(out.end(), safety.begin(), safety.end());
    for (const auto& l : st.safetyDue) out.push_back(l.text);
    out.insert(out.end(), st.safetyPeople.begin(), st.safetyPeople.end());
    out.insert(out.end(), st.safetyDishes.begin(), st.safetyDishes.end());
    for (const auto& m : st.safetyMeals) out.push_back(m.name);
    for (const auto& s : st.safetySamples) out.push_back(s.label);
    out.push_back(st.safetyForm.by);
    for (const auto& [k, v] : st.safetyForm.fields) out.push_back(v);
    // 访客/职工/志愿者: its fixed words, the volunteers' names, the price and today's lines.
    auto others = othersTexts();
    out.insert(out.end(), others.begin(), others.end());
    for (const auto& n : st.others.volunteers) out.push_back(drawable(n));
    for (const auto& c : st.others.services) out.push_back(c.name);
    for (const auto& l : st.others.today) out.push_back(drawable(l.text));
    out.insert(out.end(), {st.others.price, st.others.count, st.others.hours});
    auto delivery = deliveryTexts();
    out.insert(out.end(), delivery.begin(), delivery.end());
    for (const auto& l : st.delivery.stops) out.insert(out.end(), {l.text, l.outcome});
    for (const auto& l : st.delivery.alerts) out.push_back(l.text);
    auto menu = menuTexts(st);
    out.insert(out.end(), menu.begin(), menu.end());
    // 今日核对: its fixed words and today's lines.
    auto paper = paperEntryTexts();
    out.insert(out.end(), paper.begin(), paper.end());
    for (const auto& c : st.paper.services) out.insert(out.end(), {c.name, c.hours});
    auto review = reviewTexts();
    out.insert(out.end(), review.begin(), review.end());
    for (const auto& l : st.review.lines) out.push_back(l.text);
    auto ops = opsTexts(st);
    out.insert(out.end(), ops.begin(), ops.end());
    for (const auto& s : st.roster) {
        out.push_back(s.name);
        for (const auto& r : s.rows) out.insert(out.end(), {r.name, r.diets, r.proxy});
        out.push_back("饮食：代领");
    }
    return out;
}

bool ensureFonts(FontSet& fonts, const Metrics& m, const KioskState& state) {
    auto texts = dynamicTexts(state);
    FontSizes want = fontSizesFor(m);
    if (fonts.body && fonts.covers(texts) && want.bodyPx == fonts.sizes.bodyPx) return false;
    fonts.build(m, texts);
    return true;
}

void buildFrame(const KioskState& state, const FontSet& fonts, const Metrics& m, CommandQueue& out,
                DrawnLayout* layout) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {float(m.width), float(m.height)};
    if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    DrawContext ctx{fonts, m, out, layout};
    drawKiosk(state, ctx);
    ImGui::Render();
}

}  // namespace mh::ui

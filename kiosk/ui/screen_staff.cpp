// Staff tabs: regulars missing today (with phone numbers to call), manual check-in for a forgotten
// card found by surname, village or the last four ID digits (no Chinese typing), and settings.
#include "kiosk/ui/screen_staff.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
constexpr const char* kNoPrinter = "不打印";
}  // namespace

const char* const kClockConfirmHint = "先把本机的日期和时间调对。调对以后点下面的按钮，马上就能刷卡";
const char* const kClockConfirmButton = "时间已调对";

void drawMissingTab(const KioskState& st, DrawContext&, float) {
    std::string head = "经常来" + st.service.name + "、今天还没来的老人：";
    ImGui::TextUnformatted(head.c_str());
    if (st.missing.empty()) ImGui::TextUnformatted("没有");
    for (const auto& m : st.missing)
        ImGui::Text("%s  %s  %s  （近14天来了%d天）", m.name.c_str(), m.village.c_str(), m.phone.c_str(), m.daysCame);
}

void drawMoreTab(DrawContext& ctx, float width) {
    const FontSet& f = ctx.fonts;
    // Two to a row, a finger tall, so all of them show at once on a 7" panel; a label too wide for
    // half the row goes on two lines (as the tabs at the side do), never below 5 mm ink. Clear of
    // the tab bar by more than a gap, so a tap meant for a tab never lands here.
    ImGui::Dummy({1, ctx.mm(2)});
    const float gap = ctx.mm(kGapMm), key = ctx.mm(kTouchMm), pad = ctx.mm(4);
    const float cellW = std::max(key, std::min(ctx.mm(90), (width - gap) / 2));
    const float minPx = ctx.mm(kStaffTextMm / 0.64f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int rows = 0;
    for (std::size_t i = 0; i < kMorePages.size(); ++i) {
        const MorePage& page = kMorePages[i];
        std::string label = page.label;
        float px = f.sizes.staffPx;
        if (textSize(f.staff, px, label).x + pad > cellW) {
            label = page.labelTwoLines;
            px = std::max(minPx, std::min(px, key / 2.2f));
        }
        const ImVec2 at{origin.x + float(i % 2) * (cellW + gap), origin.y + float(i / 2) * (key + gap)};
        rows = int(i / 2) + 1;
        std::string id = std::string("more") + page.label;
        if (bigButton(ctx, id.c_str(), at, {cellW, key}, label, f.staff, px, ButtonStyle::Staff))
            ctx.out.push(ShowStaffTab{page.tab});
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({width, float(rows) * (key + gap)});
}

void drawManualTab(const KioskState& st, DrawContext& ctx, float width) {
    float key = ctx.mm(kTouchMm);
    // 补录纸质名单: a second mode of the tab for the power-cut sheet's ticks; the elder is found below
    // as for any 补签.
    std::string paperHead = drawPaperEntry(st, ctx, width);
    if (st.paper.on) return drawElderFinder(st, ctx, width, paperHead);
    // Which service 补签 records: any open now, the door's or one staff book (issue 23).
    std::string picked;
    for (const auto& c : st.manualServices)
        if (c.id == st.manualServiceId) picked = c.name;
    if (st.manualServices.size() > 1) {
        ImGui::TextUnformatted(picked.empty() ? "先点补签哪一项：" : "补签哪一项：");
        std::vector<std::string> names;
        for (const auto& c : st.manualServices) names.push_back((c.id == st.manualServiceId ? "● " : "") + c.name);
        int i = buttonGrid(ctx, "service", names, width, {ctx.mm(40), key});
        if (i >= 0) ctx.out.push(PickManualService{st.manualServices[size_t(i)].id});
    }
    std::string what = st.manualServices.empty() ? st.service.name : picked;
    std::string head = what.empty() ? std::string("再点老人的名字")
                                    : "补签" + what + (st.deliveredMode ? "（送餐）" : "") + "：点老人的名字";
    drawElderFinder(st, ctx, width, head);
}

// The elder to record, found without typing: by surname, village or the last four ID digits; a tap
// on a name asks first (the controller), for a 补签 or a paper entry alike.
void drawElderFinder(const KioskState& st, DrawContext& ctx, float width, const std::string& head) {
    float key = ctx.mm(kTouchMm);
    ImGui::TextUnformatted(head.c_str());
    if (!st.choices.empty()) {
        std::vector<std::string> names;
        for (const auto& c : st.choices) names.push_back(c.name + " " + c.village);
        // Left of the 作废 column, where a confirmation's 确认 never comes (staff_layout.hpp).
        float ask = computeStaffLayout(ctx.panel()).askWidth;
        int i = buttonGrid(ctx, "elder", names, ask, {std::min(ctx.mm(70), ask), key}, ButtonStyle::Primary);
        if (i >= 0) ctx.out.push(ManualCheckIn{st.choices[size_t(i)].elderId});
        ImGui::Dummy({1, ctx.mm(2)});
    }
    ImGui::TextUnformatted("按姓：");
    int s = buttonGrid(ctx, "surname", st.surnames, width, {key, key});
    if (s >= 0) ctx.out.push(FindBySurname{st.surnames[size_t(s)]});
    ImGui::TextUnformatted("按村：");
    int v = buttonGrid(ctx, "village", st.villages, width, {ctx.mm(40), key});
    if (v >= 0) ctx.out.push(FindByVillage{st.villages[size_t(v)]});
    std::string typed = "按身份证后4位：" + st.idDigits;
    ImGui::TextUnformatted(typed.c_str());
    std::vector<std::string> digits{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "X", "删除"};
    int d = buttonGrid(ctx, "id", digits, width, {key, key});
    if (d == 11) ctx.out.push(IdBackspace{});
    else if (d >= 0) ctx.out.push(IdDigit{digits[size_t(d)][0]});
}

namespace {
// The panel's size: a bar drawn 10 cm long by the kiosk's idea of the panel, and sizes to pick when
// a ruler says otherwise (kept across restarts, audited).
void drawPanelSize(const KioskState& st, DrawContext& ctx, float width) {
    float key = ctx.mm(kTouchMm);
    if (!st.panelSizeKnown) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kRedText));
        ImGui::TextWrapped("%s", "不知道这块屏幕的实际尺寸，字和按钮可能偏小或偏大：请用尺子量下面的横条，再点屏幕尺寸");
        ImGui::PopStyleColor();
    }
    char line[128];
    if (st.pickedDiagonalInch > 0) std::snprintf(line, sizeof line, "屏幕尺寸：%g 英寸（工作人员选的）", st.pickedDiagonalInch);
    else std::snprintf(line, sizeof line, "%s", "屏幕尺寸：");
    ImGui::TextUnformatted(line);
    ImGui::TextUnformatted("下面的横条应当正好 10 厘米长：");
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(at, {at.x + ctx.mm(100), at.y + ctx.mm(6)}, kText);
    if (ctx.layout) ctx.layout->pictures.push_back({"bar10cm", at, {at.x + ctx.mm(100), at.y + ctx.mm(6)}});
    ImGui::Dummy({ctx.mm(100), ctx.mm(8)});
    static const std::vector<std::string> labels{"7 英寸", "10.1 英寸", "15.6 英寸", "21.5 英寸"};
    static const double inches[] = {7.0, 10.1, 15.6, 21.5};
    int i = buttonGrid(ctx, "diagonal", labels, width, {ctx.mm(40), key});
    if (i >= 0) ctx.out.push(PickDiagonal{inches[i]});
}
}  // namespace

void drawSettingsTab(const KioskState& st, DrawContext& ctx, float width) {
    float key = ctx.mm(kTouchMm);
    for (const std::string* problem : {&st.databaseProblem, &st.configProblem}) {
        if (problem->empty()) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kRedText));
        ImGui::TextWrapped("%s", problem->c_str());
        ImGui::PopStyleColor();
    }
    // The clock (contract 3): a fast clock set right is confirmed here, so elders are not refused
    // until real time catches up with the records it wrote; those records are listed for review.
    if (!st.clockProblem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kRedText));
        ImGui::TextWrapped("%s", st.clockProblem.c_str());
        ImGui::PopStyleColor();
        if (st.clockConfirmable) {
            ImGui::TextWrapped("%s", kClockConfirmHint);
            float ask = computeStaffLayout(ctx.panel()).askWidth;
            if (buttonGrid(ctx, "clock", {kClockConfirmButton}, ask, {std::min(ctx.mm(70), ask), key}, ButtonStyle::Primary) == 0)
                ctx.out.push(ConfirmClock{});
        }
    }
    for (const std::string& line : st.clockCorrected) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kAmberText));
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
    }
    if (!st.panelSizeKnown) drawPanelSize(st, ctx, width);
    drawUploadSection(st, ctx, width);
    drawPeersSection(st, ctx, width);
    drawDonationSection(st, ctx, width);
    ImGui::TextUnformatted(st.deliveredMode ? "送餐模式：开（补签记为送餐）" : "送餐模式：关");
    if (buttonGrid(ctx, "delivered", {st.deliveredMode ? "关闭送餐模式" : "打开送餐模式"}, width, {ctx.mm(60), key}) == 0)
        ctx.out.push(ToggleDelivered{});
    char vol[64];
    std::snprintf(vol, sizeof vol, "音量：%d%s", st.volume, st.soundAvailable ? "" : "（没有声音：请检查喇叭）");
    ImGui::TextUnformatted(vol);
    int i = buttonGrid(ctx, "volume", {"小声", "大声"}, width, {ctx.mm(40), key});
    if (i == 0) ctx.out.push(VolumeStep{-10});
    if (i == 1) ctx.out.push(VolumeStep{+10});
    // Where the monthly posting is printed: the printers CUPS knows, or none (audited, kiosk.printer).
    std::string printer = "公示打印机：" + (st.printer.empty() ? std::string("不打印") : st.printer);
    ImGui::TextUnformatted(printer.c_str());
    std::vector<std::string> printers = st.printers;
    if (!st.printer.empty() && std::find(printers.begin(), printers.end(), st.printer) == printers.end())
        printers.insert(printers.begin(), st.printer);
    printers.push_back(kNoPrinter);
    int p = buttonGrid(ctx, "printer", printers, width, {ctx.mm(50), key});
    if (p >= 0) ctx.out.push(PickPrinter{printers[size_t(p)] == kNoPrinter ? std::string() : printers[size_t(p)]});
    // The camera or replay line (the wedge scanner needs no status: it is a keyboard).
    if (!st.inputStatus.empty()) ImGui::TextUnformatted(st.inputStatus.c_str());
    if (st.panelSizeKnown) drawPanelSize(st, ctx, width);
}

}  // namespace mh::ui

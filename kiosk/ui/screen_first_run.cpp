// Drawing of the first-run steps: a title with the step number, the step's one question, its keys,
// and a bottom row 上一步 / 跳过 / 下一步 that never scrolls away. Commands go to a FirstRunQueue.
#include "kiosk/ui/screen_first_run.hpp"
#include "kiosk/ui/first_run_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {

const char* stepTitle(FirstRunStep s) {
    switch (s) {
        case FirstRunStep::SiteId: return "站点编号";
        case FirstRunStep::SiteName: return "站点名称";
        case FirstRunStep::Pin: return "工作人员密码";
        case FirstRunStep::PinAgain: return "再输一遍密码";
        case FirstRunStep::PanelSize: return "屏幕尺寸";
        case FirstRunStep::Roster: return "从U盘导入老人名单";
        case FirstRunStep::SetupCard: return "扫描县平台接入卡";
        case FirstRunStep::Done: return "设置完成";
    }
    return "";
}

const std::vector<std::string>& digitKeys() {
    static const std::vector<std::string> k{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "ABC", "删除"};
    return k;
}
const std::vector<std::string>& letterKeys(bool space) {
    static const std::vector<std::string> k{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
                                            "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "-", "123", "删除"};
    static const std::vector<std::string> ks = [] {
        auto v = k;
        v.insert(v.end() - 2, "空格");
        return v;
    }();
    return space ? ks : k;
}
const std::vector<std::string>& pinKeys() {
    static const std::vector<std::string> k{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "删除"};
    return k;
}

void coloured(std::uint32_t colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}
void drawMessage(const FirstRunState& st) {
    if (!st.message.empty()) coloured(st.messageIsProblem ? kRedText : kBlueText, st.message);
}

// What has been typed, big, in a box: the one thing staff check before 下一步.
void typedBox(DrawContext& ctx, const std::string& label, const std::string& value, float width) {
    const FontSet& f = ctx.fonts;
    ImVec2 at = ImGui::GetCursorScreenPos();
    // Big enough to check at arm's length, small enough that the keys stay in view on a 7" panel.
    float h = std::min(std::min(f.sizes.bodyPx, f.sizes.staffPx * 1.5f) * 1.5f, ctx.mm(ctx.metrics.heightMm() < 100 ? 10.5f : 14));
    float big = h / 1.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, {at.x + width, at.y + h}, kLine, ctx.mm(1), 0, ctx.mm(0.6f));
    std::string shown = label + value + "_";
    float px = fitPx(f.body, big, f.sizes.staffPx, shown, width - ctx.mm(4));
    drawText(ctx, f.body, px, {at.x + ctx.mm(2), at.y + (h - px) / 2}, kText, shown, "typed");
    ImGui::Dummy({width, h + ctx.mm(ctx.metrics.heightMm() < 100 ? 1.0f : 2)});
}

// The room kept under the keys: one line of staff text at its smallest.
float messageLine(DrawContext& ctx) { return ctx.fonts.sizes.minStaffPx * 1.15f; }

// The keypad at the largest key (from kTouchMm down) with which every key fits in `height` (what the
// step leaves it), keys kKeyGapMm apart: on a 7" panel all of 0–9 and - (and the 29 letters) are on
// screen without scrolling (issue 23). Keys stay at least kMinKeyMm wide; only on a short panel do
// they get lower than that, down to kMinKeyHighMm.
constexpr float kMinKeyMm = 13.0f, kMinKeyHighMm = 10.0f, kKeyGapMm = 2.0f;
void keys(DrawContext& ctx, FirstRunQueue& out, const std::vector<std::string>& labels, float width, float height) {
    float gap = ctx.mm(kKeyGapMm), high = ctx.mm(kTouchMm), wide = high;
    for (; high > ctx.mm(kMinKeyHighMm); high -= ctx.mm(0.5f)) {
        wide = std::max(high, ctx.mm(kMinKeyMm));
        int cols = std::max(1, int((width + gap) / (wide + gap)));
        int rows = int((labels.size() + size_t(cols) - 1) / size_t(cols));
        if (float(rows) * (high + gap) <= height) break;
    }
    int i = buttonGrid(ctx, "key", labels, width, {wide, high}, ButtonStyle::Staff, kKeyGapMm);
    if (i >= 0) out.push(FrKey{labels[size_t(i)]});
}

// One fixed place under the keys: the refusal when there is one, else the hint (its short form
// where the long one does not fit, as on a 7" panel). Drawn into what the keys left, never moving them.
void messageSlot(const FirstRunState& st, DrawContext& ctx, const std::string& hint, const std::string& shortHint,
                 float width) {
    const FontSet& f = ctx.fonts;
    ImVec2 at = ImGui::GetCursorScreenPos();
    float height = std::max(0.0f, ImGui::GetContentRegionAvail().y);
    bool problem = !st.message.empty();
    std::uint32_t colour = problem ? (st.messageIsProblem ? kRedText : kBlueText) : kMuted;
    float minPx = f.sizes.minStaffPx;
    auto fits = [&](const std::string& t, float px) { return f.staff->CalcTextSizeA(px, FLT_MAX, width, t.c_str()).y <= height; };
    std::string text = problem ? st.message : hint;
    if (!problem && !fits(text, minPx)) text = shortHint;
    float px = f.sizes.staffPx;
    while (px > minPx && !fits(text, px)) px -= 1;
    // Clipped to its room: a message too long for it is cut rather than drawn over 下一步.
    ImGui::GetWindowDrawList()->PushClipRect(at, {at.x + width, at.y + height}, true);
    ImGui::GetWindowDrawList()->AddText(f.staff, px, at, colour, text.c_str(), nullptr, width);
    ImGui::GetWindowDrawList()->PopClipRect();
    if (ctx.layout) ctx.layout->texts.push_back({problem ? "message" : "hint", at, {at.x + width, at.y + height}});
    ImGui::Dummy({width, height});
}

void drawTextStep(const FirstRunState& st, DrawContext& ctx, FirstRunQueue& out, float width) {
    bool id = st.step == FirstRunStep::SiteId;
    // What is typed first: on a 7" panel it must be seen without scrolling.
    typedBox(ctx, id ? "站点编号：" : "站点名称：", id ? st.siteId : drawable(st.siteName), width);
    const char* hint = id ? "输入县里给的站点编号，例如 141022-001。有县平台接入卡的，现在扫卡，自动填好。"
                          : "接入卡上有名称的已自动填好；没有的先用字母，以后管理员改成中文。";
    const char* shortHint = id ? "例如 141022-001；有接入卡的，扫卡自动填好" : "先用字母，以后管理员改成中文";
    // The keys come right under what is typed, the message (or hint) under the keys in a line kept for it.
    keys(ctx, out, st.letters ? letterKeys(!id) : digitKeys(), width, ImGui::GetContentRegionAvail().y - messageLine(ctx));
    messageSlot(st, ctx, hint, shortHint, width);
}

void drawPinStep(const FirstRunState& st, DrawContext& ctx, FirstRunQueue& out, float width) {
    std::string dots;
    for (size_t i = 0; i < st.pinDigits.size(); ++i) dots += "● ";
    typedBox(ctx, "密码：", dots, width);
    bool first = st.step == FirstRunStep::Pin;
    const char* hint = first ? "工作人员打开名单和设置时输这个密码：4 到 12 位数字，不要用 1234、1111。"
                             : "为了防止按错，请把刚才的密码再输一遍。";
    const char* shortHint = first ? "4 到 12 位数字，不要用 1234、1111" : "把刚才的密码再输一遍";
    keys(ctx, out, pinKeys(), width, ImGui::GetContentRegionAvail().y - messageLine(ctx));
    messageSlot(st, ctx, hint, shortHint, width);
}

void drawPanelStep(const FirstRunState& st, DrawContext& ctx, FirstRunQueue& out, float width) {
    // On a short panel (7") the words are fewer and the handle and buttons 14 mm, so 短一点 / 长一点
    // stay on screen above 下一步.
    bool shortPanel = ctx.metrics.heightMm() < 100;
    ImGui::TextWrapped("%s", shortPanel ? "用尺子量黑条：拖动蓝块（或点“短一点”“长一点”），让它正好 10 厘米。"
                                        : "请用尺子量下面的黑条。拖动黑条的右端（或点“短一点”“长一点”），直到它正好 10 厘米长，再点“下一步”。");
    float key = ctx.mm(shortPanel ? 14.0f : kTouchMm), space = ctx.mm(shortPanel ? 2.0f : 4.0f);
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.y += space;
    float barH = std::max(ctx.mm(8), 24.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, {at.x + st.barPx, at.y + barH}, kText);
    // The end to drag: a tall handle, a finger wide, at the bar's right end.
    ImVec2 handle{at.x + st.barPx - key / 2, at.y + barH / 2 - key / 2};
    dl->AddRectFilled(handle, {handle.x + key, handle.y + key}, kBlue, ctx.mm(2));
    if (ctx.layout) ctx.layout->pictures.push_back({"bar10cm", at, {at.x + st.barPx, at.y + barH}});
    // The whole row is the drag area: wherever the finger is, the bar ends there.
    ImGui::SetCursorScreenPos({at.x, handle.y});
    ImGui::InvisibleButton("bar", {std::max(width, st.barPx + key), key});
    if (ctx.layout) ctx.layout->targets.push_back({"bar", ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    if (ImGui::IsItemActive()) {
        float want = ImGui::GetIO().MousePos.x - at.x;
        if (std::fabs(want - st.barPx) >= 1) out.push(FrBar{want});
    }
    ImGui::Dummy({1, space});
    int i = buttonGrid(ctx, "bar", {"短一点", "长一点"}, width, {ctx.mm(40), key});
    float step = std::max(1.0f, st.barPx * 0.005f);  // half a millimetre on the ruler
    if (i == 0) out.push(FrBar{st.barPx - step});
    if (i == 1) out.push(FrBar{st.barPx + step});
}

void drawRosterStep(const FirstRunState& st, DrawContext& ctx, FirstRunQueue& out, float width) {
    float key = ctx.mm(kTouchMm);
    // What the import did comes first (a 7" panel shows only a few lines), the how-to last.
    if (!st.rosterSummary.empty()) coloured(kBlueText, st.rosterSummary);
    for (const auto& l : st.rosterLines) coloured(kRedText, l);
    drawMessage(st);
    if (st.csvFiles.empty()) coloured(kAmberText, "U盘上没有找到名单文件");
    std::vector<std::string> names;
    for (const auto& f : st.csvFiles) names.push_back(drawable(f.substr(f.find_last_of('/') + 1)));
    // After an import the how-to has done its job: what came back matters, then the files (to import
    // again once the table is mended). The refused lines may be many: they scroll, 下一步 stays put.
    int i = buttonGrid(ctx, "file", names, width, {std::min(width, ctx.mm(110)), key}, ButtonStyle::Primary);
    if (i >= 0) out.push(FrPickFile{size_t(i)});
    if (buttonGrid(ctx, "rescan", {"重新查找U盘"}, width, {ctx.mm(60), key}) == 0) out.push(FrRescan{});
    if (st.rosterImported) return;
    ImGui::TextWrapped("%s", "把存有老人名单文件的U盘插到自助机上，再点上面的名单文件。没有U盘的，点“跳过”，以后在电脑上导入。");
}

void drawCardStep(const FirstRunState& st, DrawContext& ctx, FirstRunQueue&, float) {
    ImGui::TextWrapped("%s", "把县信息科给的“县平台接入卡”对准扫描口。读好后，本机每天自动向县平台上报。没有卡的，点“跳过”：本机照常签到，数据先存在本机，以后在“设置”页扫卡补传。");
    if (st.cardApplied) {
        coloured(kGreenText, "已接入县平台");
        // The address for county IT on a details line of its own, not in the sentence staff read.
        std::string l = "详细：网络地址 " + st.cardEndpoint + "（接入卡签发于 " + st.cardIssued + "）";
        ImGui::TextWrapped("%s", l.c_str());
    }
    float side = std::min(ctx.mm(60), ImGui::GetContentRegionAvail().y * 0.8f);
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (side > ctx.mm(20) && !st.cardApplied) {
        drawCardToReader(ImGui::GetWindowDrawList(), at, side * 1.4f, side);
        ImGui::Dummy({side * 1.4f, side});
    }
}

void drawBottomRow(const FirstRunState& st, DrawContext& ctx, FirstRunQueue& out, const FirstRunLayout& lay) {
    const FontSet& f = ctx.fonts;
    bool optional = st.step == FirstRunStep::Roster || st.step == FirstRunStep::SetupCard;
    bool last = st.step == FirstRunStep::SetupCard;
    if (st.step != FirstRunStep::SiteId &&
        bigButton(ctx, "back", lay.back.min, lay.back.size(), "上一步", f.staff, f.sizes.staffPx, ButtonStyle::Staff))
        out.push(FrBack{});
    bool done = (st.step == FirstRunStep::Roster && st.rosterImported) || (last && st.cardApplied);
    if (optional && !done &&
        bigButton(ctx, "skip", lay.skip.min, lay.skip.size(), last ? "跳过，完成" : "跳过", f.staff, f.sizes.staffPx,
                  ButtonStyle::Staff))
        out.push(FrSkip{});
    bool showNext = !optional || done;
    if (showNext && bigButton(ctx, "next", lay.next.min, lay.next.size(), last ? "完成" : "下一步", f.staff,
                              f.sizes.staffPx, ButtonStyle::Primary))
        out.push(FrNext{});
}

}  // namespace

std::vector<std::string> firstRunTexts(const FirstRunState& st) {
    std::vector<std::string> out{
        "首次设置 · 第 1234567 步（共 7 步）：", "站点编号站点名称工作人员密码再输一遍密码屏幕尺寸从U盘导入老人名单扫描县平台接入卡设置完成",
        "输入县里给的站点编号，例如 141022-001。有县平台接入卡的，现在扫卡，自动填好。", "站点编号：站点名称：密码：_●",
        "接入卡上有名称的已自动填好；没有的先用字母，以后管理员改成中文。",
        "工作人员打开名单和设置时输这个密码：4 到 12 位数字，不要用 1234、1111。",
        "为了防止按错，请把刚才的密码再输一遍。",
        "请用尺子量下面的黑条。拖动黑条的右端（或点“短一点”“长一点”），直到它正好 10 厘米长，再点“下一步”。",
        "用尺子量黑条：拖动蓝块（或点“短一点”“长一点”），让它正好 10 厘米。",
        "把存有老人名单文件的U盘插到自助机上，再点上面的名单文件。没有U盘的，点“跳过”，以后在电脑上导入。",
        "U盘上没有找到表格文件重新查找U盘",
        "把县信息科给的“县平台接入卡”对准扫描口。读好后，本机每天自动向县平台上报。没有卡的，点“跳过”：本机照常签到，数据先存在本机，以后在“设置”页扫卡补传。",
        "已接入县平台详细：网络地址（接入卡签发于 ）名单文件", "上一步跳过，完成下一步", "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789删除空格",
        st.siteId, st.siteName, st.message, st.rosterSummary, st.cardEndpoint, st.cardIssued, st.cardSiteId};
    out.insert(out.end(), st.rosterLines.begin(), st.rosterLines.end());
    for (const auto& f : st.csvFiles) out.push_back(drawable(f.substr(f.find_last_of('/') + 1)));
    return out;
}

bool ensureFirstRunFonts(FontSet& fonts, const Metrics& m, const FirstRunState& st) {
    auto texts = firstRunTexts(st);
    if (fonts.body && fonts.covers(texts) && fontSizesFor(m).bodyPx == fonts.sizes.bodyPx) return false;
    fonts.build(m, texts);
    return true;
}

void buildFirstRunFrame(const FirstRunState& st, const FontSet& fonts, const Metrics& m, FirstRunQueue& out,
                        DrawnLayout* layout) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {float(m.width), float(m.height)};
    if (io.DeltaTime <= 0) io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    CommandQueue unused;
    DrawContext ctx{fonts, m, unused, layout};
    const FontSet& f = fonts;
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({float(m.width), float(m.height)});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kText));
    ImGui::Begin("firstrun", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    // Title: which step of how many, and its one question.
    char head[160];
    std::snprintf(head, sizeof head, "首次设置 · 第 %d 步（共 %d 步）：%s", std::min(int(st.step) + 1, kFirstRunSteps),
                  kFirstRunSteps, stepTitle(st.step));
    FirstRunLayout lay = computeFirstRunLayout(ctx.panel(), head);
    for (size_t i = 0; i < lay.title.size(); ++i)
        drawText(ctx, f.staff, lay.title[i].spot.px, lay.title[i].spot.at, kBlueText, lay.title[i].text, i == 0 ? "title" : "title2");
    // The step's content scrolls between the title and the bottom row (a 7" panel needs it for the letters).
    ImGui::SetCursorScreenPos(lay.content.min);
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ctx.mm(12));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImGui::ColorConvertU32ToFloat4(kStaffButton));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImGui::ColorConvertU32ToFloat4(kMuted));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    // The typing steps fit whole (their keys shrink to what is left), so they need no scrollbar and
    // use the full width; the others may scroll on a small panel.
    bool typing = st.step == FirstRunStep::SiteId || st.step == FirstRunStep::SiteName || st.step == FirstRunStep::Pin ||
                  st.step == FirstRunStep::PinAgain;
    ImGui::BeginChild("step", lay.content.size(), false,
                      typing ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);
    if (!typing) dragToScroll(ctx);
    ImGui::PushFont(f.staff);
    float width = typing ? lay.content.width() : lay.width;
    // The typing steps show it under their keys, the roster step under its counts.
    bool own = typing || st.step == FirstRunStep::Roster;
    if (!own) drawMessage(st);
    switch (st.step) {
        case FirstRunStep::SiteId:
        case FirstRunStep::SiteName: drawTextStep(st, ctx, out, width); break;
        case FirstRunStep::Pin:
        case FirstRunStep::PinAgain: drawPinStep(st, ctx, out, width); break;
        case FirstRunStep::PanelSize: drawPanelStep(st, ctx, out, width); break;
        case FirstRunStep::Roster: drawRosterStep(st, ctx, out, width); break;
        case FirstRunStep::SetupCard: drawCardStep(st, ctx, out, width); break;
        case FirstRunStep::Done: ImGui::TextUnformatted("设置完成，正在打开签到画面…"); break;
    }
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    if (st.step != FirstRunStep::Done) drawBottomRow(st, ctx, out, lay);
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    ImGui::Render();
}

}  // namespace mh::ui

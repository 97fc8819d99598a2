// 本周菜谱 (contract 14), on the 更多 page: the week as rows of day × meal service with the dishes
// set, 上一周 / 下一周 to page; a tap on a meal edits it by picking from the site's dish list (a dish
// is typed once, with `kiosk menu set`), and 保存 asks before it writes.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/today_menu.hpp"
#include "kiosk/ui/widgets.hpp"
#include "shared/core/text.hpp"

namespace mh::ui {

namespace {

constexpr const char* kTypedOnce = "新菜名请用 kiosk menu set 加入，以后在这里点选";
constexpr const char* kPickHint = "点菜名加入这一餐，再点一次去掉（按点的先后排）";
constexpr const char* kNoDishes = "还没有菜名：先用 kiosk menu set 写一次";

// The label cut to fit `width` at the staff size, ending in "…" when cut.
std::string fitted(const DrawContext& ctx, const std::string& text, float width) {
    const FontSet& f = ctx.fonts;
    if (textSize(f.staff, f.sizes.staffPx, text).x <= width) return text;
    std::vector<std::string> cps = splitCodePoints(text);
    std::string out;
    for (const auto& cp : cps) {
        if (textSize(f.staff, f.sizes.staffPx, out + cp + "…").x > width) break;
        out += cp;
    }
    return out + "…";
}

void drawEdit(const KioskState& st, DrawContext& ctx, float width) {
    const MenuWeek& w = st.menuWeek;
    float key = ctx.mm(kTouchMm);
    std::string meal = w.editService;
    for (const auto& m : w.meals)
        if (m.id == w.editService) meal = m.name;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kBlueText));
    ImGui::TextWrapped("%s", (menuDayLabel(w.editDay) + " " + meal + "：" + (w.picked.empty() ? "（还没有选菜）" : dishList(w.picked))).c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", w.known.empty() ? kNoDishes : kPickHint);
    // The site's dishes, the picked ones marked with their place.
    float cell = std::max(ctx.mm(40), std::min(ctx.mm(55), (width - 2 * ctx.mm(kGapMm)) / 3));
    float gap = ctx.mm(kGapMm);
    int cols = std::max(1, int((width + gap) / (cell + gap)));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < w.known.size(); ++i) {
        const std::string& d = w.known[i];
        auto at = std::find(w.picked.begin(), w.picked.end(), d);
        std::string label = at == w.picked.end() ? d : std::to_string(at - w.picked.begin() + 1) + ". " + d;
        ImVec2 pos{origin.x + float(i % std::size_t(cols)) * (cell + gap), origin.y + float(i / std::size_t(cols)) * (key + gap)};
        std::string id = "menu-dish" + d;
        if (bigButton(ctx, id.c_str(), pos, {cell, key}, fitted(ctx, label, cell - ctx.mm(4)), ctx.fonts.staff, ctx.fonts.sizes.staffPx,
                      at == w.picked.end() ? ButtonStyle::Staff : ButtonStyle::Primary))
            ctx.out.push(MenuToggleDish{d});
    }
    std::size_t rows = (w.known.size() + std::size_t(cols) - 1) / std::size_t(cols);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({width, float(rows) * (key + gap)});
    ImGui::TextWrapped("%s", kTypedOnce);
    ImGui::Dummy({1, ctx.mm(2)});
    // 保存 left of the 作废 column, as every button that records something (staff_layout.hpp).
    float ask = computeStaffLayout(ctx.panel()).askWidth;
    if (buttonGrid(ctx, "menu-save", {"保存"}, ask, {std::min(ctx.mm(50), ask), key}, ButtonStyle::Primary) == 0)
        ctx.out.push(MenuSave{});
    if (buttonGrid(ctx, "menu-back", {"不保存，回到本周"}, width, {ctx.mm(70), key}) == 0) ctx.out.push(MenuEditDone{});
}

}  // namespace

std::vector<std::string> menuTexts(const KioskState& st) {
    std::vector<std::string> out{kTypedOnce, kPickHint, kNoDishes, "保存不回到本周上一周下一周（还没有选菜）（未排）（今天）：、…. 0123456789",
                                 "保存这一餐的菜谱吗？确认保存（清空，不排菜）已菜谱没有保存：读不出来（数据库读取失败）月日星期一二三四五六日–"};
    const MenuWeek& w = st.menuWeek;
    for (const auto& m : w.meals) out.push_back(m.name);
    out.insert(out.end(), w.known.begin(), w.known.end());
    for (const auto& day : w.days)
        for (const auto& [svc, dishes] : day) out.insert(out.end(), dishes.begin(), dishes.end());
    return out;
}

void drawMenuTab(const KioskState& st, DrawContext& ctx, float width) {
    const MenuWeek& w = st.menuWeek;
    if (w.editing) return drawEdit(st, ctx, width);
    float key = ctx.mm(kTouchMm);
    ImGui::Dummy({1, ctx.mm(2)});
    // Two to a row even on a 7" panel, where the content is some 80 mm wide.
    float half = std::max(ctx.mm(kTouchMm), std::min(ctx.mm(40), (width - ctx.mm(kGapMm)) / 2));
    int step = buttonGrid(ctx, "menu-week", {"上一周", "下一周"}, width, {half, key});
    if (step >= 0) ctx.out.push(MenuWeekStep{step == 0 ? -1 : 1});
    LocalDate sunday = w.monday.plusDays(6);
    ImGui::TextWrapped("%s", (std::to_string(w.monday.month()) + "月" + std::to_string(w.monday.day()) + "日–" +
                              (sunday.month() == w.monday.month() ? "" : std::to_string(sunday.month()) + "月") +
                              std::to_string(sunday.day()) + "日")
                                 .c_str());
    // A row per day: its date, then a button per meal with the dishes set (a tap edits it), side
    // by side only where each keeps 120 mm for its dishes.
    float gap = ctx.mm(kGapMm);
    int meals = std::max(1, int(w.meals.size()));
    int cols = std::clamp(int((width + gap) / (ctx.mm(120) + gap)), 1, meals);
    float cell = (width - float(cols - 1) * gap) / float(cols);
    int rows = (meals + cols - 1) / cols;
    for (std::size_t d = 0; d < w.days.size(); ++d) {
        LocalDate day = w.monday.plusDays(int(d));
        bool today = day == st.now.date;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(today ? kBlueText : kText));
        ImGui::TextUnformatted((menuDayLabel(day) + (today ? "（今天）" : "")).c_str());
        ImGui::PopStyleColor();
        ImVec2 row = ImGui::GetCursorScreenPos();
        for (std::size_t m = 0; m < w.meals.size(); ++m) {
            const ServiceChoice& meal = w.meals[m];
            auto it = w.days[d].find(meal.id);
            std::string text = meal.name + "：" + (it == w.days[d].end() ? "（未排）" : dishList(it->second));
            std::string id = "menu-cell" + day.iso() + " " + meal.id;
            ImVec2 pos{row.x + float(int(m) % cols) * (cell + gap), row.y + float(int(m) / cols) * (key + gap)};
            if (bigButton(ctx, id.c_str(), pos, {cell, key}, fitted(ctx, text, cell - ctx.mm(4)), ctx.fonts.staff, ctx.fonts.sizes.staffPx,
                          ButtonStyle::Staff))
                ctx.out.push(MenuEdit{day, meal.id});
        }
        ImGui::SetCursorScreenPos(row);
        ImGui::Dummy({width, float(rows) * (key + gap) - gap + ctx.mm(1)});
    }
    ImGui::TextWrapped("%s", kTypedOnce);
}

}  // namespace mh::ui

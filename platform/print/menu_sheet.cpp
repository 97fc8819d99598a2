#include "platform/print/menu_sheet.hpp"

#include <algorithm>

#include "platform/print/pango_text.hpp"
#include "platform/print/pdf_writer.hpp"

namespace mh::print {
namespace {

constexpr double kMargin = 36, kContentW = kA4W - 2 * kMargin;
constexpr double kDayColW = 84;
constexpr const char* kWeekdays[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

std::string monthDay(const LocalDate& d) { return std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日"; }

// The dishes in one wrapped paragraph, "红烧豆腐、青菜、米饭": a line breaks only after a 、, never
// inside a dish (word joiners between its characters), so the type can stay large.
std::string dishesText(const DayMenu& day, const std::string& meal) {
    auto it = day.find(meal);
    if (it == day.end()) return "";
    std::string s;
    for (const auto& d : it->second) {
        if (!s.empty()) s += "、";
        for (std::size_t i = 0; i < d.size(); ++i) {
            bool lead = (static_cast<unsigned char>(d[i]) & 0xC0) != 0x80;
            if (lead && i > 0) s += "\u2060";
            s += d[i];
        }
    }
    return s;
}

// The whole page, sized to fit: the dish type shrinks (from 15 pt) until the seven rows fit.
void drawWeek(cairo_t* cr, const MenuWeek& w) {
    fillRect(cr, 0, 0, kA4W, kA4H, 1);
    PangoText t(cr);
    double y = kMargin;
    y += t.draw(kMargin, y, w.siteName, {16, true, Align::Center, kContentW});
    y += t.draw(kMargin, y + 2, "本周菜谱", {28, true, Align::Center, kContentW}) + 2;
    y += t.draw(kMargin, y, monthDay(w.monday) + " 至 " + monthDay(w.monday.plusDays(6)),
                {13, false, Align::Center, kContentW, false, 0.2}) + 12;
    const std::size_t cols = std::max<std::size_t>(w.meals.size(), 1);
    const double colW = (kContentW - kDayColW) / double(cols);
    const double footerTop = kA4H - kMargin - 40;

    double font = 16, headH = 32;
    std::array<double, 7> rowH{};
    for (; font >= 10; font -= 0.5) {
        double total = headH;
        for (int d = 0; d < 7; ++d) {
            rowH[d] = 15 * 1.4 + 12 * 1.4 + 18;  // the day's name and date
            for (const auto& [id, name] : w.meals)
                rowH[d] = std::max(rowH[d], t.measure(dishesText(w.days[d], id), {font, false, Align::Center, colW - 10}).second + 14);
            total += rowH[d];
        }
        if (y + total <= footerTop) break;
    }

    fillRect(cr, kMargin, y, kContentW, headH, 0.82);
    for (std::size_t c = 0; c < w.meals.size(); ++c)
        t.draw(kMargin + kDayColW + double(c) * colW, y + 6, w.meals[c].second, {16, true, Align::Center, colW});
    double top = y;
    y += headH;
    for (int d = 0; d < 7; ++d) {
        if (d % 2 == 1) fillRect(cr, kMargin, y, kContentW, rowH[d], 0.95);
        LocalDate day = w.monday.plusDays(d);
        t.draw(kMargin, y + 7, kWeekdays[d], {15, true, Align::Center, kDayColW});
        t.draw(kMargin, y + 9 + 15 * 1.4, monthDay(day), {12, false, Align::Center, kDayColW, false, 0.3});
        for (std::size_t c = 0; c < w.meals.size(); ++c) {
            std::string text = dishesText(w.days[d], w.meals[c].first);
            bool none = text.empty();
            t.draw(kMargin + kDayColW + double(c) * colW + 5, y + 7, none ? "—" : text,
                   {font, false, Align::Center, colW - 10, false, none ? 0.6 : 0});
        }
        y += rowH[d];
        rule(cr, kMargin, y, kMargin + kContentW, y, 0.5);
    }
    rule(cr, kMargin, top, kMargin + kContentW, top, 1.2);
    rule(cr, kMargin, y, kMargin + kContentW, y, 1.2);
    for (std::size_t c = 0; c <= w.meals.size(); ++c) {
        double x = kMargin + kDayColW + double(c) * colW;
        rule(cr, x, top, x, y, 0.5);
    }
    rule(cr, kMargin, top, kMargin, y, 1.2);
    rule(cr, kMargin + kContentW, top, kMargin + kContentW, y, 1.2);
    t.draw(kMargin, footerTop + 8, "菜谱如有调整，以当天供应为准。需要低盐、低糖、软食等特殊饮食的老人，请告诉工作人员。",
           {11, false, Align::Left, kContentW, false, 0.2});
}

}  // namespace

Status renderMenuSheet(const MenuWeek& week, const std::filesystem::path& pdf) {
    auto written = writePdfFile(pdf, week.siteName + " 本周菜谱 " + isoWeekOf(week.monday), 1,
                                [&](cairo_t* cr, int) { drawWeek(cr, week); });
    if (!written) return written.error();
    return okStatus();
}

}  // namespace mh::print

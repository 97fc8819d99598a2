#include "platform/print/paper_roster.hpp"

#include <algorithm>

#include "platform/print/pango_text.hpp"
#include "platform/print/pdf_writer.hpp"
#include "platform/print/table_page.hpp"
#include "shared/policy/policy_config.hpp"

namespace mh::print {
namespace {

constexpr double kMargin = 36, kContentW = kA4W - 2 * kMargin;
constexpr double kRowH = 26;    // a row tall enough to tick a box or write 送 with a pen
constexpr double kHeadH = 34;   // two lines: the service's name and its hours
constexpr double kBox = 13;     // the square to tick
constexpr double kFootH = 58;   // signature line and page number
// Fixed columns: 序号 编号 姓名 村 卡号 (points); the services share what is left.
constexpr double kFixed[] = {28, 46, 64, 58, 30};
constexpr const char* kFixedHeads[] = {"序号", "编号", "姓名", "村", "卡号"};
constexpr int kNFixed = 5;
constexpr double kTitleH = 30, kNoteH = 52, kContTitleH = 24;
constexpr const char* kWeekdays[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

double fixedWidth() {
    double w = 0;
    for (double c : kFixed) w += c;
    return w;
}

// Rows that fit under the title block (the first page has the instructions too).
int rowsOn(int page) {
    const double above = page == 0 ? kTitleH + kNoteH : kContTitleH;
    return int((kA4H - 2 * kMargin - above - kHeadH - kFootH) / kRowH);
}

int pagesFor(const PaperRoster& s) {
    int n = int(s.rows.size()) - rowsOn(0), pages = 1;
    for (; n > 0; ++pages) n -= rowsOn(pages);
    return pages;
}

std::string dateText(const LocalDate& d) {
    return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日 " +
           kWeekdays[weekdayOf(d)];
}

void drawPage(cairo_t* cr, const PaperRoster& s, int page, int pages) {
    fillRect(cr, 0, 0, kA4W, kA4H, 1);
    PangoText t(cr);
    double y = kMargin;
    int from = 0;
    for (int p = 0; p < page; ++p) from += rowsOn(p);
    const std::string title = s.siteName + " 停电签到表";
    if (page == 0) {
        t.draw(kMargin, y, title, {18, true, Align::Center, kContentW});
        y += kTitleH;
        t.draw(kMargin, y, dateText(s.day) + "，共 " + std::to_string(s.rows.size()) + " 位老人　站点 " + s.siteId,
               {11, false, Align::Center, kContentW});
        y += 18;
        t.draw(kMargin, y,
               "来吃的老人在那一餐的方框里打“√”，送餐的写“送”。停电时间：________ 至 ________。"
               "来电后交给工作人员，按编号补录到终端（补录纸质名单）。",
               {9.5, false, Align::Left, kContentW, false, 0.15});
        y += kNoteH - 18;
    } else {
        t.draw(kMargin, y, title + " " + dateText(s.day) + "（续）", {12, true, Align::Left, kContentW});
        y += kContTitleH;
    }

    const int nSvc = std::max<int>(1, int(s.services.size()));
    const double svcW = (kContentW - fixedWidth()) / nSvc;
    const double top = y;
    fillRect(cr, kMargin, y, kContentW, kHeadH, 0.85);
    double x = kMargin;
    for (int c = 0; c < kNFixed; ++c) {
        t.draw(x + 2, y + 10, kFixedHeads[c], {9.5, true, Align::Left, kFixed[c] - 4, true});
        x += kFixed[c];
    }
    for (const PaperRosterService& svc : s.services) {
        t.draw(x + 2, y + 3, svc.name, {11, true, Align::Center, svcW - 4, true});
        t.draw(x + 1, y + 20, svc.hours, {7, false, Align::Center, svcW - 2, true, 0.25});
        x += svcW;
    }
    y += kHeadH;
    rule(cr, kMargin, y, kMargin + kContentW, y, 0.8);

    const int to = std::min<int>(int(s.rows.size()), from + rowsOn(page));
    for (int i = from; i < to; ++i) {
        const PaperRosterRow& r = s.rows[size_t(i)];
        const std::string cells[kNFixed] = {std::to_string(i + 1), r.elderId, r.maskedName, r.village, r.cardSerial};
        x = kMargin;
        for (int c = 0; c < kNFixed; ++c) {
            const bool name = c == 2;  // the name is what the worker looks for
            t.draw(x + 3, y + (name ? 5 : 7), cells[c], {name ? 13.0 : 10.0, name, Align::Left, kFixed[c] - 6, true});
            x += kFixed[c];
        }
        for (size_t k = 0; k < s.services.size(); ++k) {
            const double bx = x + (svcW - kBox) / 2, by = y + (kRowH - kBox) / 2;
            rule(cr, bx, by, bx + kBox, by, 0.8);
            rule(cr, bx + kBox, by, bx + kBox, by + kBox, 0.8);
            rule(cr, bx + kBox, by + kBox, bx, by + kBox, 0.8);
            rule(cr, bx, by + kBox, bx, by, 0.8);
            x += svcW;
        }
        y += kRowH;
        rule(cr, kMargin, y, kMargin + kContentW, y, 0.4);
    }
    if (s.rows.empty()) {
        t.draw(kMargin, y + 7, "名单里没有在册的老人。", {12, false, Align::Center, kContentW});
        y += kRowH;
    }
    // The services' boxes stand apart from the fixed columns by a heavier rule.
    drawTableGrid(cr, kMargin, top, y, kContentW, kNFixed + int(s.services.size()),
                  [&](int c) { return c < kNFixed ? kFixed[c] : svcW; }, [](int c) { return c == kNFixed ? 0.9 : 0.4; });

    const double foot = kA4H - kMargin - kFootH + 18;
    t.draw(kMargin, foot, "经办人（签字）：________________　　日期：________________", {11, false, Align::Left, kContentW});
    drawPageNumber(t, kMargin, kA4H - kMargin - 4, kContentW, page, pages);
}

}  // namespace

Result<int> renderPaperRoster(const PaperRoster& sheet, const std::filesystem::path& pdf) {
    const int pages = pagesFor(sheet);
    return writePdfFile(pdf, sheet.siteName + " 停电签到表 " + sheet.day.iso(), pages,
                        [&](cairo_t* cr, int page) { drawPage(cr, sheet, page, pages); });
}

}  // namespace mh::print

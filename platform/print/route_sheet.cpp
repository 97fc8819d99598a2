#include "platform/print/route_sheet.hpp"

#include <algorithm>

#include "platform/print/pango_text.hpp"
#include "platform/print/pdf_writer.hpp"
#include "platform/print/table_page.hpp"

namespace mh::print {
namespace {

constexpr double kMargin = 40, kContentW = kA4W - 2 * kMargin;
constexpr double kRowH = 40, kHeadH = 28;  // a row tall enough to sign in by hand
// Columns: 序号 编号 姓名 村 电话 餐 签收 (points).
constexpr double kCols[] = {30, 44, 64, 80, 100, 50, 147.28};
constexpr const char* kHeads[] = {"序号", "编号", "姓名", "村", "电话", "餐", "签收（老人或家属签字）"};
constexpr int kNCols = 7;
constexpr int kRowsFirst = 15, kRowsNext = 17;

void drawPage(cairo_t* cr, const RouteSheet& s, int page, int pages) {
    fillRect(cr, 0, 0, kA4W, kA4H, 1);
    PangoText t(cr);
    double y = kMargin;
    const PageRows rows = rowsOnPage(page, kRowsFirst, kRowsNext);
    const std::string date = std::to_string(s.day.year()) + "年" + std::to_string(s.day.month()) + "月" + std::to_string(s.day.day()) + "日";
    if (page == 0) {
        y += t.draw(kMargin, y, s.siteName + " 送餐路线单", {20, true, Align::Center, kContentW}) + 4;
        y += t.draw(kMargin, y, date + "，共 " + std::to_string(s.stops.size()) + " 份", {13, false, Align::Center, kContentW}) + 6;
        y += t.draw(kMargin, y,
                    "送餐员：____________　出发时间：________　回到时间：________。"
                    "不在家或拒收的，在签收栏写明“不在家”或“拒收”，回来后把本单交工作人员按编号登记。发现老人身体或精神有变化，请写在签收栏旁并当面告诉工作人员。",
                    {10, false, Align::Left, kContentW, false, 0.15}) + 10;
    } else {
        y += t.draw(kMargin, y, s.siteName + " 送餐路线单 " + date + "（续）", {12, true, Align::Left, kContentW}) + 8;
    }
    const double top = y;
    fillRect(cr, kMargin, y, kContentW, kHeadH, 0.85);
    double x = kMargin;
    for (int c = 0; c < kNCols; ++c) {
        t.draw(x + 3, y + 7, kHeads[c], {10, true, Align::Left, kCols[c] - 6, true});
        x += kCols[c];
    }
    y += kHeadH;
    const int to = std::min<int>(int(s.stops.size()), rows.from + rows.count);
    for (int i = rows.from; i < to; ++i) {
        const RouteStop& r = s.stops[size_t(i)];
        const std::string cells[kNCols] = {std::to_string(i + 1), std::to_string(r.recordId), r.maskedName, r.village,
                                           r.phone, r.service, r.outcome == "delivered" ? "（已登记送达）" : ""};
        x = kMargin;
        for (int c = 0; c < kNCols; ++c) {
            const bool big = c == 2 || c == 4;  // the name and the phone are read at the door
            t.draw(x + 3, y + (big ? 11 : 13), cells[c], {big ? 13.0 : 11.0, big, Align::Left, kCols[c] - 6, true,
                                                          c == 6 ? 0.4 : 0.0});
            x += kCols[c];
        }
        y += kRowH;
        rule(cr, kMargin, y, kMargin + kContentW, y, 0.5);
    }
    if (s.stops.empty()) {
        t.draw(kMargin, y + 12, "今天没有送餐。", {12, false, Align::Center, kContentW});
        y += kRowH;
    }
    drawTableGrid(cr, kMargin, top, y, kContentW, kNCols, [](int c) { return kCols[c]; }, [](int) { return 0.4; });
    drawPageNumber(t, kMargin, kA4H - kMargin + 8, kContentW, page, pages);
}

}  // namespace

Status renderRouteSheet(const RouteSheet& sheet, const std::filesystem::path& pdf) {
    const int pages = pagesForRows(int(sheet.stops.size()), kRowsFirst, kRowsNext);
    auto written = writePdfFile(pdf, sheet.siteName + " 送餐路线单 " + sheet.day.iso(), pages,
                                [&](cairo_t* cr, int page) { drawPage(cr, sheet, page, pages); });
    if (!written) return written.error();
    return okStatus();
}

}  // namespace mh::print

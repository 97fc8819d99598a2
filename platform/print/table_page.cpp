#include "platform/print/table_page.hpp"

#include <string>

#include "platform/print/pdf_writer.hpp"

namespace mh::print {

int pagesForRows(int rows, int firstRows, int nextRows) {
    if (rows <= firstRows) return 1;
    return 1 + (rows - firstRows + nextRows - 1) / nextRows;
}

PageRows rowsOnPage(int page, int firstRows, int nextRows) {
    if (page == 0) return {0, firstRows};
    return {firstRows + (page - 1) * nextRows, nextRows};
}

void drawTableGrid(cairo_t* cr, double left, double top, double bottom, double width, int columns,
                   const std::function<double(int)>& columnWidth, const std::function<double(int)>& innerRule) {
    rule(cr, left, top, left + width, top, 1.2);
    rule(cr, left, bottom, left + width, bottom, 1.2);
    double x = left;
    for (int c = 0; c <= columns; ++c) {
        rule(cr, x, top, x, bottom, c == 0 || c == columns ? 1.2 : innerRule(c));
        if (c < columns) x += columnWidth(c);
    }
}

void drawPageNumber(PangoText& t, double x, double y, double width, int page, int pages) {
    t.draw(x, y, "第 " + std::to_string(page + 1) + " 页，共 " + std::to_string(pages) + " 页",
           {9, false, Align::Center, width, false, 0.3});
}

}  // namespace mh::print

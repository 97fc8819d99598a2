// What the A4 sheets with a table (the route sheet, the settlement, the power-cut sheet) draw
// alike: how many pages their rows need, the grid around the rows and the page number at the foot.
#pragma once
#include <functional>

#include <cairo.h>

#include "platform/print/pango_text.hpp"

namespace mh::print {

// Pages for `rows` rows when the first page holds `firstRows` and every later one `nextRows`.
int pagesForRows(int rows, int firstRows, int nextRows);
// The rows on page `page` (from 0) of such a table: from row `from`, `count` of them at the most.
struct PageRows {
    int from = 0, count = 0;
};
PageRows rowsOnPage(int page, int firstRows, int nextRows);

// The table's grid: heavy rules above (at `top`) and below (at `bottom`) the `width` points from
// `left`, and one vertical rule before each of `columns` columns and after the last, `columnWidth(c)`
// apart, heavy at both ends and `innerRule(c)` points thick between (c from 1 to columns - 1).
void drawTableGrid(cairo_t* cr, double left, double top, double bottom, double width, int columns,
                   const std::function<double(int)>& columnWidth, const std::function<double(int)>& innerRule);

// "第 N 页，共 M 页" centred in `width` points from (x, y); `page` counts from 0.
void drawPageNumber(PangoText& t, double x, double y, double width, int page, int pages);

}  // namespace mh::print

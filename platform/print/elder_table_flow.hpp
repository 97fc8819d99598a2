// How the per-elder table of the posting flows: elders grouped under village headings, poured
// into columns of a fixed number of rows, columns into pages. Pure arithmetic (no cairo), so the
// "everyone appears exactly once" property is testable on its own.
#pragma once
#include <cstddef>
#include <vector>

#include "shared/posting/monthly_figures.hpp"

namespace mh::print {

struct TableRow {
    bool heading = false;    // a village heading; `elder` is then the first elder it heads
    bool continued = false;  // a heading repeated at the top of a column: "东沟村（续）"
    std::size_t elder = 0;   // index into MonthlyFigures::elders
};
using TableColumn = std::vector<TableRow>;

struct TablePage {
    std::vector<TableColumn> columns;  // empty: the page has no room for the table
};

// `elders` must be sorted by village. A column holds at most `rows` rows (headings included),
// never ends with a heading, and starts with one; the last page is balanced so its columns are
// about equally long. `firstPageRows` < 2 leaves the first page without the table.
std::vector<TablePage> flowElderTable(const std::vector<ElderMonth>& elders, int firstPageRows, int otherPageRows,
                                      int columns);

}  // namespace mh::print

#include "platform/print/elder_table_flow.hpp"

#include <algorithm>

namespace mh::print {
namespace {

// Fills one column from elder `pos` with at most `rows` rows; returns the column, advances `pos`.
TableColumn fillColumn(const std::vector<ElderMonth>& e, std::size_t& pos, int rows) {
    TableColumn col;
    if (pos >= e.size() || rows < 2) return col;
    col.push_back(TableRow{true, pos > 0 && e[pos - 1].village == e[pos].village, pos});
    while (pos < e.size() && int(col.size()) < rows) {
        if (e[pos].village != e[col.back().elder].village) {
            if (int(col.size()) + 2 > rows) break;  // a heading needs at least one elder under it
            col.push_back(TableRow{true, false, pos});
        }
        col.push_back(TableRow{false, false, pos++});
    }
    return col;
}

std::vector<TableColumn> fillPage(const std::vector<ElderMonth>& e, std::size_t& pos, int rows, int columns) {
    std::vector<TableColumn> cols;
    for (int c = 0; c < columns && pos < e.size(); ++c) cols.push_back(fillColumn(e, pos, rows));
    return cols;
}

}  // namespace

std::vector<TablePage> flowElderTable(const std::vector<ElderMonth>& elders, int firstPageRows, int otherPageRows,
                                      int columns) {
    if (elders.empty()) return {TablePage{}};
    std::vector<TablePage> pages;
    std::size_t pos = 0;
    int rows = firstPageRows;
    if (rows < 2) {
        pages.push_back({});
        rows = otherPageRows;
    }
    rows = std::max(rows, 2);
    do {
        std::size_t probe = pos;
        fillPage(elders, probe, rows, columns);
        if (probe >= elders.size()) {
            // The rest fits here: use the shortest columns that still hold it.
            int lo = 2, hi = rows;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                std::size_t p = pos;
                fillPage(elders, p, mid, columns);
                if (p >= elders.size()) hi = mid;
                else lo = mid + 1;
            }
            rows = lo;
        }
        pages.push_back(TablePage{fillPage(elders, pos, rows, columns)});
        rows = std::max(otherPageRows, 2);
    } while (pos < elders.size());
    return pages;
}

}  // namespace mh::print

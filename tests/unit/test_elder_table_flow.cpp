// The posting's per-elder table flow: every elder exactly once, in order, under the right village
// heading, columns never longer than asked and never ending on a heading.
#include <doctest/doctest.h>

#include "platform/print/elder_table_flow.hpp"

using namespace mh;
using namespace mh::print;

namespace {

std::vector<ElderMonth> village(std::vector<std::pair<std::string, int>> sizes) {
    std::vector<ElderMonth> out;
    for (auto& [v, n] : sizes)
        for (int i = 0; i < n; ++i) out.push_back(ElderMonth{"张*" + std::to_string(i), v, {1}, 1});
    return out;
}

// Every elder once and in order, headings where the village starts or a column continues it.
void checkFlow(const std::vector<ElderMonth>& e, const std::vector<TablePage>& pages, int firstRows, int rows, int cols) {
    size_t next = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
        CHECK(int(pages[p].columns.size()) <= cols);
        for (const auto& col : pages[p].columns) {
            REQUIRE(col.size() >= 2);
            CHECK(int(col.size()) <= (p == 0 ? firstRows : rows));
            CHECK(col.front().heading);
            CHECK_FALSE(col.back().heading);
            for (const auto& r : col) {
                if (r.heading) {
                    REQUIRE(r.elder == next);  // a heading stands over the next elder
                    CHECK(r.continued == (next > 0 && e[next - 1].village == e[next].village));
                    continue;
                }
                CHECK(r.elder == next);
                ++next;
            }
        }
    }
    CHECK(next == e.size());
}

}  // namespace

TEST_CASE("ten elders of two villages fit one page in the fewest rows") {
    auto e = village({{"东沟村", 6}, {"北关村", 4}});
    auto pages = flowElderTable(e, 10, 40, 2);
    REQUIRE(pages.size() == 1);
    checkFlow(e, pages, 10, 40, 2);
    // 12 rows (10 elders + 2 headings) over two columns, balanced: no column above 7.
    for (const auto& col : pages[0].columns) CHECK(col.size() <= 7);
}

TEST_CASE("four hundred elders flow over continuation pages with repeated village headings") {
    auto e = village({{"东沟村", 150}, {"北关村", 120}, {"南关村", 1}, {"西街村", 129}});
    auto pages = flowElderTable(e, 12, 40, 3);
    CHECK(pages.size() == 5);
    checkFlow(e, pages, 12, 40, 3);
}

TEST_CASE("no room under the summary puts the table overleaf — no elders gives one empty page") {
    auto e = village({{"东沟村", 5}});
    auto pages = flowElderTable(e, 0, 40, 3);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].columns.empty());
    checkFlow(e, pages, 0, 40, 3);
    auto none = flowElderTable({}, 10, 40, 3);
    REQUIRE(none.size() == 1);
    CHECK(none[0].columns.empty());
}

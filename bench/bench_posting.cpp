// Benchmark: the monthly posting (figures + CSV + PDF + PNG) for a month of about 10,000 check-ins,
// against a baseline measured in the same run: reading and tallying the month's days the way the
// daily upload does. Usage: bench_posting [--elders N] [--keep DIR]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>

#include "platform/print/posting_renderer.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/posting/posting_csv.hpp"
#include "bench_timing.hpp"
#include "support/month_generator.hpp"

using namespace mh;
using mh::bench::best;
using mh::bench::secondsSince;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    int elders = 400;
    fs::path keep;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--elders")) elders = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--keep")) keep = argv[++i];
    }
    fs::path dir = keep.empty() ? fs::temp_directory_path() / ("mealhall-bench-posting-" + std::to_string(std::random_device{}()))
                                : keep;
    fs::remove_all(dir);
    auto created = Site::init(dir, "141022-001", "北关村老年食堂");
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().message.c_str());
        return 1;
    }
    created->reset();
    std::ofstream(dir / kSiteToml, std::ios::trunc) << test::postingToml();
    auto site = Site::open(dir);
    if (!site) {
        std::fprintf(stderr, "%s\n", site.error().message.c_str());
        return 1;
    }
    auto t0 = std::chrono::steady_clock::now();
    test::MonthBook book = test::generateMonth(**site, 2026, 10, elders, 0.62);
    std::printf("generated %d records for %d elders through the check-in engine in %.1f s\n", book.records, elders,
                secondsSince(t0));

    CheckinStore store((*site)->db());
    int tallied = 0;
    double baseline = best(5, [&] {
        for (unsigned d = 1; d <= 31; ++d) {
            LocalDate day = LocalDate::of(2026, 10, d);
            tallied += buildTally((*site)->config(), day, store.forDay(day.iso()), 1, "").services[0].count;
        }
    });
    fs::path out = dir / "out";
    fs::create_directories(out);
    int pages = 0;
    double figures = best(5, [&] { tallied += loadMonthlyFigures(**site, 2026, 10).meals; });
    double posting = best(3, [&] {
        MonthlyFigures f = loadMonthlyFigures(**site, 2026, 10);
        std::ofstream(out / "posting-2026-10.csv", std::ios::binary | std::ios::trunc) << postingCsv(f);
        auto r = print::renderPosting(f, LocalDate::of(2026, 11, 3), out / "posting-2026-10.pdf", out / "posting-2026-10.png");
        pages = r ? r->pages : -1;
    });
    std::printf("baseline: read + tally the 31 days          %8.1f ms\n", baseline * 1000);
    std::printf("monthly figures (31 tallies summed)          %8.1f ms  (%.2fx baseline)\n", figures * 1000, figures / baseline);
    std::printf("full posting: figures + CSV + PDF + PNG      %8.1f ms  (%.1fx baseline, %d pages, target < 2000 ms)\n",
                posting * 1000, posting / baseline, pages);
    if (keep.empty()) fs::remove_all(dir);
    return tallied > 0 && pages > 0 && posting < 2.0 ? 0 : 1;
}

// producePosting, the one home of the monthly posting, through a recording sink in place of cairo:
// what it asks the sink to draw, what it writes itself, and when it writes nothing. And isDayDue,
// the one rule for when a day's tally may go up.
#include <doctest/doctest.h>

#include "shared/posting/produce_posting.hpp"
#include "shared/upload/day_due.hpp"
#include "support/month_generator.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;

namespace {

// Writes small stand-in files (PNG last, as the contract asks) and remembers what it was given.
struct RecordingSink final : PostingSink {
    int calls = 0;
    int mealsSeen = -1;
    LocalDate postedOn;
    bool fail = false;
    Result<DrawnPosting> draw(const MonthlyFigures& f, LocalDate on, const fs::path& pdf, const fs::path& png) override {
        ++calls;
        mealsSeen = f.meals;
        postedOn = on;
        if (fail) return Error{"posting.write", "无法写入文件", "cannot write"};
        writeFile(pdf, "pdf");
        writeFile(png, "png");
        return DrawnPosting{3, 10, 20};
    }
};

}  // namespace

TEST_CASE("producePosting writes the CSV itself and has the sink draw the month's figures") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    generateMonth(*site, 2026, 10, 6, 0.7);
    RecordingSink sink;
    fs::path out = dir.path() / "out" / "deeper";  // created when missing
    auto made = producePosting(*site, sink, {2026, 10, out, LocalDate::of(2026, 11, 3)});
    REQUIRE(made.ok());
    CHECK(made->made);
    CHECK(made->pages == 3);
    CHECK(sink.calls == 1);
    CHECK(sink.mealsSeen == made->figures.meals);
    CHECK(made->figures.meals > 0);
    CHECK(sink.postedOn == LocalDate::of(2026, 11, 3));
    CHECK(made->files.csv == out / "posting-2026-10.csv");
    CHECK(made->files.png == out / "posting-2026-10.png");
    CHECK(readFile(made->files.csv).find("合计") != std::string::npos);

    SUBCASE("keepExisting: a PNG on disk is a whole posting, so nothing is drawn again") {
        auto again = producePosting(*site, sink, {2026, 10, out, LocalDate::of(2026, 11, 4), false, true});
        REQUIRE(again.ok());
        CHECK_FALSE(again->made);
        CHECK(sink.calls == 1);
        CHECK(again->figures.meals == made->figures.meals);  // still there for the idle screen
    }
    SUBCASE("without keepExisting the posting is made again") {
        auto again = producePosting(*site, sink, {2026, 10, out, LocalDate::of(2026, 11, 4)});
        REQUIRE(again.ok());
        CHECK(again->made);
        CHECK(sink.calls == 2);
    }
}

TEST_CASE("producePosting skips an empty month only when asked, and passes on the sink's failure") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    RecordingSink sink;
    fs::path out = dir.path() / "postings";
    auto skipped = producePosting(*site, sink, {2026, 10, out, LocalDate::of(2026, 11, 3), true, true});
    REQUIRE(skipped.ok());
    CHECK(skipped->nothingToPost);
    CHECK_FALSE(skipped->made);
    CHECK(sink.calls == 0);
    CHECK_FALSE(fs::exists(skipped->files.csv));

    sink.fail = true;
    auto failed = producePosting(*site, sink, {2026, 10, out, LocalDate::of(2026, 11, 3)});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == "posting.write");
    CHECK(sink.calls == 1);
}

TEST_CASE("a day is due for upload once it is past, and today once end_of_day has passed") {
    SiteConfig cfg;
    cfg.endOfDay = WallTime{20 * 60};
    const LocalDate today = LocalDate::of(2026, 11, 24);
    const LocalDateTime evening{today, 19, 59, 0}, late{today, 20, 0, 0};
    CHECK(isDayDue(LocalDate::of(2026, 11, 23), evening, cfg));
    CHECK_FALSE(isDayDue(today, evening, cfg));
    CHECK(isDayDue(today, late, cfg));
    CHECK_FALSE(isDayDue(LocalDate::of(2026, 11, 25), late, cfg));  // a day ahead (clock set back) never is
}

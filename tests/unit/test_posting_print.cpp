// The posting's schedule and printer (shared/posting/posting_print.hpp), shared by `kiosk posting`
// and the kiosk's monthly job.
#include <doctest/doctest.h>

#include "shared/posting/posting_print.hpp"
#include "shared/staff/kiosk_prefs.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("the kiosk posts the month before today's, across a new year too") {
    YearMonth m = monthToPost(LocalDate::of(2026, 11, 1));
    CHECK(m.year == 2026);
    CHECK(m.month == 10u);
    m = monthToPost(LocalDate::of(2027, 1, 31));
    CHECK(m.year == 2026);
    CHECK(m.month == 12u);
}

TEST_CASE("a month not begun has nothing to post, one under way runs up to today") {
    const LocalDate today = LocalDate::of(2026, 11, 25);
    CHECK(monthStage({2026, 12}, today) == MonthStage::NotBegun);
    CHECK(monthStage({2026, 11}, today) == MonthStage::Running);
    CHECK(monthStage({2026, 11}, LocalDate::of(2026, 11, 30)) == MonthStage::Running);
    CHECK(monthStage({2026, 10}, today) == MonthStage::Ended);
}

TEST_CASE("the posting goes to the printer staff picked, and nowhere when none is set") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::vector<std::string> sentTo;
    PrintFn print = [&](const std::string& printer, const std::filesystem::path&) {
        sentTo.push_back(printer);
        return printer == "broken" ? Status(Error{"print.lp", "打印机不通", "printer refused"}) : okStatus();
    };
    PostingPrint none = printPosting(*site, "posting.pdf", print);
    CHECK_FALSE(none.sent);
    CHECK(none.result.ok());
    CHECK(sentTo.empty());

    REQUIRE(savePostingPrinter(*site, "staff-screen", "2026-11-25T09:00:00+08:00", "", "office"));
    PostingPrint sent = printPosting(*site, "posting.pdf", print);
    CHECK(sent.sent);
    CHECK(sent.printer == "office");
    CHECK(sent.result.ok());

    REQUIRE(savePostingPrinter(*site, "staff-screen", "2026-11-25T09:00:00+08:00", "office", "broken"));
    PostingPrint refused = printPosting(*site, "posting.pdf", print);
    CHECK(refused.sent);
    REQUIRE_FALSE(refused.result.ok());
    CHECK(refused.result.error().code == "print.lp");
    CHECK(sentTo == std::vector<std::string>{"office", "broken"});
}

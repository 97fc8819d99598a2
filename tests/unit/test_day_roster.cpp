// Today's roster for staff (shared/reports/day_roster.hpp) and the day's tally as it stands
// (shared/reports/day_tally.hpp), both read from a real site after real check-ins.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/reports/day_tally.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/terminal_facts.hpp"
#include "shared/reports/day_roster.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
struct DayFixture {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    FakeClock clock{0};
    LocalDate day = LocalDate::of(2026, 11, 25);
    std::string idA = test::makeIdNumber("19400101", 12), idB = test::makeIdNumber("19410202", 14, false);
    DayFixture() {
        std::string csv = "elder_id,name,id_number,village,active\n"
                          "A1,张桂兰," + idA + ",北关村,1\n"
                          "B1,王建国," + idB + ",南关村,1\n";
        REQUIRE(importRoster(*site, csv, day, "2026-11-25T08:00:00+08:00", "test").ok());
    }
    std::int64_t scan(const std::string& id, const std::string& service, int hour, int minute, bool delivered = false) {
        CheckInEngine engine(*site, clock);
        auto r = engine.scan(ScanRequest{id, ServiceId(service), LocalDateTime{day, hour, minute, 0}, delivered});
        REQUIRE(r.ok());
        REQUIRE(r->accepted());
        return *r->recordId;
    }
};
}  // namespace

TEST_CASE("today's roster lists each service's records in order with names, times and voids") {
    DayFixture fx;
    fx.scan(fx.idA, "breakfast", 7, 15);
    const std::int64_t lunchA = fx.scan(fx.idA, "lunch", 11, 32);
    fx.scan(fx.idB, "lunch", 11, 40, /*delivered=*/true);
    REQUIRE(CheckInEngine(*fx.site, fx.clock).voidRecord(lunchA, "scanned twice", "staff").ok());

    auto roster = dayRoster(*fx.site, fx.day);
    REQUIRE(roster.size() == 2);
    CHECK(roster[0].id == "breakfast");
    CHECK(roster[0].counted == 1);
    const DayRosterService& lunch = roster[1];
    CHECK(lunch.id == "lunch");
    CHECK(lunch.name == fx.site->config().findService("lunch")->name);
    REQUIRE(lunch.rows.size() == 2);
    CHECK(lunch.counted == 1);  // the void is listed, not counted
    CHECK(lunch.rows[0].name == "张桂兰");
    CHECK(lunch.rows[0].time == "11:32");
    CHECK(lunch.rows[0].voided);
    CHECK(lunch.rows[1].name == "王建国");
    CHECK(lunch.rows[1].delivered);
    CHECK_FALSE(lunch.rows[1].doubled);
    CHECK(dayRoster(*fx.site, fx.day.plusDays(1)).empty());
}

TEST_CASE("the day's tally counts this terminal's records under the revision its upload will carry") {
    DayFixture fx;
    fx.scan(fx.idA, "lunch", 11, 32);
    DailyTally t = tallyOfDay(*fx.site, fx.day, "2026-11-25T20:00:00+08:00");
    CHECK(t.terminal == terminalIdOf(*fx.site));
    CHECK(t.revision == 1);
    int lunches = 0;
    for (const auto& s : t.services)
        if (s.id.str() == "lunch") lunches = s.count;
    CHECK(lunches == 1);

    // Frozen, then changed: the next upload is revision 2, and the tally says so already.
    UploadOutbox(*fx.site).freezeDay(fx.day, fx.site->timeZone().toUnix(LocalDateTime{fx.day, 21, 0, 0}));
    CHECK(tallyOfDay(*fx.site, fx.day, "").revision == 1);
    fx.scan(fx.idB, "lunch", 11, 45);
    CHECK(tallyOfDay(*fx.site, fx.day, "").revision == 2);
}

TEST_CASE("the roster names who collected a meal for the elder (代领), and the elder's own meals name nobody") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path(), test::standardToml("\n[proxy]\nallowed = true\n"));
    LocalDate day = LocalDate::of(2026, 11, 25);
    std::string idA = test::makeIdNumber("19400101", 12), idB = test::makeIdNumber("19410202", 14, false);
    std::string csv = "elder_id,name,id_number,village,active\nA1,张桂兰," + idA + ",北关村,1\nB1,王建国," + idB + ",南关村,1\n";
    REQUIRE(importRoster(*site, csv, day, "2026-11-25T08:00:00+08:00", "test").ok());
    FakeClock clock{0};
    CheckInEngine engine(*site, clock);
    auto collected = engine.scan(ScanRequest{idA, ServiceId("lunch"), LocalDateTime{day, 11, 32, 0}, false, ProxyPerson{"李明", "儿子"}});
    REQUIRE(collected.ok());
    REQUIRE(collected->accepted());
    auto own = engine.scan(ScanRequest{idB, ServiceId("lunch"), LocalDateTime{day, 11, 40, 0}, false});
    REQUIRE(own.ok());
    REQUIRE(own->accepted());

    auto roster = dayRoster(*site, day);
    REQUIRE(roster.size() == 1);
    REQUIRE(roster[0].rows.size() == 2);
    CHECK(roster[0].rows[0].name == "张桂兰");
    CHECK(roster[0].rows[0].proxy == "李明（儿子）");
    CHECK(roster[0].rows[1].proxy.empty());
}

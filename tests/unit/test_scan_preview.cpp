// previewScan: the engine's decision without recording, checked against what the engine then
// records for the same scan; sampleScan, which screenshots show, priced by it.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

int recordCount(Site& site) {
    auto st = site.db().prepare("SELECT COUNT(*) FROM checkins");
    REQUIRE(st.step());
    return int(st.i64(0));
}

}  // namespace

TEST_CASE("a scan preview decides as the engine does, and records nothing") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    auto imported = importRoster(*site,
                                 "elder_id,name,id_number,birth_date,categories,card_serial\n"
                                 "E1,张桂兰," + test::makeIdNumber("19400102", 11) + ",,dibao,1\n"
                                 "E4,刘玉兰,,1950-01-01,,1\n",
                                 LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
    REQUIRE(imported.ok());
    auto e1 = ElderStore(site->db()).byElderId(ElderId("E1"));
    REQUIRE(e1);
    const ServiceDef& lunch = *site->config().findService("lunch");
    const LocalDateTime noon = *LocalDateTime::parse("2026-11-25T11:30");

    ScanPreview p = previewScan(*site, *e1, lunch, noon);
    CHECK(p.result.outcome == Outcome::Accepted);
    CHECK_FALSE(p.result.recordId);
    CHECK(recordCount(*site) == 0);

    FakeClock clock(site->timeZone().toUnix(noon));
    CheckInEngine engine(*site, clock);
    auto scanned = engine.checkInManually(ElderId("E1"), ServiceId("lunch"), noon, false, "test");
    REQUIRE(scanned.ok());
    REQUIRE(scanned->accepted());
    CHECK(p.result.priceFen == scanned->priceFen);
    CHECK(p.result.shares == scanned->shares);
    CHECK(p.result.rules == scanned->rules);
    CHECK(p.result.message == scanned->message);

    CHECK(previewScan(*site, *e1, lunch, noon).result.outcome == Outcome::Duplicate);
    ScanPreview evening = previewScan(*site, *e1, lunch, *LocalDateTime::parse("2026-11-26T19:00"));
    CHECK(evening.result.outcome == Outcome::Closed);
    CHECK(recordCount(*site) == 1);

    SUBCASE("a screenshot's sample shows the outcome asked for, priced by the preview, for a paying elder") {
        ScanResult s = sampleScan(*site, Outcome::Accepted, LocalDate::of(2026, 11, 26), ServiceId("lunch"));
        CHECK(s.outcome == Outcome::Accepted);
        CHECK(s.elderPays() > 0_fen);
        CHECK(s.elderId.str() == "E1");  // the first active elder, and she pays 2 yuan of her 10 yuan lunch
        CHECK(s.elderPays() == 200_fen);
        ScanResult unknown = sampleScan(*site, Outcome::Unknown, LocalDate::of(2026, 11, 26), ServiceId("lunch"));
        CHECK(unknown.elderId.empty());
        CHECK_FALSE(unknown.shares);
        CHECK(recordCount(*site) == 1);
    }
}

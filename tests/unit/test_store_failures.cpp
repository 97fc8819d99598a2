// When storage fails (a full disk), the person is told plainly and nothing already recorded is lost.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("a full disk refuses the check-in with a plain sentence and keeps every earlier record") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    std::string csv = "elder_id,name\n";
    for (int i = 0; i < 400; ++i) csv += "E" + std::to_string(1000 + i) + ",老人\n";
    REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 25), "t", "test")->added == 400);
    FakeClock clock;
    CheckInEngine engine(*site, clock);
    // SQLite reports SQLITE_FULL once the file may not grow: the same error as a full disk.
    auto pages = site->db().prepare("PRAGMA page_count");
    REQUIRE(pages.step());
    site->db().exec("PRAGMA max_page_count=" + std::to_string(pages.i64(0) + 2));

    int accepted = 0;
    std::optional<Error> failure;
    for (int i = 0; i < 400 && !failure; ++i) {
        auto r = engine.scan({signCard({"E" + std::to_string(1000 + i), "1"}, site->keys().card.sec), ServiceId("lunch"),
                              LocalDateTime{LocalDate::of(2026, 11, 24), 11, 0, 0}, false});
        if (!r) failure = r.error();
        else if (r->accepted()) ++accepted;
    }
    REQUIRE(failure.has_value());
    CHECK(failure->code == "store.full");
    CHECK(failure->message.find("存储空间已满") != std::string::npos);
    CHECK(failure->message.find("之前的记录都在") != std::string::npos);
    CHECK(accepted > 0);
    CHECK(int(CheckinStore(site->db()).forDay("2026-11-24").size()) == accepted);

    // After space is freed, check-ins go on.
    site->db().exec("PRAGMA max_page_count=1073741823");
    auto r = engine.scan({signCard({"E1399", "1"}, site->keys().card.sec), ServiceId("lunch"),
                          LocalDateTime{LocalDate::of(2026, 11, 24), 11, 0, 0}, false});
    REQUIRE(r.ok());
    CHECK(r->accepted());
}

TEST_CASE("a site whose database is not a database is refused with a message, not a crash") {
    test::TempDir dir;
    { auto site = test::makeSite(dir.path()); }
    std::filesystem::remove(dir.path() / "mealhall.db-wal");
    std::filesystem::remove(dir.path() / "mealhall.db-shm");
    test::writeFile(dir.path() / kSiteDb, std::string(8192, 'x'));
    auto site = Site::open(dir.path());
    REQUIRE_FALSE(site.ok());
    CHECK(site.error().code == "site.db");
}

TEST_CASE("a site with missing keys is refused: cards and ID hashes depend on them") {
    test::TempDir dir;
    { auto site = test::makeSite(dir.path()); }
    std::filesystem::remove(dir.path() / kCardKeyFile);
    auto site = Site::open(dir.path());
    REQUIRE_FALSE(site.ok());
    CHECK(site.error().code == "keys.missing");
}

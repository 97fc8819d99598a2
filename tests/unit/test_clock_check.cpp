// Terminal identity and the clock check (contract 2 and 3): a flat clock battery must not record
// meals on 1970-01-01, and a clock set back behind the newest record must not either.
#include <doctest/doctest.h>

#include <set>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/site/clock_check.hpp"
#include "shared/checkin/clock_confirm.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/terminal_identity.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
struct ClockFixture {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    FakeClock clock;
    std::int64_t created = site->timeZone().toUnix(*LocalDateTime::parse("2026-11-01T08:00"));
    ClockFixture() {
        REQUIRE(importRoster(*site, "elder_id,name,birth_date\nE1,张桂兰,1940-01-02\n", LocalDate::of(2026, 11, 1),
                             "2026-11-01T08:00:00+08:00", "test")
                    .ok());
        site->db().exec("UPDATE terminal SET created_at = " + std::to_string(created));
    }
    Result<ScanResult> scanAt(const std::string& local, std::optional<std::string> typedAt = std::nullopt) {
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse(local)));
        CheckInEngine engine(*site, clock);
        std::optional<LocalDateTime> at;
        if (typedAt) at = *LocalDateTime::parse(*typedAt);
        return engine.checkInManually(ElderId("E1"), ServiceId("lunch"), at, false, "");
    }
    std::int64_t records() {
        auto st = site->db().prepare("SELECT COUNT(*) FROM checkins");
        st.step();
        return st.i64(0);
    }
};
}  // namespace

TEST_CASE("each database gets its own terminal id of 8 lower-case letters or digits") {
    std::set<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        test::TempDir dir;
        auto site = test::makeSite(dir.path());
        auto id = loadTerminalIdentity(site->db()).id;
        CHECK(id.size() == 8);
        CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos);
        ids.insert(id);
    }
    CHECK(ids.size() == 5);
}

TEST_CASE("a clock earlier than the site's creation records nothing and says to set the clock") {
    ClockFixture f;
    auto r = f.scanAt("1970-01-01T11:30");
    REQUIRE(r.ok());
    CHECK(r->outcome == Outcome::Closed);
    CHECK(r->message.find("时钟") != std::string::npos);
    CHECK_FALSE(r->recordId);
    CHECK(f.records() == 0);
}

TEST_CASE("a clock more than 10 minutes behind the newest record is refused, within the slack it is not") {
    ClockFixture f;
    REQUIRE(f.scanAt("2026-11-24T12:00")->outcome == Outcome::Accepted);
    f.site->db().exec("UPDATE checkins SET voided = 1");  // free the day so only the clock decides
    auto behind = f.scanAt("2026-11-24T11:49");
    CHECK(behind->outcome == Outcome::Closed);
    CHECK(f.records() == 1);
    auto slack = f.scanAt("2026-11-24T11:51");
    CHECK(slack->outcome == Outcome::Accepted);
    CHECK(f.records() == 2);
    CHECK_FALSE(clockProblem(f.site->db(), f.clock.nowUnix() + 3600));
}

TEST_CASE("a time given by hand is recorded with the real write time and an audit entry") {
    ClockFixture f;
    auto r = f.scanAt("2026-11-25T15:00", "2026-11-24T11:40");
    REQUIRE(r.ok());
    REQUIRE(r->outcome == Outcome::Accepted);
    auto rec = CheckinStore(f.site->db()).byId(*r->recordId);
    REQUIRE(rec);
    CHECK(rec->day == "2026-11-24");
    REQUIRE(rec->enteredAt);
    CHECK(rec->enteredAt->rfind("2026-11-25T15:00", 0) == 0);
    auto st = f.site->db().prepare("SELECT COUNT(*) FROM audit WHERE action = 'checkin.backdated'");
    st.step();
    CHECK(st.i64(0) == 1);
    // The hand-typed day is older than the entry time: a later wall-clock scan compares with the
    // real write time, not with the typed one.
    CHECK(f.scanAt("2026-11-25T15:05")->outcome != Outcome::Accepted);  // lunch is closed at 15:05
    CHECK_FALSE(clockProblem(f.site->db(), f.clock.nowUnix()));
    CHECK(clockProblem(f.site->db(), f.clock.nowUnix() - 3600));
}

TEST_CASE("a fast clock set right is refused until staff confirm, then scans at once and lists the records ahead") {
    ClockFixture f;
    REQUIRE(importRoster(*f.site, "elder_id,name,birth_date\nE2,王秀英,1941-02-03\n", LocalDate::of(2026, 11, 1),
                         "2026-11-01T08:00:00+08:00", "test")
                .ok());
    // Two hours fast: a lunch recorded at 13:00 that was really 11:00.
    REQUIRE(f.scanAt("2026-11-24T13:00")->outcome == Outcome::Accepted);
    std::int64_t ahead = 1;
    // Set right: refused as closed.
    CHECK(f.scanAt("2026-11-24T11:00")->outcome == Outcome::Closed);
    f.clock.set(f.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-24T11:01")));
    auto c = confirmClock(*f.site, f.clock.nowUnix(), "李", "李");
    REQUIRE(c.ok());
    CHECK(c->records == std::vector<std::int64_t>{ahead});
    CHECK(c->confirmedAt.rfind("2026-11-24T11:01", 0) == 0);
    CHECK_FALSE(clockProblem(f.site->db(), f.clock.nowUnix()));
    f.clock.set(f.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-24T11:02")));
    CheckInEngine engine(*f.site, f.clock);
    auto r = engine.checkInManually(ElderId("E2"), ServiceId("lunch"), std::nullopt, false, "");
    REQUIRE(r.ok());
    CHECK(r->outcome == Outcome::Accepted);
    auto listed = clockCorrections(f.site->db());
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].records == std::vector<std::int64_t>{ahead});
    CHECK(listed[0].staff == "李");
    // A second confirmation lists nothing again (invariant 3) and is not shown as a correction.
    auto again = confirmClock(*f.site, f.clock.nowUnix(), "李", "李");
    REQUIRE(again.ok());
    CHECK(again->records.empty());
    CHECK(clockCorrections(f.site->db()).size() == 1);
    auto st = f.site->db().prepare("SELECT COUNT(*) FROM audit WHERE action = 'clock.confirm'");
    st.step();
    CHECK(st.i64(0) == 2);
}

TEST_CASE("a clock earlier than the site's creation cannot be confirmed") {
    ClockFixture f;
    auto c = confirmClock(*f.site, f.created - 60, "李", "李");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == "clock.before_site");
    auto st = f.site->db().prepare("SELECT COUNT(*) FROM clock_confirmations");
    st.step();
    CHECK(st.i64(0) == 0);
    CHECK(clockProblem(f.site->db(), f.created - 60));
}

// The store side of peers (contract 11): the feed import is one transaction and idempotent, elders
// missing here are kept as stubs, old databases migrate to origin keys, and the tally holds only this
// terminal's records while the posting, donations and policy see the whole site.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/donation_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/feed_store.hpp"
#include "shared/store/schema.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "support/test_hall.hpp"

using namespace mh;
using nlohmann::json;

namespace {

// One import as a pull makes it: a fresh allowance at this terminal's clock `now`.
FeedImport importAt(Database& db, std::int64_t now, const json& entries, const std::string& peer = "",
                    std::optional<std::int64_t> last = std::nullopt) {
    FeedStore feed(db);
    ImportGuard guard = feed.guard(now);
    return feed.importFeed(entries, guard, peer, last);
}

}  // namespace

TEST_CASE("an import killed halfway leaves nothing behind and the same page imports whole afterwards") {
    test::TestHall hall(2);
    for (const char* e : {"E1", "E2", "E3"}) REQUIRE(hall.scan(0, e).outcome == Outcome::Accepted);
    REQUIRE(hall.t[0]->engine->voidRecord(2, "刷错了人", "李").ok());
    FeedPage page = FeedStore(hall.t[0]->site->db()).readAfter(0, 100);
    // The roster import's audit entry, three records, a void and its audit entry.
    CHECK(page.entries.size() == 6);
    CHECK(page.last == page.newest);

    Database& b = hall.t[1]->site->db();
    const std::int64_t seqBefore = FeedStore(b).newestSeq();
    json broken = page.entries;
    broken.push_back(json{{"kind", "checkin"}, {"terminal", hall.t[0]->id}, {"record", 99}});  // dies here
    CHECK_THROWS(importAt(b, hall.clock.nowUnix(), broken, hall.t[0]->id, page.last));
    CHECK(hall.t[1]->recordKeys().empty());
    CHECK(FeedStore(b).cursor(hall.t[0]->id) == 0);
    CHECK(FeedStore(b).newestSeq() == seqBefore);

    FeedImport first = importAt(b, hall.clock.nowUnix(), page.entries, hall.t[0]->id, page.last);
    CHECK(first.added == 6);
    CHECK(first.arrived.size() == 3);
    CHECK(FeedStore(b).cursor(hall.t[0]->id) == page.last);
    CHECK(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
    FeedImport again = importAt(b, hall.clock.nowUnix(), page.entries, hall.t[0]->id, page.last);
    CHECK(again.added == 0);
    CHECK(again.already == 6);
    CHECK(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
    // What each rule paid travels with the record.
    auto rec = CheckinStore(b).forDay("2026-11-25");
    REQUIRE(rec.size() == 3);
    CHECK(rec[0].rules == CheckinStore(hall.t[0]->site->db()).forDay("2026-11-25")[0].rules);
    CHECK_FALSE(rec[0].rules.empty());
}

TEST_CASE("a record of an elder missing from this roster is kept with a stub elder who cannot scan here") {
    test::TestHall hall(2);
    REQUIRE(importRoster(*hall.t[0]->site, "elder_id,name,birth_date\nE9,孙秀珍,1941-02-02\n",
                         LocalDate::of(2026, 11, 25), "2026-11-25T09:00:00+08:00", "test")
                .ok());
    REQUIRE(hall.scan(0, "E9").outcome == Outcome::Accepted);
    hall.syncAll();
    CHECK(hall.t[1]->recordKeys().size() == 1);
    auto stub = ElderStore(hall.t[1]->site->db()).byElderId(ElderId("E9"));
    REQUIRE(stub);
    CHECK(stub->name == "孙秀珍");
    CHECK_FALSE(stub->active);
    // Not on this terminal's roster: told to see staff, and nothing is recorded.
    CHECK(hall.scan(1, "E9").outcome == Outcome::Unknown);
    // The roster brings the elder: the stub is filled in.
    REQUIRE(importRoster(*hall.t[1]->site, "elder_id,name,birth_date\nE9,孙秀珍,1941-02-02\n",
                         LocalDate::of(2026, 11, 25), "2026-11-25T09:00:00+08:00", "test")
                .ok());
    CHECK(ElderStore(hall.t[1]->site->db()).byElderId(ElderId("E9"))->active);
}

TEST_CASE("each terminal's tally holds only its own records while posting, donations and policy see the site") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    REQUIRE(hall.scan(1, "E2").outcome == Outcome::Accepted);
    REQUIRE(hall.scan(1, "E4").outcome == Outcome::Accepted);
    DonationRequest gift{"北关农贸公司", 200000_fen, std::nullopt, "", true, "test"};
    REQUIRE(recordDonation(hall.t[0]->site->db(), gift, LocalDate::of(2026, 11, 25), "2026-11-25T11:31:00+08:00").ok());
    hall.syncAll();

    for (int i = 0; i < 2; ++i) {
        CAPTURE(i);
        Site& site = *hall.t[size_t(i)]->site;
        auto own = CheckinStore(site.db()).ownForDay("2026-11-25");
        CHECK(own.size() == size_t(i == 0 ? 1 : 2));
        for (const auto& r : own) CHECK(r.originTerminal == hall.t[size_t(i)]->id);
        CHECK(CheckinStore(site.db()).forDay("2026-11-25").size() == 3);
        // The frozen upload body is this terminal's alone.
        std::int64_t evening = site.timeZone().toUnix(*LocalDateTime::parse("2026-11-25T21:00"));
        CHECK(UploadOutbox(site).freezeDay(LocalDate::of(2026, 11, 25), evening) == 1);
        auto body = site.db().prepare("SELECT body FROM upload_outbox WHERE day = '2026-11-25'");
        REQUIRE(body.step());
        json tally = json::parse(body.text(0));
        CHECK(tally["terminal"] == hall.t[size_t(i)]->id);
        CHECK(tally["records"].size() == own.size());
        // The posting and the donation balance count the whole site.
        MonthlyFigures f = loadMonthlyFigures(site, 2026, 11);
        CHECK(f.meals == 3);
        CHECK(f.donationsFen == 200000_fen);
        CHECK(DonationStore(site.db()).balance(LocalDate::of(2026, 11, 25)).receivedFen == 200000_fen);
        // Policy limits count every origin.
        CHECK(CheckinStore(site.db()).countedForElder(ElderId("E1"), "2026-11-01", "2026-11-30").size() == 1);
    }
}

TEST_CASE("a database from before terminals knew each other migrates with this terminal as every row's origin") {
    test::TempDir dir;
    auto file = dir.path() / "old.db";
    const auto& steps = schemaMigrations();
    size_t before = 0;
    while (before < steps.size() && steps[before].find("CREATE TABLE feed(") == std::string::npos) ++before;
    REQUIRE(before < steps.size());
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
        auto exec = [&](const std::string& sql) {
            char* err = nullptr;
            int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err);
            CHECK_MESSAGE(rc == SQLITE_OK, (err ? err : ""));
            sqlite3_free(err);
        };
        for (size_t i = 0; i < before; ++i) exec(steps[i] + "; PRAGMA user_version=" + std::to_string(i + 1));
        exec("INSERT INTO elders(elder_id, name, updated_at) VALUES ('E1', '张桂兰', 't')");
        exec("INSERT INTO checkins(record_id, elder_id, service, service_kind, day, at, price_fen, government_fen,"
             " collective_fen, donation_fen, family_fen, elder_fen, source, voided) VALUES"
             " (7, 'E1', 'lunch', 'meal', '2026-11-24', '2026-11-24T11:32:00+08:00', 1000, 0, 0, 0, 0, 1000, 'card', 1),"
             " (9, 'E1', 'lunch', 'meal', '2026-11-24', '2026-11-24T11:40:00+08:00', 1000, 0, 0, 0, 0, 1000, 'card', 0)");
        exec("INSERT INTO voids(record_id, at, staff, reason) VALUES (7, '2026-11-24T11:35:00+08:00', '李', '刷错了人')");
        exec("INSERT INTO audit(at, actor, action) VALUES ('2026-11-24T11:35:00+08:00', '李', 'checkin.void')");
        exec("INSERT INTO donations(donor, amount_fen, day, named, recorded_at) VALUES ('北关农贸公司', 200000, '2026-11-01', 1, 't')");
        sqlite3_close(raw);
    }
    Database d = Database::open(file);
    CHECK(d.schemaVersion() == int(steps.size()));
    std::string me;
    {
        auto st = d.prepare("SELECT terminal_id FROM terminal");
        REQUIRE(st.step());
        me = st.text(0);
    }
    auto count = [&](const std::string& sql) {
        auto st = d.prepare(sql);
        st.step();
        return st.i64(0);
    };
    CHECK(count("SELECT COUNT(*) FROM checkins WHERE origin_terminal = '" + me + "' AND origin_record = record_id") == 2);
    CHECK(count("SELECT COUNT(*) FROM voids WHERE record_terminal = '" + me + "' AND record_origin = 7 AND origin_terminal = '" +
                me + "'") == 1);
    CHECK(count("SELECT COUNT(*) FROM audit WHERE origin_terminal = '" + me + "'") == 1);
    CHECK(count("SELECT COUNT(*) FROM donations WHERE origin_terminal = '" + me + "'") == 1);
    CHECK(count("SELECT COUNT(*) FROM feed") == 5);
    // The feed lists the void after its record, and new rows go on from there.
    FeedPage page = FeedStore(d).readAfter(0, 10);
    REQUIRE(page.entries.size() == 5);
    CHECK(page.entries[0]["record"] == 7);
    CHECK(page.entries[2]["kind"] == "void");
    CHECK(page.entries[2]["record_origin"] == 7);
    // The origin columns can never change, and one terminal still cannot count a lunch twice.
    CHECK_THROWS_AS(d.exec("UPDATE checkins SET origin_record = 8 WHERE record_id = 9"), StoreError);
    CHECK_THROWS_AS(d.exec("INSERT INTO checkins(elder_id, service, service_kind, day, at, price_fen, government_fen,"
                           " collective_fen, donation_fen, family_fen, elder_fen, source, origin_terminal, origin_record)"
                           " VALUES ('E1', 'lunch', 'meal', '2026-11-24', '2026-11-24T12:00:00+08:00', 1000, 0, 0, 0, 0,"
                           " 1000, 'card', '" + me + "', 10)"),
                    StoreError);
    // ...while another terminal's record of the same lunch is storable (a double to flag).
    d.exec("INSERT INTO checkins(elder_id, service, service_kind, day, at, price_fen, government_fen,"
           " collective_fen, donation_fen, family_fen, elder_fen, source, origin_terminal, origin_record)"
           " VALUES ('E1', 'lunch', 'meal', '2026-11-24', '2026-11-24T12:00:00+08:00', 1000, 0, 0, 0, 0,"
           " 1000, 'card', 'zzzzzzzz', 3)");
    CHECK(count("SELECT COUNT(*) FROM feed") == 6);
    CheckinRecord next;
    next.elderId = ElderId("E1");
    next.service = ServiceId("dinner");
    next.serviceKind = "meal";
    next.day = "2026-11-24";
    next.at = "2026-11-24T17:00:00+08:00";
    next.priceFen = 800_fen;
    next.shares.elder = 800_fen;
    next.source = "card";
    Transaction tx(d);
    std::int64_t id = CheckinStore(d).insert(next);
    tx.commit();
    CHECK(id == 11);
    CHECK(CheckinStore(d).byId(id)->originRecord == 11);
    CHECK(CheckinStore(d).byId(id)->originTerminal == me);
}

TEST_CASE("a peer's record written by a clock a few minutes ahead does not make this terminal refuse scans") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(1, "E2").outcome == Outcome::Accepted);
    json e = FeedStore(hall.t[1]->site->db()).checkinEntry(1);
    e["record"] = 2;
    e["elder_id"] = "E4";
    e["at"] = "2026-11-25T11:38:00+08:00";  // eight minutes ahead of this terminal's 11:30: believed
    json later = e;
    later["record"] = 3;
    later["elder_id"] = "E5";
    later["at"] = "2026-11-25T11:42:00+08:00";  // twelve minutes ahead: held aside until this clock gets there
    FeedImport got = importAt(hall.t[0]->site->db(), hall.clock.nowUnix(), json::array({e, later}));
    CHECK(got.added == 1);
    CHECK(got.held == 1);
    CHECK(FeedStore(hall.t[0]->site->db()).heldFuture() == 1);
    CHECK(hall.scan(0, "E1").outcome == Outcome::Accepted);
    // Three minutes on, 11:42 is within ten minutes of this clock: the next import brings it in.
    hall.clock.advance(3 * 60);
    FeedImport next = importAt(hall.t[0]->site->db(), hall.clock.nowUnix(), json::array());
    CHECK(next.released == 1);
    CHECK(FeedStore(hall.t[0]->site->db()).heldFuture() == 0);
    CHECK(CheckinStore(hall.t[0]->site->db()).forDay("2026-11-25").size() == 3);
    CHECK(hall.scan(0, "E3").outcome == Outcome::Accepted);
}

TEST_CASE("this terminal's own id from a peer: its own records come back as already, one it never wrote is refused") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E2").outcome == Outcome::Accepted);
    json e = FeedStore(hall.t[0]->site->db()).checkinEntry(1);
    FeedImport back = importAt(hall.t[0]->site->db(), hall.clock.nowUnix(), json::array({e}));
    CHECK(back.already == 1);
    CHECK(back.refused == 0);
    // A record "of this terminal" it does not have was made up by whoever sent it (a restored
    // database writes under a fresh terminal id, contract 11).
    e["record"] = 40;
    e["elder_id"] = "E4";
    FeedImport lie = importAt(hall.t[0]->site->db(), hall.clock.nowUnix(), json::array({e}));
    CHECK(lie.refused == 1);
    CHECK(lie.added == 0);
    ScanResult r = hall.scan(0, "E1");
    CHECK(r.outcome == Outcome::Accepted);
    CHECK(r.recordId == 2);
    CHECK(CheckinStore(hall.t[0]->site->db()).ownForDay("2026-11-25").size() == 2);
}

TEST_CASE("a terminal killed in the middle of an import keeps nothing of it and imports it whole next time") {
    test::TestHall hall(2);
    for (const char* e : {"E1", "E2", "E3", "E4", "E5"}) REQUIRE(hall.scan(0, e).outcome == Outcome::Accepted);
    FeedPage page = FeedStore(hall.t[0]->site->db()).readAfter(0, 100);
    const auto file = hall.t[1]->dir.path() / kSiteDb;
    const auto before = hall.t[1]->recordKeys();
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child imports on its own connection and dies (no unwinding, no rollback) inside the
        // transaction, right after the third of the five records is written.
        Database d = Database::open(file);
        sqlite3_create_function(d.handle(), "die_now", 0, SQLITE_UTF8, nullptr,
                                [](sqlite3_context*, int, sqlite3_value**) { _exit(9); }, nullptr, nullptr);
        d.exec("CREATE TEMP TRIGGER die_mid_import AFTER INSERT ON main.checkins"
               " WHEN (SELECT COUNT(*) FROM main.checkins WHERE origin_terminal = '" + hall.t[0]->id + "') = 3"
               " BEGIN SELECT die_now(); END");
        try {
            importAt(d, hall.clock.nowUnix(), page.entries, hall.t[0]->id, page.last);
        } catch (...) {
        }
        _exit(0);  // not reached when the kill worked
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 9);  // it died mid-import
    Database d = Database::open(file);
    CHECK(d.quickCheck() == "ok");
    CHECK(FeedStore(d).cursor(hall.t[0]->id) == 0);
    CHECK(hall.t[1]->recordKeys() == before);
    FeedImport got = importAt(d, hall.clock.nowUnix(), page.entries, hall.t[0]->id, page.last);
    CHECK(got.arrived.size() == 5);
    CHECK(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
}

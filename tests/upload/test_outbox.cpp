// The outbox without a network: what is frozen when, revisions after corrections, and clocks that jump.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "shared/store/schema.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "shared/upload/upload_status.hpp"
#include "upload/upload_fixture.hpp"

using namespace mh;
using namespace mh::test;

namespace {
std::vector<std::string> pendingKeys(UploadOutbox& box) {
    std::vector<std::string> out;
    for (const auto& e : box.pending()) out.push_back(e.day + "/" + std::to_string(e.revision));
    return out;
}
}  // namespace

TEST_CASE("a past day with records is pending — today waits for end_of_day — empty days are not") {
    UploadSite s("");
    s.lunches(D("2026-11-20"), 3);
    s.lunches(D("2026-11-22"), 2);
    UploadOutbox box(*s.site);

    CHECK(box.freezeDue(s.at(D("2026-11-22"), 19, 59)) == 1);
    CHECK(pendingKeys(box) == std::vector<std::string>{"2026-11-20/1"});
    CHECK(box.freezeDue(s.at(D("2026-11-22"), 20, 0)) == 1);  // end_of_day 20:00 (default)
    CHECK(pendingKeys(box) == std::vector<std::string>{"2026-11-20/1", "2026-11-22/1"});

    // The frozen body is the contract-8 tally of that day, with its revision.
    auto body = nlohmann::json::parse(box.pending().front().body);
    CHECK(body["date"] == "2026-11-20");
    CHECK(body["revision"] == 1);
    CHECK(body["site_id"] == "141022-001");
    CHECK(body["records"].size() == 3);
}

TEST_CASE("freezing again without a change makes no new revision") {
    UploadSite s("");
    s.lunches(D("2026-11-20"), 3);
    UploadOutbox box(*s.site);
    CHECK(box.freezeDue(s.at(D("2026-11-21"), 8, 0)) == 1);
    CHECK(box.freezeDue(s.at(D("2026-11-21"), 9, 0)) == 0);
    CHECK(box.freezeDay(D("2026-11-20"), s.at(D("2026-11-21"), 10, 0)) == 0);  // generated_at differs, content not
    CHECK(box.pending().size() == 1);
}

TEST_CASE("a void of a frozen, unsent day makes revision 2, which replaces revision 1") {
    UploadSite s("");
    std::int64_t last = s.lunches(D("2026-11-20"), 3);
    UploadOutbox box(*s.site);
    box.freezeDue(s.at(D("2026-11-21"), 8, 0));
    CheckInEngine engine(*s.site, s.clock);
    REQUIRE(engine.voidRecord(last, "刷错了", "王姐").ok());
    CHECK(box.freezeDue(s.at(D("2026-11-21"), 9, 0)) == 1);
    auto p = box.pending();
    REQUIRE(p.size() == 1);
    CHECK(p[0].revision == 2);
    auto body = nlohmann::json::parse(p[0].body);
    CHECK(body["records"].size() == 2);
    CHECK(body["services"][1]["voided"] == 1);  // lunch is the second service of the test policy
}

TEST_CASE("a late delivered meal after delivery makes the next revision pending") {
    UploadSite s("", 6);
    s.lunches(D("2026-11-20"), 3);
    UploadOutbox box(*s.site);
    box.freezeDue(s.at(D("2026-11-21"), 8, 0));
    box.markDelivered(box.pending().front(), 201, "2026-11-21T08:00:01+08:00");
    CHECK(box.pending().empty());
    // Recorded a day late by staff: elder 4's delivered lunch of the 20th.
    CheckInEngine engine(*s.site, s.clock);
    REQUIRE(engine.checkInManually(ElderId("E004"), ServiceId("lunch"), LocalDateTime{D("2026-11-20"), 12, 0, 0}, true, "王姐")->accepted());
    CHECK(box.freezeDue(s.at(D("2026-11-21"), 15, 0)) == 1);
    auto p = box.pending();
    REQUIRE(p.size() == 1);
    CHECK(p[0].revision == 2);
    auto body = nlohmann::json::parse(p[0].body);
    CHECK(body["services"][1]["count"] == 4);
    CHECK(body["services"][1]["delivered"] == 1);
    CHECK(readUploadStatus(*s.site).daysPending == 1);
    CHECK(readUploadStatus(*s.site).lastSuccessAt == "2026-11-21T08:00:01+08:00");
}

TEST_CASE("a clock that jumps forward freezes each skipped day on its own") {
    UploadSite s("");
    for (auto d : {"2026-11-02", "2026-11-03", "2026-11-05"}) s.lunches(D(d), 2);
    UploadOutbox box(*s.site);
    s.clock.set(s.at(D("2026-11-02"), 12, 0));
    CHECK(box.freezeDue(s.clock.nowUnix()) == 0);
    s.clock.set(s.at(D("2026-11-09"), 7, 0));  // the terminal was off for a week, or its clock leapt
    CHECK(box.freezeDue(s.clock.nowUnix()) == 3);
    CHECK(pendingKeys(box) == std::vector<std::string>{"2026-11-02/1", "2026-11-03/1", "2026-11-05/1"});
}

TEST_CASE("a clock that jumps back neither merges nor skips days") {
    UploadSite s("");
    s.lunches(D("2026-11-10"), 2);
    s.lunches(D("2026-11-11"), 3);
    UploadOutbox box(*s.site);
    s.clock.set(s.at(D("2026-11-11"), 9, 0));
    CHECK(box.freezeDue(s.clock.nowUnix()) == 1);  // the 10th only; the 11th is still today
    s.clock.set(s.at(D("2026-11-03"), 21, 0));      // NTP sets the clock back a week
    CHECK(box.freezeDue(s.clock.nowUnix()) == 0);   // the 11th is "the future": not frozen early
    CHECK(pendingKeys(box) == std::vector<std::string>{"2026-11-10/1"});  // the 10th stays pending
    // Lunches recorded under the wrong clock go to their own (wrong) day, never into another day's tally.
    s.lunches(D("2026-11-03"), 1);
    CHECK(box.freezeDue(s.at(D("2026-11-03"), 21, 0)) == 1);
    s.clock.set(s.at(D("2026-11-12"), 8, 0));       // the clock is right again
    CHECK(box.freezeDue(s.clock.nowUnix()) == 1);
    CHECK(pendingKeys(box) == std::vector<std::string>{"2026-11-03/1", "2026-11-10/1", "2026-11-11/1"});
    for (const auto& e : box.pending()) {
        auto body = nlohmann::json::parse(e.body);
        CHECK(body["date"] == e.day);
        for (const auto& r : body["records"]) CHECK(r["at"].get<std::string>().substr(0, 10) == e.day);
    }
}

TEST_CASE("the status for staff screens counts pending days and shows the oldest") {
    UploadSite s("");
    s.lunches(D("2026-11-20"), 1);
    s.lunches(D("2026-11-21"), 1);
    UploadOutbox box(*s.site);
    box.freezeDue(s.at(D("2026-11-22"), 8, 0));
    UploadStatus st = readUploadStatus(*s.site);
    CHECK_FALSE(st.configured);
    CHECK(st.daysPending == 2);
    CHECK(st.oldestPendingDay == "2026-11-20");
    CHECK(st.lastSuccessAt.empty());
}

TEST_CASE("the outbox migration sets aside v1 revisions still pending, so their days go up again as v2, and checks states") {
    UploadSite s("");
    s.lunches(D("2026-11-01"), 2);
    s.lunches(D("2026-11-02"), 1);
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    UploadOutbox box(*s.site);
    REQUIRE(box.freezeDue(s.clock.nowUnix()) == 2);
    box.markDelivered(box.pending()[0], 201, "2026-11-03T09:00:00+08:00");  // 11-01 went up before the update
    Database& db = s.site->db();
    // The table as it was before this migration: no refused columns, not STRICT, unchecked states.
    db.exec("ALTER TABLE upload_outbox RENAME TO old_outbox; "
            "CREATE TABLE upload_outbox AS SELECT day, revision, content_hash, body, frozen_at, state, attempts, "
            "next_attempt, last_status, delivered_at FROM old_outbox; DROP TABLE old_outbox; "
            "UPDATE upload_outbox SET body = replace(body, 'mealhall.tally.v2', 'mealhall.tally.v1')");
    const std::string* migration = nullptr;
    for (const auto& m : schemaMigrations())
        if (m.find("CREATE TABLE upload_outbox_v2") != std::string::npos) migration = &m;
    REQUIRE(migration);
    // The later rebuild that keys revisions by terminal (branch restore) comes after it, as in a real upgrade.
    const std::string* byTerminal = nullptr;
    for (const auto& m : schemaMigrations())
        if (m.find("CREATE TABLE upload_outbox_v3") != std::string::npos) byTerminal = &m;
    REQUIRE(byTerminal);
    {
        Transaction tx(db);
        db.exec(*migration);
        db.exec(*byTerminal);
        tx.commit();
    }
    CHECK(box.pending().empty());  // the v1 revision of 11-02 is superseded ...
    CHECK(box.freezeDue(s.clock.nowUnix()) == 1);  // ... and 11-02 alone is frozen again, as v2
    auto pending = box.pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].day == "2026-11-02");
    CHECK(pending[0].revision == 2);
    CHECK(pending[0].body.find("mealhall.tally.v2") != std::string::npos);
    CHECK_THROWS_AS(db.exec("UPDATE upload_outbox SET state = 'lost' WHERE day = '2026-11-01'"), StoreError);
    CHECK_THROWS_AS(db.exec("UPDATE upload_outbox SET attempts = 'many' WHERE day = '2026-11-01'"), StoreError);  // STRICT
}

// The policy through the check-in engine and the database: what each rule paid is stored per record,
// caps and limits are counted from the stored records, a void frees them, and the tally counts a
// record under every rule that paid part of it. Threads with their own connections race for a cap.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <thread>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "shared/core/money_json.hpp"
#include "shared/policy/policy_explain.hpp"
#include "shared/reports/day_tally.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/schema.hpp"
#include "shared/tally/tally_json.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

const std::string kPolicy = R"(
[site]
id = "141022-009"
name = "测试食堂"

[[service]]
id = "breakfast"
name = "早餐"
price_fen = 300

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000

[[service]]
id = "dinner"
name = "晚餐"
price_fen = 800

[[rule]]
name = "养老服务补贴"
categories = ["kunnan"]
government_fen = 300
month_cap_fen = 700

[[rule]]
name = "护理补贴"
group = "care"
all_categories = ["kunnan", "shineng"]
collective_fen = 200
)";

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<Site> site;
    FakeClock clock;
    Fixture() {
        site = test::makeSite(dir.path(), kPolicy);
        auto r = importRoster(*site,
                              "elder_id,name,birth_date,categories,village\n"
                              "E1,张桂兰,1940-01-01,kunnan|shineng,北关村\n"
                              "E2,王秀英,1940-01-01,kunnan,北关村\n",
                              LocalDate::of(2026, 11, 1), "2026-11-01T08:00:00+08:00", "test");
        REQUIRE(r.ok());
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-30T20:00")));
    }
    ScanResult checkIn(Site& s, const std::string& elder, const std::string& service, const std::string& at) {
        CheckInEngine engine(s, clock);
        auto r = engine.checkInManually(ElderId(elder), ServiceId(service), LocalDateTime::parse(at), false, "测试");
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return *r;
    }
};

}  // namespace

TEST_CASE("a record paid by two rules keeps both, and the tally counts it under each") {
    Fixture f;
    // E1: 养老服务补贴 300 (government) + 护理补贴 200 (collective); pays 500 of a 10-yuan lunch.
    ScanResult r = f.checkIn(*f.site, "E1", "lunch", "2026-11-02T11:30");
    REQUIRE(r.accepted());
    CHECK(r.rules == std::vector<std::string>{"养老服务补贴", "护理补贴"});
    CHECK(r.rule == "养老服务补贴");
    CHECK(*r.shares == Shares{300_fen, 200_fen, 0_fen, 0_fen, 500_fen});
    auto json = scanResultJson(r, false);
    CHECK(json["rules"] == nlohmann::json::array({"养老服务补贴", "护理补贴"}));
    CHECK(json["rule"] == "养老服务补贴");
    // E2: one rule.
    f.checkIn(*f.site, "E2", "lunch", "2026-11-02T11:31");
    CheckinStore store(f.site->db());
    auto day = store.forDay("2026-11-02");
    REQUIRE(day.size() == 2);
    CHECK(day[0].rules == std::vector<RulePaid>{{"养老服务补贴", {300_fen, 0_fen, 0_fen, 0_fen, 0_fen}}, {"护理补贴", {0_fen, 200_fen, 0_fen, 0_fen, 0_fen}}});
    DailyTally t = buildTally(f.site->config(), LocalDate::of(2026, 11, 2), day, 1, "");
    auto j = tallyJson(t);
    const auto& lunch = j["services"][1];
    REQUIRE(lunch["id"] == "lunch");
    CHECK(lunch["count"] == 2);
    CHECK(lunch["by_rule"]["养老服务补贴"] == 2);
    CHECK(lunch["by_rule"]["护理补贴"] == 1);
    CHECK(j["records"][0]["rules"] == nlohmann::json::array({"养老服务补贴", "护理补贴"}));
    CHECK(j["records"][1]["rules"] == nlohmann::json::array({"养老服务补贴"}));
}

TEST_CASE("the month cap is counted from the stored records, and a void frees its money") {
    Fixture f;
    // E2 (经济困难): 300, 300, then the 100 left of the 7-yuan cap, then nothing.
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-03T11:30").shares->government == 300_fen);
    ScanResult second = f.checkIn(*f.site, "E2", "lunch", "2026-11-04T11:30");
    CHECK(second.shares->government == 300_fen);
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-05T11:30").shares->government == 100_fen);
    ScanResult full = f.checkIn(*f.site, "E2", "lunch", "2026-11-06T11:30");
    CHECK(full.rules.empty());
    CHECK_FALSE(full.rule.has_value());
    CHECK(full.shares->elder == 1000_fen);
    CHECK_FALSE(scanResultJson(full, false).contains("rules"));
    // Voiding the second lunch frees its 300: the next lunch gets them back.
    CheckInEngine engine(*f.site, f.clock);
    REQUIRE(engine.voidRecord(*second.recordId, "刷错了", "李").ok());
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-07T11:30").shares->government == 300_fen);
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-08T11:30").shares->government == 0_fen);
    // December: a new cap.
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-12-01T11:30").shares->government == 300_fen);
}

TEST_CASE("threads with their own connections never pay past a monthly cap together") {
    Fixture f;
    // Eight connections each check E2 in for a different day of November at once: the 7-yuan cap
    // allows 300 + 300 + 100, whatever order the write locks are taken in.
    std::vector<std::thread> threads;
    std::vector<Fen> paid(8, Fen{-1});
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            auto site = Site::open(f.dir.path());
            if (!site) return;
            CheckInEngine engine(**site, f.clock);
            std::string at = "2026-11-1" + std::to_string(i) + "T11:30";
            auto r = engine.checkInManually(ElderId("E2"), ServiceId("lunch"), LocalDateTime::parse(at), false, "测试");
            if (r && r->accepted()) paid[size_t(i)] = r->shares->government;
        });
    for (auto& t : threads) t.join();
    Fen total;
    int subsidised = 0;
    for (Fen p : paid) {
        CHECK(p >= 0_fen);  // every check-in was recorded
        total += p;
        subsidised += p > 0_fen;
    }
    CHECK(total == 700_fen);
    CHECK(subsidised == 3);
}

TEST_CASE("records written before checkin_rules read as paid by their one rule with their shares") {
    test::TempDir dir;
    const auto& steps = schemaMigrations();
    size_t mine = 0;
    while (mine < steps.size() && steps[mine].find("CREATE TABLE checkin_rules") == std::string::npos) ++mine;
    REQUIRE(mine < steps.size());
    auto file = dir.path() / "old.db";
    {
        // A database as the kiosk left it just before this migration, with two old records.
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
        for (size_t i = 0; i < mine; ++i) REQUIRE(sqlite3_exec(raw, steps[i].c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        std::string old =
            "PRAGMA user_version=" + std::to_string(mine) + ";"
            "INSERT INTO elders(elder_id, name, updated_at) VALUES('E1', '张桂兰', 't');"
            "INSERT INTO checkins(elder_id, service, service_kind, day, at, rule, price_fen, government_fen, collective_fen,"
            " donation_fen, family_fen, elder_fen, source) VALUES"
            " ('E1', 'lunch', 'meal', '2026-11-02', '2026-11-02T11:30:00+08:00', '低保高龄', 1000, 600, 200, 0, 0, 200, 'card'),"
            " ('E1', 'dinner', 'meal', '2026-11-02', '2026-11-02T17:30:00+08:00', NULL, 800, 0, 0, 0, 0, 800, 'card');";
        REQUIRE(sqlite3_exec(raw, old.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    Database db = Database::open(file);
    CHECK(db.schemaVersion() == int(steps.size()));
    auto records = CheckinStore(db).forDay("2026-11-02");
    REQUIRE(records.size() == 2);
    CHECK(records[0].rules == std::vector<RulePaid>{{"低保高龄", {600_fen, 200_fen, 0_fen, 0_fen, 0_fen}}});
    CHECK(records[1].rules.empty());
    // The month's money of 低保高龄 counts the old record.
    auto history = CheckinStore(db).countedForElder(ElderId("E1"), "2026-11-01", "2026-11-30");
    REQUIRE(history.size() == 2);
    CHECK(history[0].rules.at(0).total() == 800_fen);
}

TEST_CASE("explain groups the rules that lost to one winner, and says a meal was already taken") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path(), R"(
[site]
id = "141022-009"
name = "测试食堂"

[policy]
pick = "highest"

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000

[[rule]]
name = "低保"
categories = ["dibao"]
government_fen = 400

[[rule]]
name = "高龄"
min_age = 80
government_fen = 300

[[rule]]
name = "低保高龄"
categories = ["dibao"]
min_age = 80
government_fen = 600
collective_fen = 200

[[rule]]
name = "北关村"
villages = ["南关村"]
government_fen = 100
group = "village"
)");
    REQUIRE(importRoster(*site, "elder_id,name,birth_date,categories,village\nE1,张桂兰,1940-01-01,dibao,北关村\n",
                         LocalDate::of(2026, 11, 1), "2026-11-01T08:00:00+08:00", "test")
                .ok());
    auto e = explainScan(*site, ElderId("E1"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-02T11:30"));
    REQUIRE(e.ok());
    CHECK(e->sentence ==
          "张*兰11月2日午餐10元：「低保高龄」补贴8元（政府6元、村集体2元），您付2元。「低保」「高龄」和「低保高龄」不重复享受，"
          "按就高原则享受「低保高龄」。");
    auto j = explanationJson(*e, site->config().policy);
    CHECK(j["matched"] == nlohmann::json::array({"低保", "高龄", "低保高龄"}));
    CHECK(j["details"][3]["status"] == "village");
    CHECK(j["details"][3]["why"] == "只适用于南关村");
    // Explaining wrote nothing; after a real check-in it says the meal was taken.
    CHECK(CheckinStore(site->db()).forDay("2026-11-02").empty());
    FakeClock clock(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-30T20:00")));
    REQUIRE(CheckInEngine(*site, clock).checkInManually(ElderId("E1"), ServiceId("lunch"), LocalDateTime::parse("2026-11-02T11:31"), false, "李").ok());
    e = explainScan(*site, ElderId("E1"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-02T12:00"));
    REQUIRE(e.ok());
    CHECK(e->alreadyToday);
    // The recorded use and its split, not a new scan (never 按原价付 for a subsidised use).
    CHECK(e->sentence == "张*兰11月2日的午餐已经签到过了（11:31）：10元，「低保高龄」补贴8元（政府6元、村集体2元），您付了2元。再刷会提示重复。");
    CHECK(explanationJson(*e, site->config().policy)["recorded"]["shares_fen"]["elder"] == 200);
    // An unknown elder and an unknown service are errors, not explanations.
    CHECK(explainScan(*site, ElderId("E9"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-02T12:00")).error().code == "explain.unknown");
    CHECK(explainScan(*site, ElderId("E1"), ServiceId("supper"), *LocalDateTime::parse("2026-11-02T12:00")).error().code == "usage.service");
}

TEST_CASE("policy explain says why nothing applies (no birth date) and what is left of a partly used month cap") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path(), R"(
[site]
id = "141022-009"
name = "测试食堂"

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000

[[rule]]
name = "高龄补贴"
min_age = 80
government_fen = 300
month_cap_fen = 800
)");
    REQUIRE(importRoster(*site, "elder_id,name,birth_date,categories,village\nE1,张桂兰,1940-01-01,,北关村\nE2,李秀英,,,北关村\n",
                         LocalDate::of(2026, 11, 1), "2026-11-01T08:00:00+08:00", "test")
                .ok());
    auto e = explainScan(*site, ElderId("E2"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-02T11:30"));
    REQUIRE(e.ok());
    CHECK(e->sentence == "李*英11月2日午餐10元：没有登记出生日期，年龄补贴不能用，请找工作人员补登，按原价付10元。");
    // 8元 a month at 3元 a meal: after one meal 5元 are left, after the second 2元.
    FakeClock clock(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-30T20:00")));
    CheckInEngine engine(*site, clock);
    REQUIRE(engine.checkInManually(ElderId("E1"), ServiceId("lunch"), LocalDateTime::parse("2026-11-02T11:31"), false, "李").ok());
    e = explainScan(*site, ElderId("E1"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-03T11:30"));
    REQUIRE(e.ok());
    CHECK(e->sentence == "张*兰11月3日午餐10元：「高龄补贴」补贴3元（政府3元），您付7元，「高龄补贴」本月还剩2元。");
    REQUIRE(engine.checkInManually(ElderId("E1"), ServiceId("lunch"), LocalDateTime::parse("2026-11-03T11:31"), false, "李").ok());
    e = explainScan(*site, ElderId("E1"), ServiceId("lunch"), *LocalDateTime::parse("2026-11-04T11:30"));
    REQUIRE(e.ok());
    CHECK(e->sentence == "张*兰11月4日午餐10元：「高龄补贴」补贴2元（政府2元），您付8元，「高龄补贴」本月额度用完了。");
    // Money that is not whole yuan keeps its two decimals.
    CHECK(yuanZh(250_fen) == "2.50元");
    CHECK(yuanZh(300_fen) == "3元");
}

TEST_CASE("operating subsidies: per meal fixed on the record, per elder-day in the tally to the earliest record this terminal has seen") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path(), R"(
[site]
id = "141022-009"
name = "测试食堂"

[[service]]
id = "breakfast"
name = "早餐"
price_fen = 300

[[service]]
id = "lunch"
name = "午餐"
price_fen = 1000
delivery_fen = 300

[[rule]]
name = "送餐补贴"
delivered = true
government_fen = 300

[[operating]]
name = "送餐运营补贴"
per = "meal"
delivered = true
fen = 200

[[operating]]
name = "每人每天运营补贴"
per = "elder_day"
fen = 300
)");
    REQUIRE(importRoster(*site, "elder_id,name,birth_date,categories,village\nE1,张桂兰,1940-01-01,,北关村\nE2,李秀英,1945-01-01,,北关村\n",
                         LocalDate::of(2026, 11, 1), "2026-11-01T08:00:00+08:00", "test")
                .ok());
    FakeClock clock(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-30T20:00")));
    CheckInEngine engine(*site, clock);
    auto lunch = engine.checkInManually(ElderId("E1"), ServiceId("lunch"), LocalDateTime::parse("2026-11-02T11:40"), true, "李");
    REQUIRE(lunch.ok());
    CHECK(lunch->priceFen == 1300_fen);  // delivered: price_fen + delivery_fen
    CHECK(lunch->shares->government == 300_fen);
    CHECK(lunch->shares->elder == 1000_fen);
    auto breakfast = engine.checkInManually(ElderId("E1"), ServiceId("breakfast"), LocalDateTime::parse("2026-11-02T07:30"), false, "李");
    REQUIRE(breakfast.ok());
    REQUIRE(engine.checkInManually(ElderId("E2"), ServiceId("breakfast"), LocalDateTime::parse("2026-11-02T07:50"), false, "李").ok());
    CHECK(CheckinStore(site->db()).byId(*lunch->recordId)->operatingFen == 200_fen);
    CHECK(CheckinStore(site->db()).byId(*breakfast->recordId)->operatingFen == 0_fen);
    // E2 also ate earlier at another terminal of the site: that terminal's record carries E2's 3元.
    site->db().exec(
        "INSERT INTO checkins(elder_id, service, service_kind, day, at, delivered, price_fen, government_fen, collective_fen,"
        " donation_fen, family_fen, elder_fen, source, origin_terminal, origin_record)"
        " VALUES('E2', 'lunch', 'meal', '2026-11-02', '2026-11-02T07:10:00+08:00', 0, 1000, 0, 0, 0, 0, 1000, 'card', 'peer0001', 1)");

    auto json = tallyJson(tallyOfDay(*site, LocalDate::of(2026, 11, 2), "2026-11-02T20:00:00+08:00"));
    std::map<std::int64_t, Fen> operating;
    for (const auto& r : json["records"]) operating[r["record_id"].get<std::int64_t>()] = r["operating_fen"].get<Fen>();
    CHECK(operating.size() == 3);
    CHECK(operating[*breakfast->recordId] == 300_fen);  // E1's earliest record of the day
    CHECK(operating[*lunch->recordId] == 200_fen);      // the delivered meal's own 2元 only
    for (const auto& [id, fen] : operating)
        if (id != *breakfast->recordId && id != *lunch->recordId) CHECK(fen == 0_fen);  // E2: the peer's record has it
    Fen services;
    for (const auto& s : json["services"]) services += s["operating_fen"].get<Fen>();
    CHECK(services == 500_fen);
    // A void moves the elder-day money to the next record at the next tally.
    REQUIRE(engine.voidRecord(*breakfast->recordId, "刷错了", "李").ok());
    json = tallyJson(tallyOfDay(*site, LocalDate::of(2026, 11, 2), "2026-11-02T20:00:00+08:00"));
    for (const auto& r : json["records"])
        if (r["record_id"] == *lunch->recordId) CHECK(r["operating_fen"] == 500);

    // The upload: a void of the peer's record moves E2's 3元 to this terminal's breakfast, so the
    // day is frozen again as a new revision carrying it (and only then).
    UploadOutbox outbox(*site);
    const std::int64_t nextMorning = site->timeZone().toUnix(*LocalDateTime::parse("2026-11-03T09:00"));
    CHECK(outbox.freezeDue(nextMorning) == 1);
    CHECK(outbox.freezeDue(nextMorning) == 0);
    auto peer = site->db().prepare("SELECT record_id FROM checkins WHERE origin_terminal = 'peer0001'");
    REQUIRE(peer.step());
    const std::int64_t peerRecord = peer.i64(0);
    {
        Transaction tx(site->db());
        CheckinStore(site->db()).markVoided(peerRecord, "2026-11-02T21:00:00+08:00", "王", "另一台机器刷错了");
        tx.commit();
    }
    CHECK(outbox.freezeDue(nextMorning) == 1);
    auto pending = outbox.pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].revision == 2);
    Fen e2{-1};
    const auto body = nlohmann::json::parse(pending[0].body);
    for (const auto& r : body["records"])
        if (r["elder_id"] == "E2") e2 = r["operating_fen"].get<Fen>();
    CHECK(e2 == 300_fen);
}

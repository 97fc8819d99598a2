// The check-in engine end to end on a real site directory: outcomes, precedence, money, voids.
#include <doctest/doctest.h>

#include <random>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/tally/tally_json.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<Site> site;
    FakeClock clock;
    std::unique_ptr<CheckInEngine> engine;
    std::string idDibao80 = test::makeIdNumber("19400102", 11);   // 低保, 86
    std::string idYoung = test::makeIdNumber("19600607", 12);     // 66, no category

    explicit Fixture(const std::string& extraToml = "") {
        site = test::makeSite(dir.path(), test::standardToml(extraToml));
        auto r = importRoster(*site,
                              "elder_id,name,id_number,birth_date,categories,card_serial,legacy_card\n"
                              "E1,张桂兰," + idDibao80 + ",,dibao,1,\n"
                              "E2,王秀英," + idYoung + ",,,1,OLD-0002\n"
                              "E3,李淑珍,,1930-05-05,tekun,3,\n"
                              "E4,刘玉兰,,1950-01-01,,1,\n",
                              LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
        REQUIRE(r.ok());
        REQUIRE(r->rejected.empty());
        clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:30")));
        engine = std::make_unique<CheckInEngine>(*site, clock);
    }
    std::string card(const std::string& elder, const std::string& serial) {
        return signCard({elder, serial}, site->keys().card.sec);
    }
    ScanResult scan(const std::string& payload, const std::string& service = "lunch",
                    std::optional<std::string> at = std::nullopt, bool delivered = false) {
        std::optional<LocalDateTime> when;
        if (at) when = LocalDateTime::parse(*at);
        auto r = engine->scan({payload, ServiceId(service), when, delivered});
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return *r;
    }
};

}  // namespace

TEST_CASE("a signed card checks in for lunch with the policy's shares and a polite sentence") {
    Fixture f;
    ScanResult r = f.scan(f.card("E1", "1"));
    CHECK(r.outcome == Outcome::Accepted);
    REQUIRE(r.recordId);
    CHECK(r.maskedName == "张*兰");
    CHECK(r.rule == "低保高龄");
    CHECK(r.priceFen == 1000_fen);
    CHECK(r.shares == Shares{600_fen, 200_fen, 0_fen, 0_fen, 200_fen});
    CHECK(r.message == "张*兰，午餐签到成功，请付2元");
    CHECK(r.at == "2026-11-25T11:30:00+08:00");

    auto j = scanResultJson(r, false);
    CHECK(j["outcome"] == "accepted");
    CHECK(j["name"] == "张*兰");
    CHECK(j["shares_fen"].size() == 5);
    CHECK(j["shares_fen"]["elder"] == 200);
    CHECK(j.dump().find("张桂兰") == std::string::npos);
}

TEST_CASE("an ID number from the card reader finds the elder by its keyed hash") {
    Fixture f;
    ScanResult r = f.scan(f.idDibao80);
    CHECK(r.outcome == Outcome::Accepted);
    CHECK(r.elderId.str() == "E1");
    std::string lower = f.idYoung;  // a reader may send the X in lower case, or add spaces
    CHECK(f.scan("  " + lower + "\r\n").elderId.str() == "E2");
}

TEST_CASE("an elder whom no rule covers pays full price — a free service has no rule and no money") {
    Fixture f;
    ScanResult full = f.scan(f.card("E4", "1"));
    CHECK(full.outcome == Outcome::Accepted);
    CHECK_FALSE(full.rule.has_value());
    CHECK(full.shares == Shares{0_fen, 0_fen, 0_fen, 0_fen, 1000_fen});
    CHECK(full.message == "刘*兰，午餐签到成功，请付10元");
    ScanResult health = f.scan(f.card("E4", "1"), "health");
    CHECK(health.outcome == Outcome::Accepted);
    CHECK(health.priceFen == 0_fen);
    CHECK(health.message == "刘*兰，助医签到成功");
    ScanResult tekun = f.scan(f.card("E3", "3"));
    CHECK(tekun.message == "李*珍，午餐签到成功，本次免费");
}

TEST_CASE("one lunch per elder per day: the second scan is a polite duplicate that writes nothing") {
    Fixture f;
    CHECK(f.scan(f.card("E1", "1")).accepted());
    ScanResult again = f.scan(f.idDibao80);  // the same elder with the ID card
    CHECK(again.outcome == Outcome::Duplicate);
    CHECK_FALSE(again.recordId);
    CHECK(again.message.find("已经签到过午餐") != std::string::npos);
    CHECK(CheckinStore(f.site->db()).forDay("2026-11-25").size() == 1);
    // Breakfast is another service: not a duplicate (but closed at 11:30).
    CHECK(f.scan(f.card("E1", "1"), "breakfast").outcome == Outcome::Closed);
    CHECK(f.scan(f.card("E1", "1"), "breakfast", "2026-11-25T08:00").accepted());
}

TEST_CASE("the service window: open at opens, closed at closes") {
    Fixture f;
    CHECK(f.scan(f.card("E1", "1"), "lunch", "2026-11-25T10:29").outcome == Outcome::Closed);
    ScanResult closed = f.scan(f.card("E1", "1"), "lunch", "2026-11-25T13:30");
    CHECK(closed.outcome == Outcome::Closed);
    CHECK(closed.message.find("10:30") != std::string::npos);
    CHECK(f.scan(f.card("E1", "1"), "lunch", "2026-11-25T10:30").accepted());
    CHECK(f.scan(f.card("E2", "1"), "lunch", "2026-11-25T13:29").accepted());
}

TEST_CASE("the day is the site's local day: 23:59 and 00:01 are two days") {
    Fixture f;
    // health is open all day; the clock is set in UTC terms by the site time zone.
    f.clock.set(f.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T23:59")));
    ScanResult late = f.scan(f.card("E1", "1"), "health");
    CHECK(late.accepted());
    f.clock.advance(120);
    ScanResult early = f.scan(f.card("E1", "1"), "health");
    CHECK(early.accepted());
    CHECK(CheckinStore(f.site->db()).forDay("2026-11-25").size() == 1);
    CHECK(CheckinStore(f.site->db()).forDay("2026-11-26").size() == 1);
    f.clock.advance(60);
    CHECK(f.scan(f.card("E1", "1"), "health").outcome == Outcome::Duplicate);
}

TEST_CASE("unknown, invalid and revoked cards are refused without writing") {
    Fixture f;
    CHECK(f.scan(f.card("E99", "1")).outcome == Outcome::Unknown);
    CHECK(f.scan(test::makeIdNumber("19450101", 99)).outcome == Outcome::Unknown);
    CHECK(f.scan(f.card("E3", "2")).outcome == Outcome::Revoked);  // E3's card is serial 3 now
    ScanResult wrongDigit = f.scan("110105194912310021");
    CHECK(wrongDigit.outcome == Outcome::Invalid);
    CHECK(wrongDigit.message.find("校验位") != std::string::npos);
    CHECK(f.scan("").outcome == Outcome::Invalid);
    CHECK(f.scan("hello world").outcome == Outcome::Invalid);
    CHECK(f.scan("OLD-0002").outcome == Outcome::Invalid);  // unsigned cards not allowed by default
    CHECK(f.scan(std::string(100000, 'A')).outcome == Outcome::Invalid);
    CHECK(CheckinStore(f.site->db()).forDay("2026-11-25").empty());
}

TEST_CASE("a tampered card or one signed by an untrusted key is invalid — a trusted issuer's card works") {
    CardKeyPair other = CardKeyPair::generate();
    Fixture f("[cards]\ntrusted_keys = []\n");
    std::string good = f.card("E1", "1");
    std::string tampered = good;
    tampered.replace(4, 2, "E2");  // claim another elder under E1's signature
    CHECK(f.scan(tampered).outcome == Outcome::Invalid);
    CHECK(f.scan(signCard({"E1", "1"}, other.sec)).outcome == Outcome::Invalid);
    CHECK(f.scan(good.substr(0, good.size() - 3)).outcome == Outcome::Invalid);

    Fixture trusting("[cards]\ntrusted_keys = [\"" + base32Encode(other.pub.data(), other.pub.size()) + "\"]\n");
    CHECK(trusting.scan(signCard({"E1", "1"}, other.sec)).accepted());
}

TEST_CASE("legacy card numbers work only where the site allows unsigned cards") {
    Fixture f("[cards]\nallow_unsigned = true\n");
    ScanResult r = f.scan("OLD-0002");
    CHECK(r.accepted());
    CHECK(r.elderId.str() == "E2");
    CHECK(f.scan("OLD-9999").outcome == Outcome::Unknown);
}

TEST_CASE("outcome precedence follows contract 7") {
    Fixture f;
    REQUIRE(f.scan(f.card("E3", "3")).accepted());
    // A lost card (old serial) after a meal, outside the window: revoked beats closed and duplicate.
    CHECK(f.scan(f.card("E3", "2"), "lunch", "2026-11-25T15:00").outcome == Outcome::Revoked);
    // A duplicate outside the window is closed.
    CHECK(f.scan(f.card("E3", "3"), "lunch", "2026-11-25T15:00").outcome == Outcome::Closed);
    // Unknown beats closed.
    CHECK(f.scan(f.card("E99", "1"), "lunch", "2026-11-25T15:00").outcome == Outcome::Unknown);
}

TEST_CASE("with unsubsidised = refuse an uncovered elder is ineligible, and a duplicate beats that") {
    Fixture f;
    std::string toml = test::readFile(f.dir.path() / kSiteToml);
    toml.replace(toml.find("full_price"), 10, "refuse");
    test::writeFile(f.dir.path() / kSiteToml, toml);
    auto site = Site::open(f.dir.path());
    REQUIRE(site.ok());
    CheckInEngine engine(**site, f.clock);
    auto r = engine.scan({f.card("E4", "1"), ServiceId("lunch"), std::nullopt, false});
    REQUIRE(r.ok());
    CHECK(r->outcome == Outcome::Ineligible);
    CHECK(r->message.find("补贴范围") != std::string::npos);
    CHECK(engine.scan({f.card("E4", "1"), ServiceId("health"), std::nullopt, false})->accepted());  // free: fine
}

TEST_CASE("a void keeps the record, logs who and why, and lets the elder check in again") {
    Fixture f;
    ScanResult first = f.scan(f.card("E1", "1"));
    REQUIRE(first.recordId);
    auto voided = f.engine->voidRecord(*first.recordId, "刷错了卡", "李护理员");
    REQUIRE(voided.ok());
    CHECK(f.engine->voidRecord(*first.recordId, "again", "李护理员").error().code == "void.already");
    CHECK(f.engine->voidRecord(999, "x", "y").error().code == "void.missing");
    CHECK(f.engine->voidRecord(*first.recordId, "  ", "y").error().code == "void.reason");

    ScanResult second = f.scan(f.card("E1", "1"));
    CHECK(second.accepted());
    auto day = CheckinStore(f.site->db()).forDay("2026-11-25");
    REQUIRE(day.size() == 2);
    CHECK(day[0].voided);
    CHECK_FALSE(day[1].voided);
    auto audit = AuditLog(f.site->db()).recent(5);
    REQUIRE_FALSE(audit.empty());
    CHECK(audit[0].action == "checkin.void");
    CHECK(audit[0].actor == "李护理员");
    CHECK(audit[0].detail.find("刷错了卡") != std::string::npos);
}

TEST_CASE("a manual check-in by staff follows the same rules and is audited") {
    Fixture f;
    auto r = f.engine->checkInManually(ElderId("E2"), ServiceId("lunch"), std::nullopt, true, "王站长");
    REQUIRE(r.ok());
    CHECK(r->accepted());
    CHECK(r->delivered);
    CHECK(r->message == "王*英，午餐送餐登记成功，请付10元");
    CHECK(f.engine->checkInManually(ElderId("E2"), ServiceId("lunch"), std::nullopt, false, "王站长")->outcome == Outcome::Duplicate);
    CHECK(f.engine->checkInManually(ElderId("E404"), ServiceId("lunch"), std::nullopt, false, "王站长")->outcome == Outcome::Unknown);
    auto audit = AuditLog(f.site->db()).recent(1);
    CHECK(audit[0].action == "checkin.manual");
    CHECK(audit[0].actor == "王站长");
}

TEST_CASE("an unknown service is an operator error, not an elder's refusal") {
    Fixture f;
    auto r = f.engine->scan({f.card("E1", "1"), ServiceId("supper"), std::nullopt, false});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "usage.service");
}

TEST_CASE("random bytes from a scanner never crash the engine or record anything") {
    Fixture f;
    std::mt19937 rng(42);
    for (int i = 0; i < 500; ++i) {
        std::string junk(size_t(rng() % 80), '\0');
        for (char& c : junk) c = char(rng() % 256);
        if (i % 3 == 0) junk = "MH1:" + junk;
        auto r = f.engine->scan({junk, ServiceId("lunch"), std::nullopt, false});
        REQUIRE(r.ok());
        CHECK_FALSE(r->accepted());
    }
    CHECK(CheckinStore(f.site->db()).forDay("2026-11-25").empty());
}

TEST_CASE("an inactive elder is unknown but told the registration is stopped, by card, ID number or by hand") {
    Fixture f;
    std::string id = test::makeIdNumber("19420303", 31);
    REQUIRE(importRoster(*f.site, "elder_id,name,id_number,card_serial,active\nE9,赵桂英," + id + ",1,0\n",
                         LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test")
                ->added == 1);
    for (const ScanResult& r : {f.scan(f.card("E9", "1")), f.scan(id),
                                *f.engine->checkInManually(ElderId("E9"), ServiceId("lunch"), std::nullopt, false, "王站长")}) {
        CHECK(r.outcome == Outcome::Unknown);
        CHECK(r.registrationStopped);
        CHECK(r.message.find("登记已停用") != std::string::npos);
        CHECK(r.message.find("工作人员") != std::string::npos);
        CHECK_FALSE(r.recordId);
        CHECK(r.elderId.empty());  // contract 7: an unknown result names nobody
    }
    // Someone not on the roster at all still hears the old sentence.
    ScanResult stranger = f.scan(f.card("E99", "1"));
    CHECK_FALSE(stranger.registrationStopped);
    CHECK(stranger.message == "没有找到您的登记信息，请找工作人员");
}

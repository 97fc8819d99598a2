// The policy through the check-in engine and the database: what each rule paid is stored per record,
// caps and limits are counted from the stored records, a void frees them, and the tally counts a
// record under every rule that paid part of it. Threads with their own connections race for a cap.
#include <doctest/doctest.h>

#include <thread>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
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
        auto r = engine.checkInManually(elder, service, LocalDateTime::parse(at), false, "测试");
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
    CHECK(*r.shares == Shares{300, 200, 0, 0, 500});
    auto json = scanResultJson(r, false);
    CHECK(json["rules"] == nlohmann::json::array({"养老服务补贴", "护理补贴"}));
    CHECK(json["rule"] == "养老服务补贴");
    // E2: one rule.
    f.checkIn(*f.site, "E2", "lunch", "2026-11-02T11:31");
    CheckinStore store(f.site->db());
    auto day = store.forDay("2026-11-02");
    REQUIRE(day.size() == 2);
    CHECK(day[0].rules == std::vector<RulePaid>{{"养老服务补贴", {300, 0, 0, 0, 0}}, {"护理补贴", {0, 200, 0, 0, 0}}});
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
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-03T11:30").shares->government == 300);
    ScanResult second = f.checkIn(*f.site, "E2", "lunch", "2026-11-04T11:30");
    CHECK(second.shares->government == 300);
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-05T11:30").shares->government == 100);
    ScanResult full = f.checkIn(*f.site, "E2", "lunch", "2026-11-06T11:30");
    CHECK(full.rules.empty());
    CHECK_FALSE(full.rule.has_value());
    CHECK(full.shares->elder == 1000);
    CHECK_FALSE(scanResultJson(full, false).contains("rules"));
    // Voiding the second lunch frees its 300: the next lunch gets them back.
    CheckInEngine engine(*f.site, f.clock);
    REQUIRE(engine.voidRecord(*second.recordId, "刷错了", "李").ok());
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-07T11:30").shares->government == 300);
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-11-08T11:30").shares->government == 0);
    // December: a new cap.
    CHECK(f.checkIn(*f.site, "E2", "lunch", "2026-12-01T11:30").shares->government == 300);
}

TEST_CASE("threads with their own connections never pay past a monthly cap together") {
    Fixture f;
    // Eight connections each check E2 in for a different day of November at once: the 7-yuan cap
    // allows 300 + 300 + 100, whatever order the write locks are taken in.
    std::vector<std::thread> threads;
    std::vector<Fen> paid(8, -1);
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            auto site = Site::open(f.dir.path());
            if (!site) return;
            CheckInEngine engine(**site, f.clock);
            std::string at = "2026-11-1" + std::to_string(i) + "T11:30";
            auto r = engine.checkInManually("E2", "lunch", LocalDateTime::parse(at), false, "测试");
            if (r && r->accepted()) paid[size_t(i)] = r->shares->government;
        });
    for (auto& t : threads) t.join();
    Fen total = 0;
    int subsidised = 0;
    for (Fen p : paid) {
        CHECK(p >= 0);  // every check-in was recorded
        total += p;
        subsidised += p > 0;
    }
    CHECK(total == 700);
    CHECK(subsidised == 3);
}

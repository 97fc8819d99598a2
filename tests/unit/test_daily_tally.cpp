// The daily tally: a whole day of check-ins whose every sum matches its records.
#include <doctest/doctest.h>

#include <random>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/tally/tally_json.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

// Imports `n` elders with a spread of categories and ages.
void importElders(Site& site, int n) {
    const char* cats[] = {"tekun", "dibao", "dibao|duju", "", "shineng", "kongchao", ""};
    std::string csv = "elder_id,name,birth_date,categories\n";
    for (int i = 0; i < n; ++i) {
        char line[128];
        std::snprintf(line, sizeof line, "E%04d,老人%d,%d-03-%02d,%s\n", i, i, 1925 + i % 40, 1 + i % 28, cats[i % 7]);
        csv += line;
    }
    auto r = importRoster(site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
    REQUIRE(r.ok());
    REQUIRE(r->added == n);
}

}  // namespace

TEST_CASE("a whole day of scans gives a tally whose every sum matches its records") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    importElders(*site, 120);
    FakeClock clock;
    CheckInEngine engine(*site, clock);
    std::mt19937 rng(7);
    int accepted = 0, voided = 0;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 600; ++i) {
        int elder = int(rng() % 130);  // some unknown
        const char* svc = (i % 3 == 0) ? "breakfast" : (i % 3 == 1) ? "lunch" : "health";
        int hour = svc == std::string("breakfast") ? 7 + int(rng() % 3) : svc == std::string("lunch") ? 10 + int(rng() % 4) : int(rng() % 24);
        LocalDateTime at{LocalDate::of(2026, 11, 24), hour, int(rng() % 60), 0};
        char eid[16];
        std::snprintf(eid, sizeof eid, "E%04d", elder);
        auto r = engine.scan({signCard({eid, "1"}, site->keys().card.sec), ServiceId(svc), at, rng() % 10 == 0});
        REQUIRE(r.ok());
        if (r->accepted()) {
            ++accepted;
            ids.push_back(*r->recordId);
        }
    }
    for (size_t i = 0; i < ids.size(); i += 9) {
        REQUIRE(engine.voidRecord(ids[i], "测试作废", "test").ok());
        ++voided;
    }
    CHECK(accepted > 200);

    CheckinStore store(site->db());
    DailyTally t = buildTally(site->config(), LocalDate::of(2026, 11, 24), store.forDay("2026-11-24"), 1, "x");
    auto j = tallyJson(t);
    CHECK(j["schema"] == "mealhall.tally.v2");
    CHECK(j["date"] == "2026-11-24");
    CHECK(j["records"].size() == size_t(accepted - voided));

    // Re-derive every sum from the records in the JSON itself.
    int totalCount = 0, totalVoided = 0;
    for (const auto& s : j["services"]) {
        int count = 0, delivered = 0;
        std::int64_t price = 0;
        std::map<std::string, std::int64_t> shares;
        std::map<std::string, int> byRule;
        for (const auto& r : j["records"]) {
            if (r["service"] != s["id"]) continue;
            ++count;
            delivered += r["delivered"].get<bool>() ? 1 : 0;
            price += r["price_fen"].get<std::int64_t>();
            std::int64_t sum = 0;
            for (auto& [k, v] : r["shares_fen"].items()) {
                shares[k] += v.get<std::int64_t>();
                sum += v.get<std::int64_t>();
            }
            CHECK(sum == r["price_fen"].get<std::int64_t>());
            if (r.contains("rule")) ++byRule[r["rule"].get<std::string>()];
        }
        CHECK(s["count"] == count);
        CHECK(s["delivered"] == delivered);
        CHECK(s["price_fen"] == price);
        std::int64_t shareTotal = 0;
        for (auto& [k, v] : s["shares_fen"].items()) {
            CHECK(v.get<std::int64_t>() == shares[k]);
            shareTotal += v.get<std::int64_t>();
        }
        CHECK(shareTotal == price);
        for (auto& [k, v] : s["by_rule"].items()) CHECK(v.get<int>() == byRule[k]);
        CHECK(s["by_rule"].size() == byRule.size());
        totalCount += s["count"].get<int>();
        totalVoided += s["voided"].get<int>();
    }
    CHECK(totalCount == accepted - voided);
    CHECK(totalVoided == voided);
}

TEST_CASE("by_category counts each counted record once per category — voided records are only counted as voided") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    importElders(*site, 7);
    FakeClock clock;
    CheckInEngine engine(*site, clock);
    LocalDateTime at{LocalDate::of(2026, 11, 24), 11, 0, 0};
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 7; ++i) {
        char eid[16];
        std::snprintf(eid, sizeof eid, "E%04d", i);
        auto r = engine.scan({signCard({eid, "1"}, site->keys().card.sec), ServiceId("lunch"), at, false});
        REQUIRE(r->accepted());
        ids.push_back(*r->recordId);
    }
    REQUIRE(engine.voidRecord(ids[1], "错", "t").ok());  // E0001, dibao
    DailyTally t = buildTally(site->config(), at.date, CheckinStore(site->db()).forDay("2026-11-24"), 2, "x");
    const ServiceTally* lunch = nullptr;
    for (const auto& s : t.services)
        if (s.id.str() == "lunch") lunch = &s;
    REQUIRE(lunch);
    CHECK(lunch->count == 6);
    CHECK(lunch->voided == 1);
    CHECK(lunch->byCategory.at("dibao") == 1);  // E0002 (dibao|duju) only
    CHECK(lunch->byCategory.at("duju") == 1);
    CHECK(lunch->byCategory.at("tekun") == 1);
    CHECK(lunch->byCategory.count("kongchao") == 1);
    CHECK(t.revision == 2);
}

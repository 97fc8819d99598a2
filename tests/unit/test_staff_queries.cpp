// Staff queries: who usually comes but has not today, and finding an elder without typing Chinese.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/staff/staff_queries.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
struct QueryFixture {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    FakeClock clock{0};
    LocalDate today = LocalDate::of(2026, 11, 25);
    std::string idA = test::makeIdNumber("19400101", 12, true), idB = test::makeIdNumber("19410202", 14, false),
                idC = test::makeIdNumber("19420303", 16, true), idD = test::makeIdNumber("19430404", 18, false);
    QueryFixture() {
        std::string csv = "elder_id,name,id_number,village,phone,active\n"
                          "A1,张桂兰," + idA + ",北关村,13912345678,1\n"
                          "B1,王建国," + idB + ",南关村,13800000001,1\n"
                          "C1,张小红," + idC + ",北关村,13800000002,1\n"
                          "D1,李德,"   + idD + ",北关村,13800000003,0\n";
        REQUIRE(importRoster(*site, csv, today, "2026-11-25T08:00:00+08:00", "test").ok());
    }
    void lunch(const std::string& id, LocalDate day) {
        CheckInEngine engine(*site, clock);
        auto r = engine.scan(ScanRequest{id, ServiceId("lunch"), LocalDateTime{day, 11, 30, 0}, false});
        REQUIRE(r.ok());
        REQUIRE(r->accepted());
    }
};
}  // namespace

TEST_CASE("a regular who came on most of the last 14 days and not today is listed with a phone number") {
    QueryFixture fx;
    for (int d = 1; d <= 14; ++d) fx.lunch(fx.idA, fx.today.plusDays(-d));   // every day: a regular
    for (int d = 1; d <= 8; ++d) fx.lunch(fx.idB, fx.today.plusDays(-d));    // 8 of 14: still a regular
    for (int d = 1; d <= 7; ++d) fx.lunch(fx.idC, fx.today.plusDays(-d));    // 7 of 14: not "most"
    fx.lunch(fx.idB, fx.today);                                              // B came today
    fx.lunch(fx.idA, fx.today.plusDays(-20));                                // outside the window: ignored
    auto missing = regularsMissing(fx.site->db(), ServiceId("lunch"), fx.today);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].elderId == "A1");
    CHECK(missing[0].daysCame == 14);
    CHECK(missing[0].phone == "13912345678");
    CHECK(missing[0].village == "北关村");
    CHECK(regularsMissing(fx.site->db(), ServiceId("breakfast"), fx.today).empty());
}

TEST_CASE("elders are found by surname, village or the last four ID digits — inactive ones are not") {
    QueryFixture fx;
    auto initials = surnameInitials(fx.site->db());
    CHECK(initials == std::vector<std::string>{"张", "王"});  // 李德 is inactive; sorted by UTF-8 bytes
    auto zhang = findElders(fx.site->db(), ElderKey::Surname, "张");
    REQUIRE(zhang.size() == 2);
    auto bei = findElders(fx.site->db(), ElderKey::Village, "北关村");
    CHECK(bei.size() == 2);
    auto byId = findElders(fx.site->db(), ElderKey::IdLast4, fx.idB.substr(14));
    REQUIRE(byId.size() == 1);
    CHECK(byId[0].elderId == "B1");
    CHECK(findElders(fx.site->db(), ElderKey::IdLast4, "").empty());
    CHECK(villages(fx.site->db()) == std::vector<std::string>{"北关村", "南关村"});
}

// A test site with two elders and a fake clock at 11:32 on 2026-11-25 (lunch is open).
#pragma once
#include <doctest/doctest.h>

#include "shared/ports/clock.hpp"
#include "shared/roster/roster_import.hpp"
#include "support/test_site.hpp"

namespace mh::test {

struct GuiFixture {
    TempDir dir;
    std::unique_ptr<Site> site = makeSite(dir.path());
    std::string idLow = makeIdNumber("19400101", 12, true);   // 低保 86: pays 2 yuan for lunch
    std::string idFree = makeIdNumber("19500303", 14, false);  // 特困: free
    FakeClock clock{site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32"))};

    GuiFixture() {
        std::string csv = "elder_id,name,id_number,categories\nE0001,张桂兰," + idLow + ",dibao\nE0002,王建国," + idFree +
                          ",tekun\n";
        auto r = importRoster(*site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
        REQUIRE(r.ok());
        REQUIRE(r->added == 2);
    }
};

}  // namespace mh::test

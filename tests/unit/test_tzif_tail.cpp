// The fast path for zones with a fixed tail (China's) against date/tz.h's full database: the same
// local times and offsets for every instant, and the database still answers for older instants.
#include <doctest/doctest.h>

#include <date/tz.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/tzif_tail.hpp"

using namespace mh;

namespace {

std::string zoneFile(const std::string& name) {
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The database's own answer, for comparison.
LocalDateTime viaDatabase(const std::string& zone, std::int64_t unix) {
    auto local = date::locate_zone(zone)->to_local(date::sys_seconds{std::chrono::seconds{unix}});
    auto day = date::floor<date::days>(local);
    date::hh_mm_ss<std::chrono::seconds> tod{local - day};
    date::year_month_day ymd{day};
    return {LocalDate::of(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())), int(tod.hours().count()),
            int(tod.minutes().count()), int(tod.seconds().count())};
}

}  // namespace

TEST_CASE("Asia/Shanghai and Asia/Urumqi have a fixed tail read from their files, Europe/Berlin has none") {
    auto sh = readFixedTail("/usr/share/zoneinfo/Asia/Shanghai");
    REQUIRE(sh);
    CHECK(sh->offsetSeconds == 8 * 3600);
    CHECK(sh->since < 700'000'000);  // China's last change was in 1991
    auto ur = readFixedTail("/usr/share/zoneinfo/Asia/Urumqi");
    REQUIRE(ur);
    CHECK(ur->offsetSeconds == 6 * 3600);
    CHECK_FALSE(readFixedTail("/usr/share/zoneinfo/Europe/Berlin"));  // a DST rule in its footer
    CHECK_FALSE(readFixedTail("/usr/share/zoneinfo/No/Such_Zone"));
}

TEST_CASE("a damaged or cut TZif file gives no fixed tail, never a crash or a wrong offset") {
    const std::string good = zoneFile("Asia/Shanghai");
    REQUIRE(parseFixedTail(good));
    for (size_t cut = 0; cut + 1 < good.size(); cut += 7) CHECK_FALSE(parseFixedTail(good.substr(0, cut)));
    std::string v1 = good;
    v1[4] = '\0';  // a version 1 file has no footer to trust
    CHECK_FALSE(parseFixedTail(v1));
    std::string dst = good.substr(0, good.size() - 6) + "CST-8CDT\n";  // "CST-8\n" replaced: a DST zone
    CHECK_FALSE(parseFixedTail(dst));
    std::string wrong = good.substr(0, good.size() - 6) + "CST-9\n";  // footer disagrees with the last type
    CHECK_FALSE(parseFixedTail(wrong));
    CHECK_FALSE(parseFixedTail("TZif2"));
    CHECK_FALSE(parseFixedTail(""));
}

TEST_CASE("Asia/Shanghai through the fixed tail agrees with the full database at every instant tried") {
    auto tz = TimeZone::load("Asia/Shanghai");
    REQUIRE(tz.ok());
    std::mt19937_64 rng(20261206);
    std::uniform_int_distribution<std::int64_t> instant(-2'500'000'000, 4'200'000'000);  // 1890 to 2103
    for (int i = 0; i < 3000; ++i) {
        std::int64_t u = instant(rng);
        LocalDateTime mine = tz->toLocal(u), theirs = viaDatabase("Asia/Shanghai", u);
        CHECK(mine.iso() == theirs.iso());
        CHECK(tz->offsetSeconds(u) ==
              int(date::locate_zone("Asia/Shanghai")->get_info(date::sys_seconds{std::chrono::seconds{u}}).offset.count()));
    }
    // Summer 1988: China kept daylight saving time then (+09:00), the database answers for it.
    CHECK(tz->isoWithOffset(583'632'000) == "1988-06-30T09:00:00+09:00");
    CHECK(tz->isoWithOffset(1'795'500'000) == "2026-11-24T14:00:00+08:00");
    CHECK(tz->toUnix(*LocalDateTime::parse("2026-11-24T14:00:00")) == 1'795'500'000);
    CHECK(tz->toUnix(*LocalDateTime::parse("1988-06-30T09:00:00")) == 583'632'000);
}

TEST_CASE("a zone with daylight saving time still converts through the full database") {
    auto berlin = TimeZone::load("Europe/Berlin");
    REQUIRE(berlin.ok());
    CHECK(berlin->isoWithOffset(1'782'900'000).ends_with("+02:00"));  // July 2026
    CHECK(berlin->isoWithOffset(1'795'500'000).ends_with("+01:00"));  // November 2026
}

TEST_CASE("a time zone name that is a folder of zoneinfo (Asia/) is an unknown zone, not a crash") {
    CHECK_FALSE(readFixedTail("/usr/share/zoneinfo/Asia/").has_value());
    CHECK_FALSE(readFixedTail("/usr/share/zoneinfo").has_value());
    for (const char* name : {"Asia/", "Asia", "Europe"}) {
        CAPTURE(name);
        auto tz = TimeZone::load(name);
        REQUIRE_FALSE(tz.ok());
        CHECK(tz.error().code == "tz.unknown");
    }
}

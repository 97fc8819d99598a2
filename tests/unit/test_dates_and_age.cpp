// Calendar arithmetic the subsidy depends on: ages at birthdays, leap days, local time zones.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "shared/core/dates.hpp"

using namespace mh;

TEST_CASE("age changes on the birthday itself, not a day early or late") {
    LocalDate birth = LocalDate::of(1946, 11, 25);
    CHECK(ageOn(birth, LocalDate::of(2026, 11, 24)) == 79);
    CHECK(ageOn(birth, LocalDate::of(2026, 11, 25)) == 80);
    CHECK(ageOn(birth, LocalDate::of(2026, 11, 26)) == 80);
    CHECK(ageOn(birth, LocalDate::of(2027, 1, 1)) == 80);
}

TEST_CASE("a 29 February birthday is reached on 1 March in common years, on 29 February in leap years") {
    LocalDate birth = LocalDate::of(1948, 2, 29);
    CHECK(ageOn(birth, LocalDate::of(2027, 2, 28)) == 78);
    CHECK(ageOn(birth, LocalDate::of(2027, 3, 1)) == 79);
    CHECK(ageOn(birth, LocalDate::of(2028, 2, 28)) == 79);
    CHECK(ageOn(birth, LocalDate::of(2028, 2, 29)) == 80);
}

TEST_CASE("dates and times parse strictly") {
    CHECK(LocalDate::parse("2026-11-24").has_value());
    CHECK_FALSE(LocalDate::parse("2026-02-30").has_value());
    CHECK_FALSE(LocalDate::parse("2026-1-24").has_value());
    CHECK_FALSE(LocalDate::parse("2026/11/24").has_value());
    auto t = LocalDateTime::parse("2026-11-24T11:32");
    REQUIRE(t.has_value());
    CHECK(t->iso() == "2026-11-24T11:32:00");
    CHECK(LocalDateTime::parse("2026-11-24 11:32:07")->second == 7);
    CHECK_FALSE(LocalDateTime::parse("2026-11-24T24:00").has_value());
    CHECK_FALSE(LocalDateTime::parse("2026-11-24T11:32+08:00").has_value());
    CHECK(WallTime::parse("24:00")->minutes == 1440);
    CHECK_FALSE(WallTime::parse("7:5").has_value());
    CHECK_FALSE(WallTime::parse("25:00").has_value());
}

TEST_CASE("the site's time zone decides the local day, not UTC") {
    auto tz = TimeZone::load("Asia/Shanghai");
    REQUIRE(tz.ok());
    // 2026-11-24T15:59:00Z is 23:59 in Shanghai; 16:01Z is 00:01 on the 25th.
    std::int64_t lateUtc = tz->toUnix(*LocalDateTime::parse("2026-11-24T23:59"));
    CHECK(tz->toLocal(lateUtc).date == LocalDate::of(2026, 11, 24));
    CHECK(tz->toLocal(lateUtc + 120).date == LocalDate::of(2026, 11, 25));
    CHECK(tz->isoWithOffset(lateUtc) == "2026-11-24T23:59:00+08:00");
    auto utc = TimeZone::load("UTC");
    REQUIRE(utc.ok());
    CHECK(utc->toLocal(lateUtc).date == LocalDate::of(2026, 11, 24));
    CHECK(utc->toLocal(lateUtc).hour == 15);
}

TEST_CASE("an unknown time zone is refused with a message") {
    auto tz = TimeZone::load("Asia/Beijing");
    REQUIRE_FALSE(tz.ok());
    CHECK(tz.error().code == "tz.unknown");
    CHECK_FALSE(TimeZone::load("../../etc/passwd").ok());
}

TEST_CASE("a wall time that occurs twice is its earlier instant, one in a spring-forward gap the instant the gap ends") {
    auto ny = TimeZone::load("America/New_York");
    REQUIRE(ny.ok());
    // 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    CHECK(ny->toUnix(*LocalDateTime::parse("2026-11-01T01:30")) == 1793511000);
    // 2026-03-08 02:30 does not exist; the clocks jump from 02:00 EST to 03:00 EDT at 07:00Z.
    CHECK(ny->toUnix(*LocalDateTime::parse("2026-03-08T02:30")) == 1772953200);
    CHECK(ny->isoWithOffset(1772953200) == "2026-03-08T03:00:00-04:00");
}

TEST_CASE("time zone conversions leave the process environment alone and agree across threads") {
    const char* before = std::getenv("TZ");
    std::string tzBefore = before ? before : "(unset)";
    auto sh = TimeZone::load("Asia/Shanghai");
    auto ny = TimeZone::load("America/New_York");
    REQUIRE(sh.ok());
    REQUIRE(ny.ok());
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                std::int64_t u = 1790000000 + i * 3600;
                // New York has a repeated hour each autumn, so only Shanghai must round-trip exactly.
                if (t % 2 == 0 && sh->toUnix(sh->toLocal(u)) != u) ++wrong;
                if (t % 2 == 1 && ny->toLocal(u).date.year() != 2026) ++wrong;
                if (sh->offsetSeconds(u) != 8 * 3600) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
    const char* after = std::getenv("TZ");
    CHECK(std::string(after ? after : "(unset)") == tzBefore);
}

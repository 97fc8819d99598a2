// Calendar values in the site's local time: dates, wall-clock times, ages, and the site's time zone.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/result.hpp"
#include "shared/core/tzif_tail.hpp"

namespace date {
class time_zone;
}

namespace mh {

struct LocalDate {
    std::chrono::year_month_day ymd{};

    static LocalDate of(int y, unsigned m, unsigned d) {
        return {std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
    }
    // "YYYY-MM-DD", a real calendar date; nullopt otherwise.
    static std::optional<LocalDate> parse(std::string_view text);
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] int year() const { return int(ymd.year()); }
    [[nodiscard]] unsigned month() const { return unsigned(ymd.month()); }
    [[nodiscard]] unsigned day() const { return unsigned(ymd.day()); }
    [[nodiscard]] std::int64_t dayNumber() const { return std::chrono::sys_days{ymd}.time_since_epoch().count(); }
    static LocalDate fromDayNumber(std::int64_t n) {
        return {std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{n}}}};
    }
    [[nodiscard]] LocalDate plusDays(int n) const { return fromDayNumber(dayNumber() + n); }
    auto operator<=>(const LocalDate& o) const { return dayNumber() <=> o.dayNumber(); }
    bool operator==(const LocalDate& o) const { return ymd == o.ymd; }
};

// Minutes since local midnight, for service windows ("10:30").
struct WallTime {
    int minutes = 0;
    static std::optional<WallTime> parse(std::string_view hhmm);
    [[nodiscard]] std::string text() const;
    auto operator<=>(const WallTime&) const = default;
};

struct LocalDateTime {
    LocalDate date;
    int hour = 0, minute = 0, second = 0;
    // "2026-11-24T11:32", "2026-11-24T11:32:05" or with a space instead of T.
    static std::optional<LocalDateTime> parse(std::string_view text);
    [[nodiscard]] WallTime wallTime() const { return {hour * 60 + minute}; }
    [[nodiscard]] std::string iso() const;  // "2026-11-24T11:32:05"
};

// Completed years on `day` for someone born on `birth`. A 29 February birthday is reached on
// 1 March in common years (the full year has not passed on 28 February).
int ageOn(LocalDate birth, LocalDate day);

// The site's time zone (an IANA name such as "Asia/Shanghai"), backed by the system's tzdata
// (/usr/share/zoneinfo, read by date/tz.h). Conversions touch no process state: any thread may call them.
class TimeZone {
public:
    // Fails with a plain message when the zone is unknown (no file under /usr/share/zoneinfo).
    static Result<TimeZone> load(const std::string& name);
    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] LocalDateTime toLocal(std::int64_t unixSeconds) const;
    // For a wall time that occurs twice (DST fall-back) the earlier instant; for one that does not
    // exist (spring-forward) the instant after the gap.
    [[nodiscard]] std::int64_t toUnix(const LocalDateTime& local) const;
    [[nodiscard]] int offsetSeconds(std::int64_t unixSeconds) const;
    // "2026-11-24T11:32:05+08:00"
    [[nodiscard]] std::string isoWithOffset(std::int64_t unixSeconds) const;

private:
    // The full tz database zone: loaded at once for zones with DST, only when an instant before
    // the fixed tail is asked for otherwise (see tzif_tail.hpp).
    [[nodiscard]] const date::time_zone* full() const;
    [[nodiscard]] bool inTail(std::int64_t unixSeconds) const { return m_tail && unixSeconds >= m_tail->since; }

    std::string m_name;
    const date::time_zone* m_zone = nullptr;  // owned by date's tz database, lives as long as the process
    std::optional<FixedTail> m_tail;          // the offset the zone keeps for good, when it keeps one
};

}  // namespace mh

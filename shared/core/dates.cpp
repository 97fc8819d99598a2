#include "shared/core/dates.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <date/tz.h>


namespace mh {
namespace {

std::optional<int> digits(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

std::optional<LocalDate> LocalDate::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = digits(t.substr(0, 4)), m = digits(t.substr(5, 2)), d = digits(t.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    LocalDate ld = LocalDate::of(*y, unsigned(*m), unsigned(*d));
    if (!ld.ymd.ok()) return std::nullopt;
    return ld;
}

std::string LocalDate::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

std::optional<WallTime> WallTime::parse(std::string_view t) {
    auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || t.size() - colon != 3) return std::nullopt;
    auto h = digits(t.substr(0, colon)), m = digits(t.substr(colon + 1));
    if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return std::nullopt;
    return WallTime{*h * 60 + *m};
}

std::string WallTime::text() const {
    char buf[24];  // room for any two ints, not just 0..24:00, so the compiler can prove no truncation
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view t) {
    if (t.size() != 16 && t.size() != 19) return std::nullopt;
    if (t[10] != 'T' && t[10] != ' ') return std::nullopt;
    auto date = LocalDate::parse(t.substr(0, 10));
    if (!date || t[13] != ':') return std::nullopt;
    auto h = digits(t.substr(11, 2)), m = digits(t.substr(14, 2));
    std::optional<int> s = 0;
    if (t.size() == 19) {
        if (t[16] != ':') return std::nullopt;
        s = digits(t.substr(17, 2));
    }
    if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    return LocalDateTime{*date, *h, *m, *s};
}

std::string LocalDateTime::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", date.iso().c_str(), hour, minute, second);
    return buf;
}

int ageOn(LocalDate birth, LocalDate day) {
    int age = day.year() - birth.year();
    unsigned bm = birth.month(), bd = birth.day();
    // 29 Feb in a common year: the birthday is 1 March.
    if (bm == 2 && bd == 29 && !std::chrono::year{day.year()}.is_leap()) {
        bm = 3;
        bd = 1;
    }
    if (day.month() < bm || (day.month() == bm && day.day() < bd)) --age;
    return age;
}

namespace {

// A zone name that can only name a file below the zoneinfo folder ("Asia/Shanghai", "Etc/GMT-8").
bool plainZoneName(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+')) return false;
    return true;
}

LocalDateTime civil(std::int64_t localSeconds) {
    using namespace std::chrono;
    date::local_seconds local{seconds{localSeconds}};
    auto day = date::floor<date::days>(local);
    date::hh_mm_ss<seconds> tod{local - day};
    date::year_month_day ymd{day};
    return LocalDateTime{LocalDate::of(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())),
                         int(tod.hours().count()), int(tod.minutes().count()), int(tod.seconds().count())};
}

std::int64_t localSecondsOf(const LocalDateTime& l) {
    using namespace std::chrono;
    auto local = date::local_days{date::year{l.date.year()} / int(l.date.month()) / int(l.date.day())} +
                 hours{l.hour} + minutes{l.minute} + seconds{l.second};
    return local.time_since_epoch().count();
}

}  // namespace

Result<TimeZone> TimeZone::load(const std::string& name) {
    // The system's tzdata through date/tz.h: a zone object shared by every thread, no process-wide
    // TZ switch while curl, SDL and espeak threads run. A zone with a fixed tail (China's) is read
    // from its own file, and the whole database only loaded if an older instant is ever asked for.
    TimeZone tz;
    tz.m_name = name;
    if (plainZoneName(name)) tz.m_tail = readFixedTail(std::filesystem::path("/usr/share/zoneinfo") / name);
    if (tz.m_tail) return tz;
    try {
        tz.m_zone = date::locate_zone(name);
        return tz;
    } catch (const std::exception&) {
        return Error{"tz.unknown", "未知的时区 \"" + name + "\"（例如 Asia/Shanghai；需要安装 tzdata）",
                     "unknown time zone \"" + name + "\" (e.g. Asia/Shanghai; needs tzdata)"};
    }
}

const date::time_zone* TimeZone::full() const {
    // date's database is built once per process, thread-safely; a lookup after that is a search.
    return m_zone ? m_zone : date::locate_zone(m_name);
}

LocalDateTime TimeZone::toLocal(std::int64_t unixSeconds) const {
    return civil(unixSeconds + offsetSeconds(unixSeconds));
}

std::int64_t TimeZone::toUnix(const LocalDateTime& l) const {
    using namespace std::chrono;
    const std::int64_t localSeconds = localSecondsOf(l);
    // A day clear of the last transition, a wall time cannot also name an instant before it.
    if (m_tail && inTail(localSeconds - m_tail->offsetSeconds - 86400)) return localSeconds - m_tail->offsetSeconds;
    date::local_seconds local{seconds{localSeconds}};
    auto info = full()->get_info(local);
    seconds sinceEpoch{};
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // the earlier instant: the first offset
            sinceEpoch = local.time_since_epoch() - info.first.offset;
            break;
        case date::local_info::nonexistent:  // in a spring-forward gap: the instant the gap ends
            sinceEpoch = info.second.begin.time_since_epoch();
            break;
    }
    return sinceEpoch.count();
}

int TimeZone::offsetSeconds(std::int64_t unixSeconds) const {
    if (inTail(unixSeconds)) return m_tail->offsetSeconds;
    return int(full()->get_info(date::sys_seconds{std::chrono::seconds{unixSeconds}}).offset.count());
}

std::string TimeZone::isoWithOffset(std::int64_t unixSeconds) const {
    int off = offsetSeconds(unixSeconds);  // one lookup for both the wall time and its offset
    LocalDateTime l = civil(unixSeconds + off);
    char sign = off < 0 ? '-' : '+';
    off = std::abs(off);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, off / 3600, (off % 3600) / 60);
    return l.iso() + buf;
}

}  // namespace mh

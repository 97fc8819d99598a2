#include "shared/upload/backoff.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace mh {

std::int64_t backoffDelayMs(const BackoffPolicy& p, int failures, double random01) {
    std::int64_t d = std::max<std::int64_t>(p.baseMs, 1);
    // Doubling stops at the cap, so a week of failures cannot overflow.
    for (int i = 1; i < failures && d < p.capMs; ++i) d *= 2;
    d = std::min(d, std::max<std::int64_t>(p.capMs, 1));
    double j = std::clamp(p.jitter, 0.0, 1.0);
    double r = std::clamp(random01, 0.0, 1.0);
    return std::int64_t(double(d) * (1.0 - j) + double(d) * j * r);
}

std::optional<std::int64_t> parseHttpDate(std::string_view value) {
    std::string s(value);
    char wk[4] = {}, mon[4] = {}, zone[4] = {};
    int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
    if (std::sscanf(s.c_str(), "%3s, %d %3s %d %d:%d:%d %3s", wk, &day, mon, &year, &hh, &mm, &ss, zone) != 8)
        return std::nullopt;
    if (std::strcmp(zone, "GMT") != 0) return std::nullopt;
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    unsigned m = 0;
    for (unsigned i = 0; i < 12; ++i)
        if (std::strcmp(mon, kMonths[i]) == 0) m = i + 1;
    using namespace std::chrono;
    year_month_day ymd{std::chrono::year{year}, month{m}, std::chrono::day{unsigned(day)}};
    if (m == 0 || !ymd.ok() || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    return sys_days{ymd}.time_since_epoch().count() * 86400LL + hh * 3600 + mm * 60 + ss;
}

std::optional<std::int64_t> parseRetryAfterMs(std::string_view value, std::int64_t nowUnix) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) return std::nullopt;  // more than ~30 years: not a real answer
        return std::stoll(std::string(value)) * 1000;
    }
    auto at = parseHttpDate(value);
    if (!at) return std::nullopt;
    return std::max<std::int64_t>(0, (*at - nowUnix) * 1000);
}

}  // namespace mh

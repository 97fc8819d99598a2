#include "shared/upload/backoff.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <sstream>
#include <string>

#include <date/date.h>

namespace mh {
namespace {

// An HTTP-date in any of the three forms RFC 9110 (section 5.6.7) asks a recipient to accept, as
// unix seconds: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", the obsolete RFC 850 form
// "Sunday, 06-Nov-94 08:49:37 GMT" (a two-digit year is 1969..2068) and asctime's
// "Sun Nov  6 08:49:37 1994". The whole text must be read; nullopt otherwise.
std::optional<std::int64_t> parseHttpDate(const std::string& text) {
    static constexpr std::array<const char*, 3> kForms = {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT",
                                                          "%a %b %e %H:%M:%S %Y"};
    for (const char* form : kForms) {
        std::istringstream in(text);
        in.imbue(std::locale::classic());
        date::sys_seconds at;
        in >> date::parse(form, at);
        if (!in.fail() && in.peek() == std::char_traits<char>::eof())
            return std::int64_t(at.time_since_epoch().count());
    }
    return std::nullopt;
}

}  // namespace

std::int64_t backoffDelayMs(const BackoffPolicy& p, int failures, double random01) {
    std::int64_t d = std::max<std::int64_t>(p.baseMs, 1);
    // Doubling stops at the cap, so a week of failures cannot overflow.
    for (int i = 1; i < failures && d < p.capMs; ++i) d *= 2;
    d = std::min(d, std::max<std::int64_t>(p.capMs, 1));
    double j = std::clamp(p.jitter, 0.0, 1.0);
    double r = std::clamp(random01, 0.0, 1.0);
    return std::int64_t(double(d) * (1.0 - j) + double(d) * j * r);
}

std::optional<std::int64_t> parseRetryAfterMs(std::string_view value, std::int64_t nowUnix) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // Any number of digits: more than the cap is the cap (no overflow on a 30-digit answer).
        if (value.size() > 9) return kMaxRetryAfterMs;
        return std::min<std::int64_t>(std::stoll(std::string(value)) * 1000, kMaxRetryAfterMs);
    }
    const auto at = parseHttpDate(std::string(value));
    if (!at) return std::nullopt;
    return std::clamp<std::int64_t>((*at - nowUnix) * 1000, 0, kMaxRetryAfterMs);
}

}  // namespace mh

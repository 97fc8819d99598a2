#include "shared/upload/backoff.hpp"

#include <algorithm>
#include <string>

#include <curl/curl.h>

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

std::optional<std::int64_t> parseRetryAfterMs(std::string_view value, std::int64_t nowUnix) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // Any number of digits: more than the cap is the cap (no overflow on a 30-digit answer).
        if (value.size() > 9) return kMaxRetryAfterMs;
        return std::min<std::int64_t>(std::stoll(std::string(value)) * 1000, kMaxRetryAfterMs);
    }
    const std::string text(value);
    const time_t at = curl_getdate(text.c_str(), nullptr);
    if (at == time_t(-1)) return std::nullopt;
    return std::clamp<std::int64_t>((std::int64_t(at) - nowUnix) * 1000, 0, kMaxRetryAfterMs);
}

}  // namespace mh

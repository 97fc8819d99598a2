// When to try a failed upload again: capped exponential backoff with jitter, and the server's
// Retry-After. Pure functions of their inputs so the schedule is testable without a network.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace mh {

struct BackoffPolicy {
    std::int64_t baseMs = 2'000;         // the wait after the first failure
    std::int64_t capMs = 15 * 60'000;    // never wait longer than this between tries (unless Retry-After says so)
    double jitter = 0.5;                 // the last `jitter` fraction of each wait is random, so sites do not retry in step
};

// The wait before try number failures+1, after `failures` (>= 1) consecutive failures. `random01` is
// a number in [0, 1) from the caller's generator (tests pass fixed values).
std::int64_t backoffDelayMs(const BackoffPolicy& p, int failures, double random01);

// The longest wait a server's Retry-After can impose (contract 8): one reply saying "999999999" once
// put the next upload in 2058 and the kiosk went silent.
inline constexpr std::int64_t kMaxRetryAfterMs = 3600 * 1000;
// A stored next try further ahead than this was not set by this uploader (whose waits are at most
// an hour) but by an older version or before the clock was set back: it is void, the try is due now.
inline constexpr std::int64_t kMaxScheduleAheadSeconds = 2 * 3600;

// Retry-After (RFC 9110): delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT",
// or one of RFC 9110's two obsolete date forms, read with date::parse), as a wait in milliseconds from `nowUnix`, within
// [0, kMaxRetryAfterMs]. nullopt when absent or unreadable; a date in the past is 0.
std::optional<std::int64_t> parseRetryAfterMs(std::string_view value, std::int64_t nowUnix);

}  // namespace mh

// What the county platform's answer to a tally POST means for the outbox (contract 8): delivered,
// try again later, or stop and tell staff what to fix, in a plain sentence.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "shared/core/result.hpp"
#include "shared/ports/http_client.hpp"

namespace mh {

// Delivered: done. Retry: try again later (backoff). Stop: a configuration problem for staff (token,
// address, certificate); every day waits until it is fixed. Refused: the county refused this one day;
// it is set aside (with the county's answer) and later days go on.
enum class ReplyKind { Delivered, Retry, Stop, Refused };

// How much of a refusal's body is kept and shown: enough for the county's reason, never a flood.
inline constexpr std::size_t kCountyAnswerMaxBytes = 400;

struct ReplyVerdict {
    ReplyKind kind = ReplyKind::Retry;
    int status = 0;                          // HTTP status, 0 when the network failed
    std::optional<std::int64_t> retryAfterMs;  // from Retry-After on 429/503
    Error error;                             // for Retry/Stop/Refused: what staff see (Chinese) and the log (English)
    std::string countyAnswer;                // for Refused: "422 <start of the body>", bounded
};

// 2xx and 409 (the platform already has this Idempotency-Key): delivered. 408, 429, 5xx, timeouts and
// broken connections: retry. 401/403/404 and certificate problems: stop, a person must fix the
// configuration. Any other 4xx: that day is refused.
// "<status> <first bytes of body>", cut at a character boundary, control characters as spaces.
std::string countyAnswerExcerpt(int status, const std::string& body);

ReplyVerdict judgeReply(const HttpResponse& r, std::int64_t nowUnix, const std::string& what);

}  // namespace mh

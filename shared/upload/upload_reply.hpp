// What the county platform's answer to a tally POST means for the outbox (contract 8): delivered,
// try again later, or stop and tell staff what to fix, in a plain sentence.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/core/result.hpp"
#include "shared/ports/http_client.hpp"

namespace mh {

enum class ReplyKind { Delivered, Retry, Stop };

struct ReplyVerdict {
    ReplyKind kind = ReplyKind::Retry;
    int status = 0;                          // HTTP status, 0 when the network failed
    std::optional<std::int64_t> retryAfterMs;  // from Retry-After on 429/503
    Error error;                             // for Retry/Stop: what staff see (Chinese) and the log (English)
};

// 2xx and 409 (the platform already has this Idempotency-Key): delivered. 408, 429, 5xx, timeouts and
// broken connections: retry. 401/403/404/422 and other 4xx: stop, a person must fix something.
ReplyVerdict judgeReply(const HttpResponse& r, std::int64_t nowUnix, const std::string& what);

}  // namespace mh

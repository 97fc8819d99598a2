// The retry schedule and the meaning of each platform answer, as pure functions.
#include <doctest/doctest.h>

#include "shared/upload/backoff.hpp"
#include "shared/upload/upload_reply.hpp"

using namespace mh;

TEST_CASE("backoff doubles from the base, stops at the cap, and jitters within the last part") {
    BackoffPolicy p{1000, 60'000, 0.5};
    CHECK(backoffDelayMs(p, 1, 1.0) == 1000);
    CHECK(backoffDelayMs(p, 1, 0.0) == 500);
    CHECK(backoffDelayMs(p, 2, 1.0) == 2000);
    CHECK(backoffDelayMs(p, 4, 1.0) == 8000);
    CHECK(backoffDelayMs(p, 7, 1.0) == 60'000);
    CHECK(backoffDelayMs(p, 10'000, 1.0) == 60'000);  // a week of failures: no overflow, still the cap
    CHECK(backoffDelayMs(p, 10'000, 0.0) == 30'000);
}

TEST_CASE("Retry-After is read as seconds or as an HTTP date") {
    CHECK(parseRetryAfterMs("120", 0) == 120'000);
    CHECK(parseRetryAfterMs(" 3 ", 0) == 3000);
    CHECK_FALSE(parseRetryAfterMs("soon", 0));
    CHECK_FALSE(parseRetryAfterMs("", 0));
    auto at = parseHttpDate("Wed, 25 Nov 2026 12:00:00 GMT");
    REQUIRE(at);
    CHECK(*at == 1795608000);
    CHECK(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00 GMT", *at - 30) == 30'000);
    CHECK(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00 GMT", *at + 30) == 0);
}

TEST_CASE("2xx and 409 are delivered, 5xx/429/network are retried, other 4xx stop with a sentence") {
    auto judge = [](int status, Transport t = Transport::Ok) {
        HttpResponse r;
        r.status = status;
        r.transport = t;
        return judgeReply(r, 0, "2026-11-24");
    };
    for (int s : {200, 201, 202, 204, 409}) CHECK(judge(s).kind == ReplyKind::Delivered);
    for (int s : {408, 429, 500, 502, 503, 504}) CHECK(judge(s).kind == ReplyKind::Retry);
    CHECK(judge(0, Transport::Timeout).kind == ReplyKind::Retry);
    CHECK(judge(0, Transport::Failed).kind == ReplyKind::Retry);
    for (int s : {400, 401, 403, 404, 422}) CHECK(judge(s).kind == ReplyKind::Stop);
    CHECK(judge(401).error.message.find("upload.token") != std::string::npos);
    CHECK(judge(404).error.message.find("endpoint") != std::string::npos);
    CHECK(judge(422).error.message.find("2026-11-24") != std::string::npos);

    HttpResponse busy;
    busy.status = 503;
    busy.headers.emplace("retry-after", std::string("7"));
    const std::string day = "2026-11-24";
    CHECK(judgeReply(busy, 0, day).retryAfterMs == 7000);
}

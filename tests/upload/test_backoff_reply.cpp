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

TEST_CASE("Retry-After is read as seconds or as an HTTP date, and never asks for more than an hour") {
    CHECK(parseRetryAfterMs("120", 0) == 120'000);
    CHECK(parseRetryAfterMs(" 3 ", 0) == 3000);
    CHECK_FALSE(parseRetryAfterMs("soon", 0));
    CHECK_FALSE(parseRetryAfterMs("", 0));
    CHECK_FALSE(parseRetryAfterMs("-5", 0));
    const std::int64_t at = 1795608000;  // Wed, 25 Nov 2026 12:00:00 GMT
    CHECK(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00 GMT", at - 30) == 30'000);
    CHECK(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00 GMT", at + 30) == 0);
    // The obsolete date forms RFC 9110 still asks a recipient to accept (shared/upload/backoff.cpp reads them with date::parse).
    CHECK(parseRetryAfterMs("Wednesday, 25-Nov-26 12:00:00 GMT", at - 30) == 30'000);
    CHECK(parseRetryAfterMs("Wed Nov 25 12:00:00 2026", at - 30) == 30'000);
    // Absurd waits are capped at one hour (issue 11: 999999999 once scheduled the next upload for 2058).
    CHECK(parseRetryAfterMs("999999999", 0) == kMaxRetryAfterMs);
    CHECK(parseRetryAfterMs("99999999999999999999999999", 0) == kMaxRetryAfterMs);
    CHECK(parseRetryAfterMs("Fri, 01 Jan 2100 00:00:00 GMT", at) == kMaxRetryAfterMs);
    CHECK(kMaxRetryAfterMs == 3'600'000);
}

TEST_CASE("a Retry-After date must be a whole, real HTTP date, or it is not read at all") {
    const std::int64_t at = 1795608000;  // Wed, 25 Nov 2026 12:00:00 GMT
    CHECK(parseRetryAfterMs("Sun Nov  6 08:49:37 1994", at) == 0);  // asctime pads the day with a space
    CHECK_FALSE(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00 GMT and more", at));
    CHECK_FALSE(parseRetryAfterMs("Wed, 25 Nov 2026 12:00:00", at));     // no GMT
    CHECK_FALSE(parseRetryAfterMs("Wed, 32 Nov 2026 12:00:00 GMT", at));
    CHECK_FALSE(parseRetryAfterMs("Wed, 25 Nov 2026 25:00:00 GMT", at));
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
    for (int s : {401, 403, 404}) CHECK(judge(s).kind == ReplyKind::Stop);
    for (int s : {400, 410, 413, 422, 451}) CHECK(judge(s).kind == ReplyKind::Refused);
    CHECK(judge(401).error.code == "upload.token");
    CHECK(judge(404).error.code == "upload.endpoint");
    CHECK(judge(422).error.message.find("2026-11-24") != std::string::npos);

    HttpResponse busy;
    busy.status = 503;
    busy.headers.emplace("retry-after", std::string("7"));
    const std::string day = "2026-11-24";
    CHECK(judgeReply(busy, 0, day).retryAfterMs == 7000);
}

TEST_CASE("a refusal keeps the county's answer, bounded and cut at a character boundary") {
    HttpResponse r;
    r.status = 422;
    r.body = "{\"error\":\"日期早于本站开通日期\"}\n";
    ReplyVerdict v = judgeReply(r, 0, "1970-01-01");
    CHECK(v.kind == ReplyKind::Refused);
    CHECK(v.countyAnswer == "422 {\"error\":\"日期早于本站开通日期\"} ");
    CHECK(v.error.message.find("日期早于本站开通日期") != std::string::npos);

    r.body = std::string(kCountyAnswerMaxBytes - 1, 'x') + "县" + std::string(100'000, 'y');
    v = judgeReply(r, 0, "1970-01-01");
    CHECK(v.countyAnswer.size() < kCountyAnswerMaxBytes + 16);
    CHECK(v.countyAnswer == "422 " + std::string(kCountyAnswerMaxBytes - 1, 'x') + "…");  // not half of 县
}

TEST_CASE("a certificate problem is named as such for staff, not as the network being down") {
    HttpResponse r;
    r.transport = Transport::Certificate;
    r.error = "SSL certificate problem: self-signed certificate";
    ReplyVerdict v = judgeReply(r, 0, "2026-11-24");
    CHECK(v.kind == ReplyKind::Stop);
    CHECK(v.error.code == "upload.certificate");
    CHECK(v.error.message.find("证书") != std::string::npos);
    CHECK(v.error.message.find("这不是断网") != std::string::npos);
    CHECK(v.error.message.find("连不上") == std::string::npos);
}

// The URL escaper the roster pull puts its cursor through (libcurl's, not a hand-written table).
#include <doctest/doctest.h>

#include "shared/upload/upload_target.hpp"

TEST_CASE("urlEncode keeps the unreserved characters and escapes the rest as %XX, UTF-8 byte by byte") {
    CHECK(mh::urlEncode("AZaz09-._~") == "AZaz09-._~");
    CHECK(mh::urlEncode("2026-11-24T11:32:05+08:00 张") == "2026-11-24T11%3A32%3A05%2B08%3A00%20%E5%BC%A0");
    CHECK(mh::urlEncode("") == "");
}

// The core splits upload addresses with its own plain code (shared/core/url.hpp) while platform/net
// hands them to libcurl: for every address the core accepts, libcurl must read the same scheme, host,
// port and path, or the host the core checked would not be the host the adapter connects to.
#include <doctest/doctest.h>

#include <curl/curl.h>

#include <memory>
#include <string>

#include "shared/core/url.hpp"

namespace {

std::string curlPart(CURLU* h, CURLUPart which) {
    char* v = nullptr;
    if (curl_url_get(h, which, &v, 0) != CURLUE_OK || !v) return "";
    std::string out(v);
    curl_free(v);
    return out;
}

}  // namespace

TEST_CASE("every address the core's URL splitter accepts, libcurl reads the same way") {
    const char* corpus[] = {
        "https://platform.example.gov.cn/mealhall/v1", "HTTPS://platform.example.gov.cn/v1", "https://Example.ORG",
        "http://127.0.0.1:8080/api", "http://localhost:8080/api/", "http://[::1]:8080/api", "https://[::FFFF:127.0.0.1]/",
        "https://x.org:/p", "https://x.org:443/p", "https://x.org:08080/", "https://x.org:0/", "https://x.org/?",
        "https://x.org/#", "https://x.org/a/../b/./c", "https://x.org/..", "https://x.org/a/b/..", "https://x.org/a//b/",
        "https://x.org/p;q", "https://x.org/%41", "https://x.org/~a", "https://x_y.org/", "https://x..org/",
        "https://-x.org/", "https://x.org.", "https://10.0.0.1/v1", "http://127.0.0.1@192.0.2.2/v1",
        "https://user:pw@x.org/", "https://x.org/v1?token=1", "https://x.org/v1#frag", "https://1e5.example/",
        "https://deadbeef.example/", "https://x.org/a/./../b", "https://x.org/./", "http://LOCALHOST/",
    };
    for (const char* url : corpus) {
        CAPTURE(std::string(url));
        auto mine = mh::splitUrl(url);
        if (!mine) continue;  // narrower than libcurl by design: refusing is always safe
        std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> h(curl_url(), curl_url_cleanup);
        REQUIRE(curl_url_set(h.get(), CURLUPART_URL, url, 0) == CURLUE_OK);
        CHECK(mine->scheme == curlPart(h.get(), CURLUPART_SCHEME));
        CHECK(mine->host == curlPart(h.get(), CURLUPART_HOST));
        CHECK(mine->port == curlPart(h.get(), CURLUPART_PORT));
        CHECK(mine->path == curlPart(h.get(), CURLUPART_PATH));
        CHECK(mine->query == curlPart(h.get(), CURLUPART_QUERY));
        CHECK(mine->hasUserinfo == !curlPart(h.get(), CURLUPART_USER).empty());
        if (!mine->hasUserinfo) CHECK(mine->withoutUserinfo() == curlPart(h.get(), CURLUPART_URL));
    }
}

TEST_CASE("the core's urlEncode escapes exactly as libcurl's escaper did") {
    for (std::string s : {std::string("AZaz09-._~"), std::string("2026-11-24T11:32:05+08:00 张"), std::string(""),
                          std::string("a/b?c=d&e#f%"), std::string("\x01\x7f\xff", 3)}) {
        CAPTURE(s);
        char* escaped = curl_easy_escape(nullptr, s.data(), int(s.size()));
        REQUIRE(escaped);
        CHECK(mh::urlEncode(s) == escaped);
        curl_free(escaped);
    }
}

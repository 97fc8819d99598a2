// The plain URL splitter the core checks upload addresses with (shared/core/url.hpp): what it
// accepts, how it normalises, and the bad input it refuses rather than guesses at.
#include <doctest/doctest.h>

#include <string>

#include "shared/core/url.hpp"
#include "shared/site/upload_endpoint.hpp"

using namespace mh;

TEST_CASE("splitUrl reads scheme, host, port, path, query and fragment of a plain address") {
    auto u = splitUrl("HTTPS://platform.example.gov.cn:08443/mealhall/v1?a=1#top");
    REQUIRE(u);
    CHECK(u->scheme == "https");
    CHECK_FALSE(u->hasUserinfo);
    CHECK(u->host == "platform.example.gov.cn");
    CHECK(u->port == "8443");
    CHECK(u->path == "/mealhall/v1");
    CHECK(u->query == "a=1");
    CHECK(u->fragment == "top");
    CHECK(u->withoutUserinfo() == "https://platform.example.gov.cn:8443/mealhall/v1?a=1#top");

    auto v6 = splitUrl("http://[::1]:8080/api");
    REQUIRE(v6);
    CHECK(v6->host == "[::1]");
    CHECK(v6->port == "8080");
    CHECK(splitUrl("https://x.org")->path == "/");
    CHECK(splitUrl("https://x.org:/p")->port.empty());
    CHECK(splitUrl("https://x.org/?#")->withoutUserinfo() == "https://x.org/");
}

TEST_CASE("splitUrl resolves dot segments as the network adapter does") {
    CHECK(splitUrl("https://x.org/a/../b/./c")->path == "/b/c");
    CHECK(splitUrl("https://x.org/..")->path == "/");
    CHECK(splitUrl("https://x.org/a/b/..")->path == "/a/");
    CHECK(splitUrl("https://x.org/a//b/")->path == "/a//b/");
}

TEST_CASE("splitUrl sees the host after a user name, never the user name as the host") {
    auto u = splitUrl("http://127.0.0.1@192.0.2.2/v1");
    REQUIRE(u);
    CHECK(u->hasUserinfo);
    CHECK(u->host == "192.0.2.2");
    CHECK(u->withoutUserinfo() == "http://192.0.2.2/v1");
}

TEST_CASE("splitUrl refuses bad input instead of guessing") {
    for (const char* bad : {
             "", "example.org", "//example.org/v1", "https:", "https://", "https:///v1", "http:/x.org/p",
             "1http://x.org/", "ht tp://x.org/", "https://x.org/a b", "https://x.org/a\tb", "https://x.org\\v1",
             "https://x.org/\x7f", "https://a@b@c/",          // an '@' left in the host
             "https://x%41.org/", "https://x,y/", "https://x!y/", "https://x(y)/", "https://\xc3\x84.org/",
             "https://x.org:99999/", "https://x.org:80a/", "https://x.org:-1/", "https://x.org:1:2/",
             "https://127.1/", "http://0x7f000001/", "http://2130706433/", "http://010.0.0.1/",  // numeric tricks
             "http://127.0.0.256/", "https://[zz]/", "https://[1:2]/", "https://[::1/", "https://[::1]x/",
             "https://[fe80::1%25eth0]/",
         }) {
        CAPTURE(std::string(bad));
        CHECK_FALSE(splitUrl(bad));
    }
}

TEST_CASE("checkEndpoint refuses an address it cannot split, with the plain sentence for staff") {
    for (const char* bad : {"https://127.1/v1", "platform.example.gov.cn/v1", "https://x.org/a b"}) {
        CAPTURE(std::string(bad));
        auto r = checkEndpoint(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "upload.endpoint");
    }
    CHECK(*checkEndpoint("HTTPS://platform.example.gov.cn/a/../v1/") == "https://platform.example.gov.cn/v1");
    CHECK(checkEndpoint("ftp://platform.example.gov.cn/").error().en.find("not a https://") != std::string::npos);
}

// site.toml [peers] (contract 11): parsing with clear errors, and the text edit `init --join` makes
// that keeps every comment county IT wrote.
#include <doctest/doctest.h>

#include "shared/site/peers_toml.hpp"
#include "shared/site/site.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;

TEST_CASE("[peers] addresses and listen are read, and listen defaults to 0.0.0.0:7443") {
    auto cfg = parseSiteConfig(standardToml("[peers]\naddresses = [\"192.168.1.21:7443\", \"kiosk-b.local:8000\"]\n"));
    REQUIRE(cfg);
    CHECK(cfg->peerAddresses == std::vector<std::string>{"192.168.1.21:7443", "kiosk-b.local:8000"});
    CHECK(cfg->peerListen == "0.0.0.0:7443");
    auto none = parseSiteConfig(standardToml());
    REQUIRE(none);
    CHECK(none->peerAddresses.empty());
}

TEST_CASE("[peers] claim_wait_ms is how long a scan waits for the other terminals: 300 ms unless set, 100 to 5000") {
    auto none = parseSiteConfig(standardToml());
    REQUIRE(none);
    CHECK(none->peerClaimWaitMs == 300);
    auto slow = parseSiteConfig(standardToml("[peers]\nclaim_wait_ms = 800\n"));
    REQUIRE(slow);
    CHECK(slow->peerClaimWaitMs == 800);
    for (const char* bad : {"50", "6000", "-1", "\"800\"", "0.5"}) {
        CAPTURE(bad);
        auto cfg = parseSiteConfig(standardToml(std::string("[peers]\nclaim_wait_ms = ") + bad + "\n"));
        REQUIRE_FALSE(cfg);
        CHECK(cfg.error().message.find("claim_wait_ms") != std::string::npos);
    }
}

TEST_CASE("a peer address without a port is refused with its line and an example") {
    auto cfg = parseSiteConfig(standardToml("[peers]\naddresses = [\"192.168.1.21\"]\n"));
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.find("192.168.1.21") != std::string::npos);
    CHECK(cfg.error().message.find("地址:端口") != std::string::npos);
    CHECK(cfg.error().message.find("行") != std::string::npos);
}

TEST_CASE("bad peer addresses and listen values are each refused") {
    for (const char* bad : {"\"http://10.0.0.1:7443\"", "\"10.0.0.1:0\"", "\"10.0.0.1:70000\"", "\"10.0.0.1:ab\"",
                            "\"10.0.0.1 :7443\"", "7443"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseSiteConfig(standardToml(std::string("[peers]\naddresses = [") + bad + "]\n")));
    }
    CHECK_FALSE(parseSiteConfig(standardToml("[peers]\naddresses = [\"10.0.0.1:7443\", \"10.0.0.1:7443\"]\n")));
    CHECK_FALSE(parseSiteConfig(standardToml("[peers]\nlisten = \"7443\"\n")));
    CHECK_FALSE(parseSiteConfig(standardToml("[peers]\nadresses = []\n")));  // a typo is not ignored
    CHECK(parseSiteConfig(standardToml("[peers]\nlisten = \"127.0.0.1:0\"\n")));  // any free port: tests
    CHECK(parseSiteConfig(standardToml("[peers]\naddresses = [\"[fe80::1]:7443\"]\n")));
}

TEST_CASE("adding [peers] to a file without it appends the table and keeps every comment") {
    std::string text = standardToml();
    text = "# 县里的说明：不要删\n" + text;
    std::string out = withPeersInToml(text, {"10.0.0.2:7443"});
    CHECK(out.rfind(text, 0) == 0);  // everything before is untouched
    auto cfg = parseSiteConfig(out);
    REQUIRE(cfg);
    CHECK(cfg->peerAddresses == std::vector<std::string>{"10.0.0.2:7443"});
}

TEST_CASE("the addresses line is replaced in place, a multi-line list included, comments kept") {
    std::string text = standardToml(
        "# 其他签到机\n[peers]   # 门口两台\naddresses = [\n  \"10.0.0.2:7443\",  # 东门\n]  # 东门那台\n"
        "listen = \"0.0.0.0:7443\"   # 本机\n\n[display]\nshow_full_names = false # 遮挡\n");
    std::string out = withPeersInToml(text, {"10.0.0.2:7443", "10.0.0.3:7443"}, std::string("0.0.0.0:8443"));
    auto cfg = parseSiteConfig(out);
    REQUIRE(cfg);
    CHECK(cfg->peerAddresses == std::vector<std::string>{"10.0.0.2:7443", "10.0.0.3:7443"});
    CHECK(cfg->peerListen == "0.0.0.0:8443");
    CHECK_FALSE(cfg->showFullNames);
    for (const char* kept : {"# 其他签到机", "[peers]   # 门口两台", "# 东门那台", "# 本机", "show_full_names = false # 遮挡"}) {
        CAPTURE(kept);
        CHECK(out.find(kept) != std::string::npos);
    }
    // And a round trip: setting the same list again changes nothing.
    CHECK(withPeersInToml(out, cfg->peerAddresses, cfg->peerListen) == out);
}

TEST_CASE("a [peers] table without addresses gets the line right under its header") {
    std::string text = standardToml("[peers]\nlisten = \"0.0.0.0:7443\"\n");
    auto cfg = parseSiteConfig(withPeersInToml(text, {"10.0.0.9:7443"}));
    REQUIRE(cfg);
    CHECK(cfg->peerAddresses == std::vector<std::string>{"10.0.0.9:7443"});
}

TEST_CASE("adding a peer to a site's file writes it once, keeps it loading and updates the last good copy") {
    TempDir dir;
    auto site = makeSite(dir.path());
    REQUIRE(addPeerToSiteToml(dir.path(), "10.0.0.5:7443"));
    REQUIRE(addPeerToSiteToml(dir.path(), "10.0.0.5:7443"));  // twice: still once
    REQUIRE(addPeerToSiteToml(dir.path(), "10.0.0.6:7443"));
    auto cfg = loadSiteConfig(dir.path() / kSiteToml);
    REQUIRE(cfg);
    CHECK(cfg->peerAddresses == std::vector<std::string>{"10.0.0.5:7443", "10.0.0.6:7443"});
    CHECK(readFile(dir.path() / kLastGoodSiteToml) == readFile(dir.path() / kSiteToml));
}

TEST_CASE("a broken site.toml is not touched when a peer is added") {
    TempDir dir;
    auto site = makeSite(dir.path());
    writeFile(dir.path() / kSiteToml, readFile(dir.path() / kSiteToml) + "\n[nonsense]\n");
    std::string before = readFile(dir.path() / kSiteToml);
    auto st = addPeerToSiteToml(dir.path(), "10.0.0.5:7443");
    CHECK_FALSE(st);
    CHECK(readFile(dir.path() / kSiteToml) == before);
}

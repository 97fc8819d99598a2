// When a terminal listens for its peers (contract 11, hardened): a site with no peers opens no port
// until staff show a pairing code, and closes it when the code is gone; a site with peers listens from
// the start. And when the port is taken, the message names the setting to change where it is. Through
// the background services `run` and `serve` start (SiteServices), on 127.0.0.1; whether a port is
// open is read from /proc/net/tcp, as an outsider would see it.
#include <doctest/doctest.h>

#include <atomic>

#include "kiosk/app/site_services.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/peers/pairing_join.hpp"
#include "support/free_port.hpp"
#include "support/tcp_listening.hpp"
#include "support/test_site.hpp"
#include "support/wait_until.hpp"

using namespace mh;
using namespace mh::test;

namespace {

// A wall clock the test moves while the services' watcher thread reads it.
class SteppedClock final : public Clock {
public:
    explicit SteppedClock(std::int64_t t) : m_t(t) {}
    [[nodiscard]] std::int64_t nowUnix() const override { return m_t.load(); }
    void advance(std::int64_t s) { m_t += s; }

private:
    std::atomic<std::int64_t> m_t;
};

app::SiteServicesOptions listenOn(int port) {
    app::SiteServicesOptions opt;
    opt.listen = "127.0.0.1:" + std::to_string(port);
    return opt;
}

Result<JoinResult> joinAt(int port, const std::string& code, const std::filesystem::path& dir, const std::string& listen) {
    CurlOptions copt;
    copt.connectTimeoutMs = 2000;
    copt.totalTimeoutMs = 20000;
    CurlHttpClient http(copt);
    JoinOptions o;
    o.address = "127.0.0.1:" + std::to_string(port);
    o.code = code;
    o.listen = listen;
    return joinSite(http, dir, o);
}

}  // namespace

TEST_CASE("no peers: no port until a code is shown, closed again when it expires or is withdrawn") {
    TempDir dir;
    auto site = makeSite(dir.path());
    SteppedClock clock(1'800'000'000);
    int port = freePort();
    app::SiteServices services(*site, clock, curlClientFactory(site->dir()), listenOn(port));
    REQUIRE(services.start());
    CHECK_FALSE(services.listening());
    CHECK_FALSE(tcpListening(port));
    CHECK_FALSE(services.peersView().codeShown);
    CHECK(services.peersView().canPair);

    auto code = services.showPairingCode();
    REQUIRE(code);
    CHECK(services.listening());
    CHECK(tcpListening(port));
    CHECK(services.peersView().code == *code);
    CHECK(services.peerPort() == port);
    // Its 10 minutes pass: the watcher closes the port within a couple of seconds, by itself.
    clock.advance(PairingCode::kLifetimeSeconds);
    CHECK(waitUntil([&] { return !services.listening(); }, std::chrono::seconds(10), std::chrono::milliseconds(50)));
    CHECK_FALSE(tcpListening(port));

    // Shown again, then withdrawn by staff (收起, or leaving the settings tab): closed at once.
    REQUIRE(services.showPairingCode());
    CHECK(tcpListening(port));
    services.hidePairingCode();
    CHECK_FALSE(services.listening());
    CHECK_FALSE(tcpListening(port));
    services.stop();
}

TEST_CASE("no peers: the port stays open once a terminal joined through the code shown") {
    TempDir dir, other;
    auto site = makeSite(dir.path());
    SteppedClock clock(1'800'000'000);
    int port = freePort();
    app::SiteServices services(*site, clock, curlClientFactory(site->dir()), listenOn(port));
    REQUIRE(services.start());
    auto code = services.showPairingCode();
    REQUIRE(code);
    auto r = joinAt(port, *code, other.path() / "site", "127.0.0.1:7601");
    REQUIRE_MESSAGE(r, (r ? "" : r.error().en));
    CHECK(loadSiteConfig(dir.path() / kSiteToml)->peerAddresses == std::vector<std::string>{"127.0.0.1:7601"});
    clock.advance(PairingCode::kLifetimeSeconds);
    services.updateListener();
    CHECK(services.listening());  // it has a peer now: the peer feed needs the port
    CHECK(tcpListening(port));
    CHECK(services.peersView().peers.size() == 1);
    services.stop();
    CHECK_FALSE(tcpListening(port));
}

TEST_CASE("a site with peers listens from the start, with or without a code") {
    TempDir dir;
    auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\n"));
    SteppedClock clock(1'800'000'000);
    int port = freePort();
    app::SiteServices services(*site, clock, curlClientFactory(site->dir()), listenOn(port));
    REQUIRE(services.start());
    CHECK(services.listening());
    CHECK(tcpListening(port));
    REQUIRE(services.showPairingCode());
    services.hidePairingCode();
    CHECK(tcpListening(port));
    services.stop();
}

TEST_CASE("a port taken names what to change: --listen, the file's [peers] listen, or the lines to add") {
    SteppedClock clock(1'800'000'000);
    PeerServerOptions hold;
    hold.host = "127.0.0.1";
    hold.port = 0;
    PeerServer holder([](const PeerRequest&) { return PeerReply{}; }, hold);
    REQUIRE(holder.start());
    const std::string taken = "127.0.0.1:" + std::to_string(holder.port());

    SUBCASE("given on the command line") {
        TempDir dir;
        auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\n"));
        app::SiteServicesOptions opt;
        opt.listen = taken;
        opt.listenOption = "--listen";
        app::SiteServices services(*site, clock, curlClientFactory(site->dir()), opt);
        auto st = services.start();
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find("端口被别的程序占用") != std::string::npos);
        CHECK(st.error().message.find("请换一个 --listen") != std::string::npos);
        CHECK(st.error().message.find("site.toml") == std::string::npos);
    }
    SUBCASE("in site.toml's [peers] listen") {
        TempDir dir;
        auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\nlisten = \"" + taken + "\"\n"));
        app::SiteServices services(*site, clock, curlClientFactory(site->dir()), {});
        auto st = services.start();
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find("[peers] 下面的 listen = \"" + taken + "\"") != std::string::npos);
        CHECK(services.peersView().problem.find("其他签到机连不上本机") != std::string::npos);
    }
    SUBCASE("site.toml has no [peers]: the staff screen's 显示配对码 says which two lines to add") {
        TempDir dir;
        auto site = makeSite(dir.path());
        // The default 0.0.0.0:7443 is taken too when something here holds it; else the test holds it.
        PeerServerOptions def;
        def.port = 7443;
        PeerServer defaultHolder([](const PeerRequest&) { return PeerReply{}; }, def);
        (void)defaultHolder.start();
        app::SiteServices services(*site, clock, curlClientFactory(site->dir()), {});
        REQUIRE(services.start());  // no peers: nothing to bind yet
        ui::OpsLink link = services.link();
        REQUIRE(link.showPairingCode);
        std::string problem = link.showPairingCode();
        CHECK(problem.find("末尾加两行：[peers] 和 listen = ") != std::string::npos);
        CHECK(problem.find("--listen") == std::string::npos);  // run has no such option
        CHECK_FALSE(services.peersView().codeShown);  // no code without a port to take it
    }
}

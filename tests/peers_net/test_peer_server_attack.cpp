// The peer server against an attacker on the LAN who has no site keys (contract 11, "hardened on
// 2026-12-06"): slow and idle connections, headers dribbled past the deadline, bodies over 4 MiB
// sent chunked, one address taking many places. Real sockets on loopback (127.0.0.1 for the site's
// own traffic, 127.0.0.2... for the attacking machines), the real PeerServer and curl client.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "kiosk/app/peer_stack.hpp"
#include "platform/net/curl_http_client.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/peers_toml.hpp"
#include "support/slow_peer_attack.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

double msSince(Steady::time_point t0) { return std::chrono::duration<double, std::milli>(Steady::now() - t0).count(); }

// A peer server on 127.0.0.1 whose claims answer at once, like PeerService's.
struct Served {
    std::atomic<int> calls{0};
    PeerServer server;
    explicit Served(PeerServerOptions opt = {})
        : server(
              [this](const PeerRequest& r) {
                  ++calls;
                  return PeerReply{200, "{\"path\":\"" + r.path + "\"}"};
              },
              local(opt)) {
        REQUIRE(server.start());
    }
    static PeerServerOptions local(PeerServerOptions o) {
        o.host = "127.0.0.1";
        o.port = 0;
        return o;
    }
    std::string url(const char* path) const { return "http://127.0.0.1:" + std::to_string(server.port()) + path; }
};

HttpRequest claimRequest(const std::string& url) {
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = R"({"elder":"E1","service":"lunch","day":"2026-11-25"})";
    return r;
}

// Waits until the server closes `fd` (or `limit` passes): the time it took, in ms.
double msUntilClosed(int fd, Steady::time_point t0, std::chrono::milliseconds limit,
                     const std::function<void()>& eachTick = {}) {
    while (Steady::now() - t0 < limit) {
        if (closedByServer(fd)) return msSince(t0);
        if (eachTick) eachTick();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return msSince(t0);
}

const std::string kSmallPost =
    "POST /peer/v1/claim HTTP/1.1\r\nHost: peer\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
    "Connection: close\r\n\r\n{}";

}  // namespace

TEST_CASE("50 slow and idle connections from ten machines: a claim from a proper client still answers in under 1 s, all through the attack") {
    Served s;
    SlowPeerAttack attack(s.server.port(), 50, attackerSources(10));
    attack.start();
    int answered = 0;
    double worst = 0;
    int leastHeld = 50;
    // 8 s: past the 5 s deadline, so the attacker's reconnections are part of it too.
    auto t0 = Steady::now();
    while (Steady::now() - t0 < std::chrono::seconds(8)) {
        leastHeld = std::min(leastHeld, attack.holding());
        auto c0 = Steady::now();
        CurlOptions quick;
        quick.connectTimeoutMs = 1'000;
        quick.totalTimeoutMs = 2'000;
        CurlHttpClient client(quick);  // a new connection each time: accepted under attack
        HttpResponse r = client.send(claimRequest(s.url("/peer/v1/claim")));
        double ms = msSince(c0);
        worst = std::max(worst, ms);
        CHECK(r.status == 200);
        CHECK(ms < 1000);
        answered += r.status == 200;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    INFO("worst claim " << worst << " ms, attacker held at least " << leastHeld << ", reopened " << attack.opened());
    CHECK(answered >= 20);
    CHECK(leastHeld >= 40);  // the attack really held its places meanwhile
    CHECK(attack.cut() > 0);  // and the server cut the dribblers at their deadline
    MESSAGE("claims under 50 slow connections: " << answered << " answered, worst " << worst << " ms");
}

TEST_CASE("a request dribbling its headers for 10 s is cut at the 5 s deadline, an idle kept connection after 2 s") {
    Served s;
    int fd = loopbackConnect(s.server.port(), "127.0.0.2");
    REQUIRE(fd >= 0);
    auto t0 = Steady::now();
    const std::string head = "POST /peer/v1/claim HTTP/1.1\r\nHost: peer\r\nX-Slow: ";
    REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == ssize_t(head.size()));
    double cutAt = msUntilClosed(fd, t0, std::chrono::seconds(10), [&] { (void)::send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT); });
    ::close(fd);
    CHECK(cutAt > 4500);
    CHECK(cutAt < 6500);
    CHECK(s.calls == 0);

    // A whole request on a kept connection is answered; the connection then idles and is closed.
    fd = loopbackConnect(s.server.port(), "127.0.0.2");
    REQUIRE(fd >= 0);
    const std::string kept =
        "POST /peer/v1/claim HTTP/1.1\r\nHost: peer\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
    REQUIRE(::send(fd, kept.data(), kept.size(), MSG_NOSIGNAL) == ssize_t(kept.size()));
    char buf[1024];
    pollfd p{fd, POLLIN, 0};
    REQUIRE(::poll(&p, 1, 2000) == 1);
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    REQUIRE(n > 0);
    CHECK(std::string(buf, size_t(n)).rfind("HTTP/1.1 200", 0) == 0);
    double idleCut = msUntilClosed(fd, Steady::now(), std::chrono::seconds(6));
    ::close(fd);
    CHECK(idleCut > 1500);
    CHECK(idleCut < 3000);
}

TEST_CASE("one address gets at most 8 places, it never blocks another address, and the total is capped too") {
    PeerServerOptions opt;
    opt.maxConnections = 12;
    Served s(opt);
    std::vector<int> held;
    for (int i = 0; i < 8; ++i) {
        int fd = loopbackConnect(s.server.port(), "127.0.0.2");
        REQUIRE(fd >= 0);
        held.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    for (int fd : held) CHECK_FALSE(closedByServer(fd));
    // The ninth from the same machine is told 503 and closed at once.
    auto t0 = Steady::now();
    std::string ninth = loopbackExchange(s.server.port(), "127.0.0.2", kSmallPost);
    CHECK(ninth.rfind("HTTP/1.1 503", 0) == 0);
    CHECK(msSince(t0) < 1000);
    // Another machine is served as usual.
    t0 = Steady::now();
    std::string other = loopbackExchange(s.server.port(), "127.0.0.3", kSmallPost);
    CHECK(other.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(msSince(t0) < 1000);
    // Up to the total: 4 more from 127.0.0.3 fill 12; the next from a third machine is refused.
    for (int i = 0; i < 4; ++i) {
        int fd = loopbackConnect(s.server.port(), "127.0.0.3");
        REQUIRE(fd >= 0);
        held.push_back(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(loopbackExchange(s.server.port(), "127.0.0.4", kSmallPost).rfind("HTTP/1.1 503", 0) == 0);
    for (int fd : held) ::close(fd);
    // Places are given back as the connections end.
    bool served = false;
    for (int i = 0; i < 50 && !served; ++i) {
        served = loopbackExchange(s.server.port(), "127.0.0.4", kSmallPost).rfind("HTTP/1.1 200", 0) == 0;
        if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(served);
}

TEST_CASE("a 300 MB chunked body is refused after about 4 MiB, never read whole, a declared or compressed one unread") {
    Served s;
    ChunkedFlood f = floodChunked(s.server.port(), "127.0.0.2", std::size_t(300) << 20);
    INFO("sent " << f.sent / (1 << 20) << " MiB, answer: " << f.answer.substr(0, 40));
    CHECK(f.refused);
    CHECK(f.sent < (std::size_t(32) << 20));  // the 4 MiB cap plus what the kernel's buffers held
    CHECK((f.answer.empty() || f.answer.rfind("HTTP/1.1 413", 0) == 0));
    CHECK(s.calls == 0);

    std::string declared = loopbackExchange(s.server.port(), "127.0.0.2",
                                            "POST /peer/v1/push HTTP/1.1\r\nHost: peer\r\nContent-Length: 314572800\r\n\r\n");
    CHECK(declared.rfind("HTTP/1.1 413", 0) == 0);
    std::string gzip = loopbackExchange(s.server.port(), "127.0.0.2",
                                        "POST /peer/v1/push HTTP/1.1\r\nHost: peer\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd");
    CHECK(gzip.rfind("HTTP/1.1 415", 0) == 0);
    CHECK(s.calls == 0);
    // And the server still answers.
    CHECK(loopbackExchange(s.server.port(), "127.0.0.3", kSmallPost).rfind("HTTP/1.1 200", 0) == 0);
}

TEST_CASE("stop() ends held connections at once instead of waiting out their deadlines") {
    auto s = std::make_unique<Served>();
    SlowPeerAttack attack(s->server.port(), 20, attackerSources(4));
    attack.start();
    auto t0 = Steady::now();
    s->server.stop();
    CHECK(msSince(t0) < 1500);
    CHECK_FALSE(s->server.running());
}

TEST_CASE("a peer whose places are all taken by an attacker, or whose claims come too late, is shown to staff as unreachable") {
    TempDir scratch;
    SystemClock clock;
    fs::path a = scratch.path() / "a", b = scratch.path() / "b";
    {
        auto first = makeSite(a);
        std::vector<std::pair<std::string, std::string>> files;
        for (const char* f : {kIdHashKeyFile, kCardKeyFile}) files.emplace_back(f, readFile(a / f));
        auto joined = Site::initJoined(b, readFile(a / kSiteToml), files);
        REQUIRE(joined);
    }
    auto siteB = Site::open(b);
    REQUIRE(siteB);
    app::PeerStack stackB(**siteB, clock, true);
    std::atomic<int> claimDelayMs{0};
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    opt.maxConnections = 6;
    PeerServer serverB(
        [&](const PeerRequest& r) {
            std::this_thread::sleep_for(std::chrono::milliseconds(claimDelayMs.load()));
            return stackB.handle(r);
        },
        opt);
    REQUIRE(serverB.start());
    REQUIRE(addPeerToSiteToml(a, "127.0.0.1:" + std::to_string(serverB.port())));
    auto siteA = Site::open(a);
    REQUIRE(siteA);
    app::PeerStack stackA(**siteA, clock, false);
    const ClaimKey key{"E1", "lunch", "2026-11-25"};
    auto ask = [&](const ClaimKey& k) {
        auto t0 = Steady::now();
        (void)stackA.askPeers(k);
        CHECK(msSince(t0) < 1000);
        auto st = stackA.states();
        REQUIRE(st.size() == 1);
        return st[0];
    };
    CHECK(ask(key).reachable);
    // The kept connection of that claim is closed by B after its 2 s idle; the attacker takes its place.
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));

    {   // every place held by slow connections from three machines: refused, so away
        SlowPeerAttack attack(serverB.port(), 6, attackerSources(3));
        attack.start();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        auto st = ask({"E2", "lunch", "2026-11-25"});
        CHECK_FALSE(st.reachable);
        CHECK_FALSE(st.problem.empty());
    }
    // The attack over, its places come back and the peer is reachable again.
    bool back = false;
    for (int i = 0; i < 50 && !back; ++i) {
        back = ask({"E3", "lunch", "2026-11-25"}).reachable;
        if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(back);

    claimDelayMs = 800;  // slower than the 300 ms claim wait
    auto slow = ask({"E4", "lunch", "2026-11-25"});
    CHECK_FALSE(slow.reachable);
    CHECK(slow.problem.find("太慢") != std::string::npos);
    claimDelayMs = 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // the overdue claim comes back
}

TEST_CASE("half-sent bodies on many connections together stay within the server's shared byte budget") {
    PeerServerOptions opt;
    opt.maxBytesInFlight = 256 * 1024;
    Served s(opt);
    // Each declares 200 KiB (under the 4 MiB cap), sends 150 KiB of it and holds: the second one
    // would take the server past 256 KiB of unanswered request, so it is refused.
    const std::string head =
        "POST /peer/v1/push HTTP/1.1\r\nHost: peer\r\nContent-Length: 204800\r\n\r\n";
    const std::string part(150 * 1024, 'x');
    auto sendPart = [&](const std::string& source) {
        int fd = loopbackConnect(s.server.port(), source);
        REQUIRE(fd >= 0);
        REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == ssize_t(head.size()));
        REQUIRE(::send(fd, part.data(), part.size(), MSG_NOSIGNAL) == ssize_t(part.size()));
        return fd;
    };
    int first = sendPart("127.0.0.2");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server has read it
    int second = sendPart("127.0.0.3");
    pollfd p{second, POLLIN, 0};
    REQUIRE(::poll(&p, 1, 3000) == 1);
    char buf[256];
    ssize_t n = ::recv(second, buf, sizeof buf, 0);
    REQUIRE(n > 0);
    CHECK(std::string(buf, size_t(n)).rfind("HTTP/1.1 413", 0) == 0);
    CHECK_FALSE(closedByServer(first));  // the first is still being read, within its deadline
    ::close(first);
    ::close(second);
    CHECK(s.calls == 0);
    // The budget is given back: a whole request is served again.
    bool served = false;
    for (int i = 0; i < 30 && !served; ++i) {
        served = loopbackExchange(s.server.port(), "127.0.0.4", kSmallPost).rfind("HTTP/1.1 200", 0) == 0;
        if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(served);
}

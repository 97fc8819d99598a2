// Joining a site with the six-digit code, over the real peer server on 127.0.0.1 (any free port) and
// the real curl client: what the new terminal gets, and every way a join is refused.
#include <doctest/doctest.h>

#include "platform/net/curl_http_client.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/peers/pairing_hello.hpp"
#include "shared/peers/pairing_join.hpp"
#include "shared/peers/pairing_service.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/terminal_identity.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;

namespace {

const char* kRoster =
    "elder_id,name,birth_date,categories,village\n"
    "E0001,张桂兰,1940-01-02,tekun,北关村\n"
    "E0002,王秀英,1944-03-04,dibao,南关村\n";

// A terminal holding a code, serving on 127.0.0.1:0.
struct CodeHolder {
    TempDir dir;
    FakeClock clock{1'800'000'000};
    std::unique_ptr<Site> site;
    PairingCode code{clock};
    std::unique_ptr<PairingService> pairing;
    std::unique_ptr<PeerServer> server;

    CodeHolder() {
        site = makeSite(dir.path());
        writeFile(dir.path() / "roster.csv", kRoster);
        auto r = importRosterFile(*site, dir.path() / "roster.csv", LocalDate::parse("2026-11-24").value(),
                                  "2026-11-24T09:00:00+08:00", "admin");
        REQUIRE(r);
        writeFile(dir.path() / "upload.token", "secret-token\n");
        code.show();  // staff show a code
        pairing = std::make_unique<PairingService>(dir.path(), code, clock);
        PeerServerOptions opt;
        opt.host = "127.0.0.1";
        opt.port = 0;
        server = std::make_unique<PeerServer>([this](const PeerRequest& r) { return pairing->handle(r); }, opt);
        REQUIRE(server->start());
        REQUIRE(server->port() > 0);
    }
    std::string address() const { return "127.0.0.1:" + std::to_string(server->port()); }
};

Result<JoinResult> join(const CodeHolder& h, const std::filesystem::path& dir, const std::string& code,
                        const std::string& listen = "0.0.0.0:7555") {
    CurlOptions copt;
    copt.connectTimeoutMs = 2000;
    copt.totalTimeoutMs = 20000;
    CurlHttpClient http(copt);
    JoinOptions o;
    o.address = h.address();
    o.code = code;
    o.listen = listen;
    return joinSite(http, dir, o);
}

std::string wrongCode(const std::string& right) { return right == "000000" ? "000001" : "000000"; }

int elderCount(Site& s) {
    auto st = s.db().prepare("SELECT count(*) FROM elders");
    st.step();
    return int(st.i64(0));
}

}  // namespace

TEST_CASE("the right code joins: a new terminal id, the same site, keys, roster and token, and both list each other") {
    CodeHolder h;
    TempDir b;
    auto joiner = b.path() / "site";
    auto r = join(h, joiner, h.code.view().code);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().en));
    auto bs = Site::open(joiner);
    REQUIRE(bs);
    std::string termA = loadTerminalIdentity(h.site->db()).id, termB = loadTerminalIdentity((*bs)->db()).id;
    CHECK(r->terminal == termB);
    CHECK(r->fromTerminal == termA);
    CHECK(termA != termB);
    CHECK((*bs)->config().siteId == h.site->config().siteId);
    CHECK((*bs)->keys().idHashKey == h.site->keys().idHashKey);
    CHECK((*bs)->keys().publicKeyBase32() == h.site->keys().publicKeyBase32());
    CHECK(readFile(joiner / "upload.token") == "secret-token\n");
    CHECK(elderCount(**bs) == 2);
    // The joiner lists the code-holder; the code-holder lists the joiner at its IP and listen port.
    CHECK((*bs)->config().peerAddresses == std::vector<std::string>{h.address()});
    CHECK((*bs)->config().peerListen == "0.0.0.0:7555");
    auto aCfg = loadSiteConfig(h.dir.path() / kSiteToml);
    REQUIRE(aCfg);
    CHECK(aCfg->peerAddresses == std::vector<std::string>{"127.0.0.1:7555"});
    CHECK(r->peerAdded);
    // Single use: the same code does not let a second terminal in.
    TempDir c;
    auto again = join(h, c.path() / "site", h.code.view().code);
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "join.code");
    CHECK_FALSE(std::filesystem::exists(c.path() / "site"));
}

TEST_CASE("a wrong code is refused with 配对码不对, and after three wrong tries that address is shut out of the code") {
    CodeHolder h;
    TempDir b;
    std::string right = h.code.view().code;
    for (int i = 0; i < PairingCode::kTriesPerAddress; ++i) {
        auto r = join(h, b.path() / "site", wrongCode(right));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "join.code");
        CHECK(r.error().message.find("配对码不对") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(b.path() / "site"));
    }
    // Now even the right code is refused from this address; the code itself still works for others
    // (test_pairing_limits.cpp).
    auto r = join(h, b.path() / "site", right);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("次数太多") != std::string::npos);
    CHECK(h.code.view().usable);
    CHECK(loadSiteConfig(h.dir.path() / kSiteToml)->peerAddresses.empty());
}

TEST_CASE("an expired code is refused, and a new code works") {
    CodeHolder h;
    TempDir b;
    std::string old = h.code.view().code;
    h.clock.advance(PairingCode::kLifetimeSeconds);
    auto r = join(h, b.path() / "site", old);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "join.code");
    CHECK(r.error().message.find("失效") != std::string::npos);
    h.code.show();  // staff show a new one
    REQUIRE(join(h, b.path() / "site", h.code.view().code));
}

TEST_CASE("joining into a directory that is not empty is refused before anything is sent") {
    CodeHolder h;
    TempDir b;
    writeFile(b.path() / "notes.txt", "mine");
    auto r = join(h, b.path(), h.code.view().code);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "join.usage");
    CHECK(h.code.view().usable);  // no try was spent
    CHECK(readFile(b.path() / "notes.txt") == "mine");
}

TEST_CASE("an unreachable terminal is a clear error, not a wrong code") {
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    int freePort;
    {
        PeerServer s([](const PeerRequest&) { return PeerReply{}; }, opt);
        REQUIRE(s.start());
        freePort = s.port();
    }  // stopped: nobody listens there now
    CurlHttpClient http;
    TempDir b;
    JoinOptions o;
    o.address = "127.0.0.1:" + std::to_string(freePort);
    o.code = "123456";
    auto r = joinSite(http, b.path() / "site", o);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "join.unreachable");
    CHECK(r.error().message.find("连不上") != std::string::npos);
}

TEST_CASE("the peer server answers only POSTs under /peer/v1 and refuses a body over its cap") {
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    opt.maxBodyBytes = 1024;
    int calls = 0;
    PeerServer s([&calls](const PeerRequest& r) { ++calls; return PeerReply{200, "{\"path\":\"" + r.path + "\"}"}; }, opt);
    REQUIRE(s.start());
    CurlHttpClient http;
    std::string base = "http://127.0.0.1:" + std::to_string(s.port());
    HttpRequest post;
    post.method = "POST";
    post.url = base + "/peer/v1/feed";
    post.body = "{}";
    auto ok = http.send(post);
    CHECK(ok.status == 200);
    CHECK(ok.body == "{\"path\":\"/peer/v1/feed\"}");
    HttpRequest get;
    get.url = base + "/peer/v1/feed";
    CHECK(http.send(get).status != 200);
    post.url = base + "/other";
    CHECK(http.send(post).status == 404);
    post.url = base + "/peer/v1/feed";
    post.body = std::string(4096, 'x');
    CHECK(http.send(post).status == 413);
    CHECK(calls == 1);
    s.stop();
    CHECK_FALSE(s.running());
}

TEST_CASE("a code exists only while shown: none at first, 10 minutes at most, withdrawn by hide, used once") {
    FakeClock clock(1'800'000'000);
    PairingCode code(clock);
    CHECK_FALSE(code.view().shown);
    CHECK_FALSE(code.live());
    CHECK(code.attempt("10.0.0.5", [](const std::string&) { return true; }) == CodeCheck::NotShown);
    std::string first = code.show();
    CHECK(code.live());
    CHECK(code.view().code == first);
    clock.advance(PairingCode::kLifetimeSeconds - 1);
    CHECK(code.live());
    clock.advance(1);
    CHECK_FALSE(code.live());
    CHECK(code.view().state == CodeCheck::Expired);
    CHECK(code.attempt("10.0.0.5", [](const std::string&) { return true; }) == CodeCheck::Expired);
    std::string second = code.show();
    CHECK(code.view().serial == 2);
    code.hide();
    CHECK_FALSE(code.live());
    CHECK(code.view().code.empty());
    CHECK(code.attempt("10.0.0.5", [&](const std::string& c) { return c == second; }) == CodeCheck::NotShown);
    std::string third = code.show();
    CHECK(code.attempt("10.0.0.5", [&](const std::string& c) { return c == third; }) == CodeCheck::Ok);
    CHECK(code.view().state == CodeCheck::Used);
    CHECK(code.attempt("10.0.0.6", [&](const std::string& c) { return c == third; }) == CodeCheck::Used);
    CHECK_FALSE(code.live());
}

TEST_CASE("a hello signed with the site's key adds the sender, a forged or stale one is refused") {
    TempDir a, other;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    auto stranger = makeSite(other.path());  // another site: another key
    PairingCode code(clock);
    code.show();
    PairingService pairing(a.path(), code, clock);
    auto forged = pairing.handle({kHelloPath, makeHello(stranger->keys(), 7600, "abcd1234", clock.nowUnix()), "10.0.0.7"});
    CHECK(forged.status == 401);
    auto stale = pairing.handle({kHelloPath, makeHello(site->keys(), 7600, "abcd1234", clock.nowUnix() - 301), "10.0.0.7"});
    CHECK(stale.status == 401);
    CHECK(loadSiteConfig(a.path() / kSiteToml)->peerAddresses.empty());
    const std::string hello = makeHello(site->keys(), 7600, "abcd1234", clock.nowUnix());
    auto ok = pairing.handle({kHelloPath, hello, "::ffff:10.0.0.7"});
    CHECK(ok.status == 200);
    CHECK(loadSiteConfig(a.path() / kSiteToml)->peerAddresses == std::vector<std::string>{"10.0.0.7:7600"});
    clock.advance(60);  // the same hello sent again from another machine, still fresh: refused
    auto replayed = pairing.handle({kHelloPath, hello, "10.0.0.99"});
    CHECK(replayed.status == 401);
    CHECK(loadSiteConfig(a.path() / kSiteToml)->peerAddresses == std::vector<std::string>{"10.0.0.7:7600"});
    CHECK(code.view().usable);  // a hello spends no try of the code
}

TEST_CASE("a join request that is not JSON or lacks its fields is refused as malformed, spending no try") {
    CodeHolder h;
    for (const char* body : {"", "not json", "{\"pub\":\"00\",\"tag\":\"00\",\"listen_port\":7443}",
                             "{\"pub\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"tag\":\"00\",\"listen_port\":0}"}) {
        CAPTURE(body);
        CHECK(h.pairing->handle({kJoinPath, body, "127.0.0.1"}).status == 400);
    }
    CHECK(h.code.view().usable);
}

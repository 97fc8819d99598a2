// How many guesses a pairing code allows, and whom a guesser can hurt (contract 11, hardened): per
// address per code, per address per hour, per code from everyone; one address's wrong tries never
// block another's join. And the two steps of a join: nothing is written down until the joiner says it
// is done. At the PairingService level (remote addresses as the transport reports them) and through
// the real peer server, with a raw HTTP client sending from another loopback address (127.0.0.2).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "shared/site/join_marker.hpp"
#include "platform/net/curl_http_client.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/peers/pairing_bundle.hpp"
#include "shared/peers/pairing_crypto.hpp"
#include "shared/peers/pairing_join.hpp"
#include "shared/peers/pairing_service.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;

namespace {

// A join request as `init --join` makes it, for `code`; `keys` and `pubHex` are kept for the done step.
struct JoinRequest {
    pairing::BoxKeyPair kp = pairing::BoxKeyPair::generate();
    std::string pubHex = pairing::hex(kp.pub.data(), kp.pub.size());
    pairing::CodeKeys keys;
    std::string body;
    JoinRequest(const std::string& code, int listenPort) {
        auto k = pairing::deriveCodeKeys(code, kp.pub);
        REQUIRE(k);
        keys = *k;
        body = nlohmann::json{{"pub", pubHex},
                              {"listen_port", listenPort},
                              {"tag", pairing::tagHex(pairing::requestMessage(pubHex, listenPort), keys.request)}}
                   .dump();
    }
    std::string done(const std::string& terminal) const {
        return nlohmann::json{{"pub", pubHex}, {"terminal", terminal}, {"tag", pairing::tagHex(pairing::doneMessage(pubHex, terminal), keys.request)}}
            .dump();
    }
};

std::string wrongCode(const std::string& right) { return right == "000000" ? "000001" : "000000"; }

std::string errorOf(const PeerReply& r) { return nlohmann::json::parse(r.body, nullptr, false).value("error", ""); }

std::vector<std::string> peersOf(const std::filesystem::path& dir) { return loadSiteConfig(dir / kSiteToml)->peerAddresses; }

// POST over a plain TCP socket bound to `fromIp` (another loopback address): the status code, or -1.
int postFrom(const std::string& fromIp, int port, const std::string& path, const std::string& body) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in src{};
    src.sin_family = AF_INET;
    ::inet_pton(AF_INET, fromIp.c_str(), &src.sin_addr);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(std::uint16_t(port));
    ::inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0) {
        ::close(fd);
        return -1;
    }
    std::string req = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body;
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != ssize_t(req.size())) {
        ::close(fd);
        return -1;
    }
    std::string reply;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) reply.append(buf, size_t(n));
    ::close(fd);
    if (reply.rfind("HTTP/1.1 ", 0) != 0) return -1;
    return std::atoi(reply.c_str() + 9);
}

}  // namespace

TEST_CASE("per address: three wrong tries shut that address out of the code, six an hour over all codes") {
    FakeClock clock(1'800'000'000);
    PairingCode code(clock);
    std::string c1 = code.show();
    auto wrong = [](const std::string&) { return false; };
    for (int i = 0; i < PairingCode::kTriesPerAddress; ++i) CHECK(code.attempt("10.0.0.66", wrong) == CodeCheck::Wrong);
    CHECK(code.attempt("10.0.0.66", [&](const std::string& c) { return c == c1; }) == CodeCheck::TooMany);
    CHECK(code.live());  // nobody else is blocked
    // A new code is no new hour: three more, then this address waits an hour whatever code is shown.
    code.show();
    for (int i = 0; i < PairingCode::kTriesPerHour - PairingCode::kTriesPerAddress; ++i)
        CHECK(code.attempt("10.0.0.66", wrong) == CodeCheck::Wrong);
    std::string c3 = code.show();
    CHECK(code.attempt("10.0.0.66", [&](const std::string& c) { return c == c3; }) == CodeCheck::TooMany);
    clock.advance(PairingCode::kHourSeconds - 61);
    c3 = code.show();
    CHECK(code.attempt("10.0.0.66", [&](const std::string& c) { return c == c3; }) == CodeCheck::TooMany);
    clock.advance(61);  // the first wrong tries are an hour old now
    CHECK(code.attempt("10.0.0.66", [&](const std::string& c) { return c == c3; }) == CodeCheck::Ok);
}

TEST_CASE("per code: ten wrong tries from many addresses kill it, and staff show a new one") {
    FakeClock clock(1'800'000'000);
    PairingCode code(clock);
    std::string c1 = code.show();
    for (int i = 0; i < PairingCode::kTriesPerCode; ++i)
        CHECK(code.attempt("10.0.1." + std::to_string(i), [](const std::string&) { return false; }) == CodeCheck::Wrong);
    CHECK(code.view().state == CodeCheck::Burnt);
    CHECK(code.attempt("10.0.2.1", [&](const std::string& c) { return c == c1; }) == CodeCheck::Burnt);
    std::string c2 = code.show();
    CHECK(code.attempt("10.0.2.1", [&](const std::string& c) { return c == c2; }) == CodeCheck::Ok);
}

TEST_CASE("PairingService: an address that guessed wrong three times does not keep another address out") {
    TempDir a;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    PairingCode code(clock);
    PairingService pairing(a.path(), code, clock);
    // No code shown: refused as such, and no try is counted against anybody.
    CHECK(errorOf(pairing.handle({kJoinPath, JoinRequest("123456", 7600).body, "10.0.0.66"})) == "no_code");
    std::string right = code.show();
    for (int i = 0; i < PairingCode::kTriesPerAddress; ++i) {
        auto r = pairing.handle({kJoinPath, JoinRequest(wrongCode(right), 7600).body, "10.0.0.66"});
        CHECK(r.status == 401);
        CHECK(errorOf(r) == "wrong_code");
    }
    auto shutOut = pairing.handle({kJoinPath, JoinRequest(right, 7600).body, "::ffff:10.0.0.66"});
    CHECK(shutOut.status == 401);
    CHECK(errorOf(shutOut) == "too_many");
    JoinRequest good(right, 7601);
    auto ok = pairing.handle({kJoinPath, good.body, "10.0.0.7"});
    CHECK(ok.status == 200);
    CHECK(peersOf(a.path()).empty());  // not until the joiner says it is done
    CHECK(pairing.joinPending());
    CHECK(pairing.handle({kJoinDonePath, good.done("abcd1234"), "10.0.0.7"}).status == 200);
    CHECK(peersOf(a.path()) == std::vector<std::string>{"10.0.0.7:7601"});
    CHECK_FALSE(pairing.joinPending());
}

TEST_CASE("a join that does not finish leaves no address: done must come from the same joiner, within its time") {
    TempDir a;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    PairingCode code(clock);
    PairingService pairing(a.path(), code, clock);
    JoinRequest j(code.show(), 7600);
    REQUIRE(pairing.handle({kJoinPath, j.body, "10.0.0.7"}).status == 200);
    CHECK_FALSE(code.live());  // used up by the join that got the site
    // A done with another key's tag, or for another joiner, is refused and writes nothing.
    JoinRequest stranger("000000", 7600);
    auto forged = nlohmann::json::parse(j.done("abcd1234"));
    forged["tag"] = nlohmann::json::parse(stranger.done("abcd1234"))["tag"];
    CHECK(pairing.handle({kJoinDonePath, forged.dump(), "10.0.0.7"}).status == 401);
    CHECK(pairing.handle({kJoinDonePath, stranger.done("abcd1234"), "10.0.0.7"}).status == 401);
    CHECK(pairing.handle({kJoinDonePath, "not json", "10.0.0.7"}).status == 400);
    CHECK(peersOf(a.path()).empty());
    // The joiner never says done (killed): after its time, nothing is pending and nothing was written.
    clock.advance(PairingService::kFinishSeconds);
    CHECK_FALSE(pairing.joinPending());
    CHECK(pairing.handle({kJoinDonePath, j.done("abcd1234"), "10.0.0.7"}).status == 401);
    CHECK(peersOf(a.path()).empty());
}

TEST_CASE("over the real peer server: wrong tries from 127.0.0.2 never keep `init --join` from 127.0.0.1 out") {
    TempDir a, b;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    PairingCode code(clock);
    PairingService pairing(a.path(), code, clock);
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    PeerServer server([&](const PeerRequest& r) { return pairing.handle(r); }, opt);
    REQUIRE(server.start());
    std::string right = code.show();
    // The guesser spends its tries and more; every one after the third is refused without a check.
    for (int i = 0; i < PairingCode::kTriesPerAddress + 3; ++i)
        CHECK(postFrom("127.0.0.2", server.port(), kJoinPath, JoinRequest(wrongCode(right), 7000).body) == 401);
    CHECK(code.view().usable);
    CurlOptions copt;
    copt.connectTimeoutMs = 2000;
    copt.totalTimeoutMs = 20000;
    CurlHttpClient http(copt);
    JoinOptions o;
    o.address = "127.0.0.1:" + std::to_string(server.port());
    o.code = right;
    o.listen = "127.0.0.1:7555";
    auto r = joinSite(http, b.path() / "site", o);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().en));
    CHECK(peersOf(a.path()) == std::vector<std::string>{"127.0.0.1:7555"});
    CHECK(peersOf(b.path() / "site") == std::vector<std::string>{o.address});
    CHECK_FALSE(std::filesystem::exists(b.path() / "site" / kJoinUnfinished));
    // With the next code the guesser gets three more tries, then its hour is used up: even the right
    // code is refused from there, and the code stays good for everyone else.
    std::string next = code.show();
    for (int i = 0; i < PairingCode::kTriesPerHour - PairingCode::kTriesPerAddress; ++i)
        CHECK(postFrom("127.0.0.2", server.port(), kJoinPath, JoinRequest(wrongCode(next), 7000).body) == 401);
    CHECK(postFrom("127.0.0.2", server.port(), kJoinPath, JoinRequest(next, 7000).body) == 401);
    CHECK(code.view().usable);
}

TEST_CASE("a directory left by a join killed half-way (the marker) is cleared and joined into, a done never sent writes nothing") {
    TempDir a, b;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    PairingCode code(clock);
    PairingService pairing(a.path(), code, clock);
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    PeerServer server([&](const PeerRequest& r) { return pairing.handle(r); }, opt);
    REQUIRE(server.start());
    // What a killed join leaves: the marker and part of a site.
    auto dir = b.path() / "site";
    std::filesystem::create_directories(dir);
    writeFile(dir / kJoinUnfinished, "init --join\n");
    writeFile(dir / kSiteToml, "half");
    CurlHttpClient http;
    JoinOptions o;
    o.address = "127.0.0.1:" + std::to_string(server.port());
    o.code = code.show();
    o.listen = "127.0.0.1:7556";
    auto r = joinSite(http, dir, o);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().en));
    CHECK(peersOf(a.path()) == std::vector<std::string>{"127.0.0.1:7556"});
    CHECK(Site::open(dir));
    CHECK_FALSE(std::filesystem::exists(dir / kJoinUnfinished));
}

TEST_CASE("a join killed while writing its marker (only the marker's temp file left) is joined into, and a stranger's file still refuses it") {
    TempDir a, b;
    FakeClock clock(1'800'000'000);
    auto site = makeSite(a.path());
    PairingCode code(clock);
    PairingService pairing(a.path(), code, clock);
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    PeerServer server([&](const PeerRequest& r) { return pairing.handle(r); }, opt);
    REQUIRE(server.start());
    CurlHttpClient http;
    JoinOptions o;
    o.address = "127.0.0.1:" + std::to_string(server.port());
    o.listen = "127.0.0.1:7557";

    auto stranger = b.path() / "other";
    std::filesystem::create_directories(stranger);
    writeFile(stranger / ".join-unfinished-notes", "mine\n");  // a name that only starts like the marker
    o.code = code.show();
    auto refused = joinSite(http, stranger, o);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("不是空的") != std::string::npos);

    // writeFileAtomic's temp name for the marker, as a kill before its rename leaves it.
    auto dir = b.path() / "site";
    std::filesystem::create_directories(dir);
    writeFile(dir / (std::string(".") + kJoinUnfinished + ".Ab12Cd.part"), "");
    o.code = code.show();
    auto r = joinSite(http, dir, o);
    REQUIRE_MESSAGE(r, (r ? "" : r.error().en));
    CHECK(Site::open(dir));
    for (const auto& e : std::filesystem::directory_iterator(dir)) CHECK_FALSE(isJoinMarkerFile(e.path()));
}

// Contract 11 over real HTTP: two terminals of the demo site (its roster: names, villages, 特困/低保)
// talk through recording TCP relays on 127.0.0.1 — their real peer servers, their real curl clients,
// each one's [peers] address pointing at the relay in front of the other — and every byte that
// crossed, headers included, is searched for the roster's names, villages and category names.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/app/peer_stack.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/peers_toml.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/feed_store.hpp"
#include "support/recording_proxy.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;
namespace fs = std::filesystem;

namespace {

const fs::path kDemo = fs::path(MEALHALL_ASSETS_DIR) / "demo";

std::unique_ptr<Site> reopen(std::unique_ptr<Site> site, const fs::path& dir) {
    site.reset();
    auto s = Site::open(dir);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(*s);
}

std::unique_ptr<PeerServer> serving(std::unique_ptr<app::PeerStack>& stack) {
    PeerServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    auto s = std::make_unique<PeerServer>(
        [&stack](const PeerRequest& r) { return stack ? stack->handle(r) : PeerReply{503, "{}"}; }, o);
    REQUIRE(s->start());
    return s;
}

}  // namespace

TEST_CASE("over real HTTP, no name, village or category of the demo roster crosses the LAN readable") {
    TempDir scratch;
    const fs::path a = scratch.path() / "a", b = scratch.path() / "b";
    FakeClock clock;
    auto siteA = makeSite(a, readFile(kDemo / "site.toml"));
    const std::string roster = readFile(kDemo / "roster.csv");
    REQUIRE_FALSE(roster.empty());
    std::vector<std::pair<std::string, std::string>> keys;
    for (const char* f : {kIdHashKeyFile, kCardKeyFile}) keys.emplace_back(f, readFile(a / f));
    auto joined = Site::initJoined(b, readFile(a / kSiteToml), keys);
    REQUIRE_MESSAGE(joined.ok(), (joined.ok() ? "" : joined.error().message));
    auto siteB = std::move(*joined);
    siteB->db().exec("UPDATE terminal SET created_at = 0");  // the fake clock is before today
    for (Site* s : {siteA.get(), siteB.get()})
        REQUIRE(importRoster(*s, roster, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    clock.set(siteA->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:30")));

    std::unique_ptr<app::PeerStack> stackA, stackB;
    auto serverA = serving(stackA), serverB = serving(stackB);
    RecordingProxy toA(serverA->port()), toB(serverB->port());
    REQUIRE(addPeerToSiteToml(a, "127.0.0.1:" + std::to_string(toB.port())));
    REQUIRE(addPeerToSiteToml(b, "127.0.0.1:" + std::to_string(toA.port())));
    siteA = reopen(std::move(siteA), a);
    siteB = reopen(std::move(siteB), b);
    stackA = std::make_unique<app::PeerStack>(*siteA, clock, true);
    stackB = std::make_unique<app::PeerStack>(*siteB, clock, true);

    {
        CheckInEngine engA(*siteA, clock, stackA.get()), engB(*siteB, clock, stackB.get());
        auto scan = [&](CheckInEngine& e, Site& s, const char* elder) {
            auto r = e.scan({signCard({elder, "1"}, s.keys().card.sec), ServiceId("lunch"), std::nullopt, false});
            REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
            CHECK(r->outcome == Outcome::Accepted);
            return *r->recordId;
        };
        scan(engA, *siteA, "E0001");  // 张桂兰, 特困, 北关村
        scan(engA, *siteA, "E0003");  // 李淑珍, 低保, 西街村
        std::int64_t b1 = scan(engB, *siteB, "E0002");
        scan(engB, *siteB, "E0004");
        REQUIRE(engB.voidRecord(b1, "刷错了人", "王").ok());
        REQUIRE(recordDonation(siteA->db(), {"北关农贸公司", 50000_fen, std::nullopt, "助餐", true, "test"},
                               LocalDate::of(2026, 11, 25), "2026-11-25T11:30:00+08:00")
                    .ok());
        for (int round = 0; round < 2; ++round) {
            CHECK(stackA->syncNow());
            CHECK(stackB->syncNow());
        }
    }
    // The records really crossed, both ways, through the relays.
    CHECK(CheckinStore(siteA->db()).forDay("2026-11-25").size() == 4);
    CHECK(CheckinStore(siteB->db()).forDay("2026-11-25").size() == 4);
    stackA->stop();
    stackB->stop();
    serverA->stop();
    serverB->stop();

    const std::string wire = toA.bytes() + toB.bytes();
    CHECK(toA.connections() > 0);
    CHECK(toB.connections() > 0);
    CHECK(wire.find("POST /peer/v1/claim") != std::string::npos);
    CHECK(wire.find("POST /peer/v1/feed") != std::string::npos);
    CHECK(wire.find("POST /peer/v1/push") != std::string::npos);

    std::vector<std::string> secrets = {"特困", "低保", "tekun", "dibao", "北关农贸公司", "刷错了人"};
    for (const Elder& e : ElderStore(siteA->db()).all()) {
        secrets.push_back(e.name);
        if (!e.village.empty()) secrets.push_back(e.village);
    }
    REQUIRE(secrets.size() > 30);
    // The same facts are in the plaintext feeds these terminals exchanged: the test can fail.
    const std::string plain = FeedStore(siteA->db()).readAfter(0, 1000).entries.dump();
    for (const char* s : {"张桂兰", "李淑珍", "tekun", "dibao", "北关农贸公司"}) CHECK(plain.find(s) != std::string::npos);
    for (const auto& s : secrets) {
        CAPTURE(s);
        CHECK(wire.find(s) == std::string::npos);
    }
}

// Peer messages are signed with the site's key (contract 11): forged, replayed, stale, wrong-site or
// re-addressed messages are refused with 401 and change nothing.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "shared/store/feed_store.hpp"
#include "support/test_hall.hpp"

using namespace mh;
using nlohmann::json;

namespace {

// A push of terminal 1's first record, as terminal 1 would send it (unsigned body).
std::string pushBody(test::TestHall& hall) {
    json e = FeedStore(hall.t[0]->site->db()).checkinEntry(1);
    REQUIRE_FALSE(e.is_null());
    return json{{"entries", json::array({e})}}.dump();
}

std::string errorOf(const PeerReply& r) {
    auto j = json::parse(r.body, nullptr, false);
    return j.is_object() ? j.value("error", std::string()) : std::string();
}

}  // namespace

TEST_CASE("a signed push is accepted once and its replay is refused") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    std::string env = hall.t[0]->auth->seal(kPeerPushPath, pushBody(hall));
    PeerReply first = hall.t[1]->service->handle({kPeerPushPath, env, "10.0.0.1"});
    CHECK(first.status == 200);
    CHECK(hall.t[1]->recordKeys().size() == 1);
    // The reply is signed for this request.
    CHECK(hall.t[0]->auth->openReply(kPeerPushPath, json::parse(env)["nonce"].get<std::string>(), first.body).ok());
    PeerReply again = hall.t[1]->service->handle({kPeerPushPath, env, "10.0.0.1"});
    CHECK(again.status == 401);
    CHECK(errorOf(again) == "replay");
}

TEST_CASE("forged, wrong-site, stale and re-addressed peer messages are refused with 401 and change nothing") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    const std::string body = pushBody(hall);
    const int grants = hall.t[1]->book->liveGrants();  // the scan's own claim, granted by terminal 2
    auto refused = [&](const std::string& path, const std::string& env) {
        PeerReply r = hall.t[1]->service->handle({path, env, "10.0.0.9"});
        CHECK(r.status == 401);
        return errorOf(r);
    };

    SUBCASE("a changed body") {
        json env = json::parse(hall.t[0]->auth->seal(kPeerPushPath, body));
        std::string box = env["box"];
        box[40] = box[40] == 'A' ? 'B' : 'A';  // one bit of the ciphertext
        env["box"] = box;
        CHECK(refused(kPeerPushPath, env.dump()) == "signature");
    }
    SUBCASE("a body in clear (a version 1 envelope)") {
        json env = json::parse(hall.t[0]->auth->seal(kPeerPushPath, body));
        env.erase("box");
        env["body"] = body;
        env["v"] = 1;
        CHECK(refused(kPeerPushPath, env.dump()) == "malformed");
    }
    SUBCASE("a key that is not the site's") {
        SiteKeys other = hall.t[0]->site->keys();
        other.idHashKey[0] ^= 1;
        PeerAuth forger(hall.t[0]->site->config().siteId, hall.t[0]->id, other, hall.clock);
        CHECK(refused(kPeerPushPath, forger.seal(kPeerPushPath, body)) == "signature");
    }
    SUBCASE("another site") {
        PeerAuth stranger("999999-001", hall.t[0]->id, hall.t[0]->site->keys(), hall.clock);
        CHECK(refused(kPeerPushPath, stranger.seal(kPeerPushPath, body)) == "site");
    }
    SUBCASE("a clock 16 minutes off") {
        FakeClock ahead(hall.clock.nowUnix() + 16 * 60);
        PeerAuth early(hall.t[0]->site->config().siteId, hall.t[0]->id, hall.t[0]->site->keys(), ahead);
        CHECK(refused(kPeerPushPath, early.seal(kPeerPushPath, body)) == "clock");
        CHECK(hall.t[1]->service->clockRefusals() == 1);
    }
    SUBCASE("a claim signed for another path") {
        std::string env = hall.t[0]->auth->seal(kPeerClaimPath, body);
        CHECK(refused(kPeerPushPath, env) == "signature");
    }
    SUBCASE("this terminal's own id (a copied database)") {
        PeerAuth twin(hall.t[1]->site->config().siteId, hall.t[1]->id, hall.t[1]->site->keys(), hall.clock);
        CHECK(refused(kPeerPushPath, twin.seal(kPeerPushPath, body)) == "self");
    }
    SUBCASE("not even JSON") {
        CHECK(refused(kPeerPushPath, "\x01garbage{") == "malformed");
    }
    CHECK(hall.t[1]->recordKeys().empty());
    CHECK(hall.t[1]->book->liveGrants() == grants);
}

TEST_CASE("a clock within 15 minutes is accepted, and a peer refusing our clock shows on the peer state") {
    test::TestHall hall(2);
    FakeClock near(hall.clock.nowUnix() - 14 * 60);
    PeerAuth late(hall.t[0]->site->config().siteId, hall.t[0]->id, hall.t[0]->site->keys(), near);
    json claim{{"elder", "E1"}, {"service", "lunch"}, {"day", "2026-11-25"}};
    CHECK(hall.t[1]->service->handle({kPeerClaimPath, late.seal(kPeerClaimPath, claim.dump()), ""}).status == 200);

    FakeClock far(hall.clock.nowUnix() + 20 * 60);
    PeerAuth wrongClock(hall.t[0]->site->config().siteId, hall.t[0]->id, hall.t[0]->site->keys(), far);
    PeerSync sync(hall.t[0]->dir.path() / kSiteDb, wrongClock, *hall.t[0]->book, far, {hall.t[1]->address},
                  hall.net.factoryFor(hall.t[0]->address));
    CHECK_FALSE(sync.syncNow());
    auto s = sync.states();
    REQUIRE(s.size() == 1);
    CHECK(s[0].clockDiffers);
    CHECK_FALSE(s[0].reachable);
    CHECK(s[0].problem.find("时间") != std::string::npos);
}

TEST_CASE("an unknown peer path is 404 and a malformed signed body is 400") {
    test::TestHall hall(2);
    CHECK(hall.t[1]->service->handle({"/peer/v1/nothing", "{}", ""}).status == 404);
    std::string env = hall.t[0]->auth->seal(kPeerClaimPath, "{\"elder\": 5}");
    CHECK(hall.t[1]->service->handle({kPeerClaimPath, env, ""}).status == 400);
}

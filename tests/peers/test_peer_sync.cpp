// Replication between terminals of one site (contract 11): the append-only union keyed by origin,
// any order of syncing, relays, idempotence, and what each terminal's tally and posting see.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "shared/posting/monthly_figures.hpp"
#include "shared/store/feed_store.hpp"
#include "support/test_hall.hpp"

using namespace mh;

TEST_CASE("two terminals exchange their records and syncing again changes nothing") {
    test::TestHall hall(2);
    CHECK(hall.scan(0, "E1").outcome == Outcome::Accepted);
    CHECK(hall.scan(0, "E2").outcome == Outcome::Accepted);
    CHECK(hall.scan(1, "E3").outcome == Outcome::Accepted);
    hall.syncAll();
    auto a = hall.t[0]->recordKeys();
    CHECK(a.size() == 3);
    CHECK(a == hall.t[1]->recordKeys());
    // Each record keeps the terminal and id it was born with.
    CHECK(std::count_if(a.begin(), a.end(), [&](const std::string& k) { return k.starts_with(hall.t[1]->id + "/"); }) == 1);
    auto seqBefore = FeedStore(hall.t[1]->site->db()).newestSeq();
    hall.syncAll();
    CHECK(hall.t[0]->recordKeys() == a);
    CHECK(FeedStore(hall.t[1]->site->db()).newestSeq() == seqBefore);
    for (auto& s : hall.t[0]->sync->states()) {
        CHECK(s.reachable);
        CHECK(s.terminalId == hall.t[1]->id);
        CHECK(s.behind == 0);
        CHECK(s.lastContactUnix == hall.clock.nowUnix());
    }
}

TEST_CASE("a scan of an elder who ate at the other terminal is a duplicate that says where") {
    test::TestHall hall(2);
    CHECK(hall.scan(0, "E1").outcome == Outcome::Accepted);
    ScanResult r = hall.scan(1, "E1");  // no sync in between: the claim finds the peer's record
    CHECK(r.outcome == Outcome::Duplicate);
    CHECK(r.message.find("另一台机器") != std::string::npos);
    CHECK(hall.t[1]->recordKeys().empty());
}

TEST_CASE("three terminals converge in any order of syncing, also through a relay") {
    for (int order = 0; order < 3; ++order) {
        CAPTURE(order);
        test::TestHall hall(3);
        // Terminal 1 and terminal 3 cannot see each other: everything between them goes through 2.
        hall.net.cut(hall.t[0]->address, hall.t[2]->address);
        REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
        REQUIRE(hall.scan(1, "E2").outcome == Outcome::Accepted);
        REQUIRE(hall.scan(2, "E3").outcome == Outcome::Accepted);
        REQUIRE(hall.scan(2, "E4").outcome == Outcome::Accepted);
        REQUIRE(hall.t[2]->engine->voidRecord(2, "刷错了人", "王").ok());
        std::vector<int> who{0, 1, 2};
        std::rotate(who.begin(), who.begin() + order, who.end());
        if (order == 2) std::reverse(who.begin(), who.end());
        for (int round = 0; round < 3; ++round)
            for (int i : who) hall.t[size_t(i)]->sync->syncNow();
        auto keys = hall.t[0]->recordKeys();
        CHECK(keys.size() == 4);
        CHECK(std::count_if(keys.begin(), keys.end(), [](const std::string& k) { return k.ends_with("v"); }) == 1);
        CHECK(hall.t[1]->recordKeys() == keys);
        CHECK(hall.t[2]->recordKeys() == keys);
        // Terminal 1 has terminal 3's records without ever reaching it.
        CHECK(std::count_if(keys.begin(), keys.end(),
                            [&](const std::string& k) { return k.starts_with(hall.t[2]->id + "/"); }) == 2);
        for (auto& s : hall.t[0]->sync->states())
            CHECK(s.reachable == (s.address == hall.t[1]->address));
    }
}

TEST_CASE("with the loop running a new record reaches the peer right after its commit") {
    PeerSyncOptions slowPull = test::TestHall::fastOptions();
    slowPull.interval = std::chrono::seconds(60);  // only the push can bring it in time
    test::TestHall hall(2, slowPull);
    hall.t[0]->sync->start();
    hall.t[1]->sync->start();
    // The first rounds pull at once; let them pass.
    auto settled = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (hall.t[0]->sync->states()[0].lastContactUnix == 0 && std::chrono::steady_clock::now() < settled)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto start = std::chrono::steady_clock::now();
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    auto deadline = start + std::chrono::seconds(5);
    while (hall.t[1]->recordKeys().empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    CHECK(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    hall.t[0]->sync->stop();
    hall.t[1]->sync->stop();
}

TEST_CASE("a one-shot process pushes its new record before it exits") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E5").outcome == Outcome::Accepted);
    CHECK(hall.t[1]->recordKeys().empty());
    hall.t[0]->sync->pushNow();
    CHECK(hall.t[1]->recordKeys() == hall.t[0]->recordKeys());
}

TEST_CASE("a terminal with no peers syncs nothing and its engine behaves as alone") {
    test::TestHall hall(1);
    CHECK(hall.t[0]->sync->syncNow());
    CHECK(hall.t[0]->sync->states().empty());
    CHECK(hall.scan(0, "E1").outcome == Outcome::Accepted);
    CHECK(hall.scan(0, "E1").outcome == Outcome::Duplicate);
}

TEST_CASE("a peer away now still shows when it was last heard from, also to a later process") {
    test::TestHall hall(2);
    hall.syncAll();
    const std::int64_t seen = hall.clock.nowUnix();
    CHECK(FeedStore(hall.t[0]->site->db()).lastContact(hall.t[1]->address).at == seen);
    hall.clock.advance(600);
    hall.net.setAway(hall.t[1]->address, true);
    // What `status` or a restarted kiosk builds: a new PeerSync on the same database.
    auto& t0 = *hall.t[0];
    PeerSync later(t0.dir.path() / kSiteDb, *t0.auth, *t0.book, hall.clock, {hall.t[1]->address},
                   hall.net.factoryFor(t0.address), test::TestHall::fastOptions());
    CHECK_FALSE(later.syncNow());
    auto states = later.states();
    REQUIRE(states.size() == 1);
    CHECK_FALSE(states[0].reachable);
    CHECK(states[0].lastContactUnix == seen);
}

// Replication between terminals of one site (contract 11): the append-only union keyed by origin,
// any order of syncing, relays, idempotence, and what each terminal's tally and posting see.
#include <doctest/doctest.h>

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

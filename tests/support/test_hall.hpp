// Two or three terminals of one site in one process, for peer tests and the peer benchmark: each
// with its own site directory and database (same site id, same keys, same roster, its own terminal
// id), its PeerService attached to a FakePeerNet, a PeerSync on the others and an engine through it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/peers/claim_book.hpp"
#include "shared/peers/peer_auth.hpp"
#include "shared/peers/peer_service.hpp"
#include "shared/peers/peer_sync.hpp"
#include "support/fake_peer_net.hpp"
#include "support/test_site.hpp"

namespace mh::test {

struct TestTerminal {
    TempDir dir;
    std::unique_ptr<Site> site;
    std::string id;       // terminal id
    std::string address;  // "t1:7443"
    std::unique_ptr<ClaimBook> book;
    std::unique_ptr<PeerAuth> auth;
    std::unique_ptr<PeerService> service;
    std::unique_ptr<PeerSync> sync;
    std::unique_ptr<CheckInEngine> engine;

    // Another connection and engine on this terminal (the same peers): for concurrent scans.
    struct Extra {
        std::unique_ptr<Site> site;
        std::unique_ptr<CheckInEngine> engine;
    };
    [[nodiscard]] Extra another(const Clock& clock);
    // Every record here as "origin-terminal/origin-record[v]" (v: voided), sorted.
    [[nodiscard]] std::vector<std::string> recordKeys();
};

// The roster every terminal of a TestHall holds: E1..E5 (E1 低保 86, E2 66, E3 特困, E4, E5).
std::string hallRoster();

class TestHall {
public:
    // `n` terminals, every one a peer of every other, clocks at 2026-11-25T11:30 (lunch is open).
    explicit TestHall(int n, PeerSyncOptions options = fastOptions());
    // Stops every terminal's sync (and its claims in flight) before any terminal goes away.
    ~TestHall();
    TestHall(const TestHall&) = delete;
    static PeerSyncOptions fastOptions();

    FakeClock clock;
    FakePeerNet net;
    std::vector<std::unique_ptr<TestTerminal>> t;

    [[nodiscard]] std::string card(const std::string& elder) const;
    // Scan on terminal i (lunch, now). Fails the test on an error.
    ScanResult scan(int i, const std::string& elder, const std::string& service = "lunch");
    // Every terminal syncs with every other until nothing moves (twice round, for relays).
    void syncAll();
};

}  // namespace mh::test

// The claim book in the terminal's database (contract 11, "one terminal, one claim book"): two
// ClaimBooks on one database file are two processes of one terminal; books on two files are two
// terminals. Time is a FakeMonoClock (the MonoClock port) the test moves, so expiry is tested
// without sleeping.
#include <doctest/doctest.h>

#include <chrono>

#include "shared/peers/claim_book.hpp"
#include "shared/peers/peer_sync.hpp"
#include "support/fake_clocks.hpp"
#include "support/test_hall.hpp"

using namespace mh;
using namespace std::chrono_literals;

namespace {

const ClaimKey kKey{"E1", "lunch", "2026-11-25"};

// A site's database and a clock in milliseconds that only the test moves.
struct Terminal {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    FakeMonoClock mono{1'000'000};
    [[nodiscard]] std::filesystem::path db() const { return dir.path() / kSiteDb; }
    // One process's book on this terminal's database, with its own connection.
    std::unique_ptr<ClaimBook> book(const std::string& id) {
        return std::make_unique<ClaimBook>(db(), id, mono, 10s);
    }
    int rows() {
        auto st = site->db().prepare("SELECT COUNT(*) FROM claims");
        st.step();
        return int(st.i64(0));
    }
};

}  // namespace

TEST_CASE("claim book: every process of a terminal sees the claims and grants of the others") {
    Terminal a;
    auto scanProcess = a.book("aaaaaaaa"), serveProcess = a.book("aaaaaaaa");
    OwnClaim own = scanProcess->takeOwn(kKey);
    REQUIRE(own.taken());
    CHECK(serveProcess->ownClaims() == 1);
    // The serve answering a higher terminal sees the CLI scan's claim: held, not granted.
    CHECK(serveProcess->grant(kKey, "zzzzzzzz") == ClaimAnswer::Held);
    CHECK(serveProcess->liveGrants() == 0);
    CHECK(scanProcess->ownLive(a.site->db(), own.id));
    scanProcess->releaseOwn(own.id);
    CHECK_FALSE(scanProcess->ownLive(a.site->db(), own.id));
    CHECK(serveProcess->grant(kKey, "zzzzzzzz") == ClaimAnswer::Granted);
    // The grant the serve gave refuses a scan in another process of the terminal.
    auto nextScan = a.book("aaaaaaaa");
    OwnClaim refused = nextScan->takeOwn(kKey);
    CHECK_FALSE(refused.taken());
    CHECK(refused.grantedTo == "zzzzzzzz");
    CHECK(nextScan->takeOwn(kKey).grantedTo == "zzzzzzzz");  // the grant stays: so does the refusal
    CHECK(scanProcess->liveGrants() == 1);
    CHECK(scanProcess->ownClaims() == 0);
    // Another key is free.
    CHECK(nextScan->takeOwn({"E2", "lunch", "2026-11-25"}).taken());
}

TEST_CASE("claim book: of crossing claims exactly one wins — the earlier one, then the lower terminal id") {
    Terminal low, high;
    auto lowBook = low.book("aaaaaaaa"), highBook = high.book("bbbbbbbb");
    SUBCASE("both claimed before either asked: the lower id wins") {
        REQUIRE(lowBook->takeOwn(kKey).taken());
        REQUIRE(highBook->takeOwn(kKey).taken());
        CHECK(lowBook->grant(kKey, "bbbbbbbb") == ClaimAnswer::Held);      // low has priority
        CHECK(highBook->grant(kKey, "aaaaaaaa") == ClaimAnswer::Granted);  // high yields
    }
    SUBCASE("the higher id asked before the lower claimed: the earlier claim wins") {
        REQUIRE(highBook->takeOwn(kKey).taken());
        CHECK(lowBook->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
        OwnClaim late = lowBook->takeOwn(kKey);
        CHECK_FALSE(late.taken());
        CHECK(late.grantedTo == "bbbbbbbb");
    }
    SUBCASE("a bystander may grant both: each scanner's own peer decides") {
        Terminal third;
        auto bystander = third.book("cccccccc");
        CHECK(bystander->grant(kKey, "aaaaaaaa") == ClaimAnswer::Granted);
        CHECK(bystander->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
        CHECK(bystander->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);  // asked again: one grant, renewed
        CHECK(bystander->liveGrants() == 2);
    }
}

TEST_CASE("claim book: grants expire after the claim life, and end when the record arrives") {
    Terminal a;
    auto book = a.book("aaaaaaaa");
    REQUIRE(book->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
    a.mono.advance(9'999);
    CHECK_FALSE(book->takeOwn(kKey).taken());
    a.mono.advance(1);
    CHECK(book->liveGrants() == 0);
    OwnClaim own = book->takeOwn(kKey);
    CHECK(own.taken());
    book->releaseOwn(own.id);
    CHECK(a.rows() == 0);  // the expired grant was swept by the claim's transaction

    REQUIRE(book->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
    book->recordArrived(kKey);
    CHECK(book->liveGrants() == 0);
    CHECK(a.rows() == 0);
    CHECK(book->takeOwn(kKey).taken());
}

TEST_CASE("claim book: on a FakeMonoClock a peer's grant blocks own claims for exactly the 10 s claim life, with no real wait") {
    Terminal a;
    auto book = a.book("aaaaaaaa");
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(book->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
    OwnClaim refused = book->takeOwn(kKey);
    CHECK_FALSE(refused.taken());
    CHECK(refused.grantedTo == "bbbbbbbb");
    a.mono.advance(9'999);
    CHECK(book->liveGrants() == 1);
    CHECK_FALSE(book->takeOwn(kKey).taken());
    a.mono.advance(1);  // 10 s after the grant: it has expired (rule 3)
    CHECK(book->liveGrants() == 0);
    CHECK(book->takeOwn(kKey).taken());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));  // the time was the fake clock's
}

TEST_CASE("claim book: the own claim of a process that died blocks peers only until its life ends") {
    Terminal a;
    std::int64_t orphan = 0;
    {
        auto died = a.book("aaaaaaaa");
        orphan = died->takeOwn(kKey).id;
        REQUIRE(orphan != 0);
    }  // the process is gone without giving its claim back
    auto serve = a.book("aaaaaaaa");
    CHECK(serve->grant(kKey, "bbbbbbbb") == ClaimAnswer::Held);
    a.mono.advance(5'000);
    CHECK(serve->grant(kKey, "bbbbbbbb") == ClaimAnswer::Held);
    CHECK(serve->ownLive(a.site->db(), orphan));
    a.mono.advance(5'000);
    CHECK_FALSE(serve->ownLive(a.site->db(), orphan));
    CHECK(serve->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
    CHECK(a.rows() == 1);  // the orphan swept, the grant kept
}

TEST_CASE("claim book: a row from before a reboot (more than one life ahead of the clock) counts as dead") {
    Terminal a;
    auto beforeReboot = a.book("aaaaaaaa");
    REQUIRE(beforeReboot->takeOwn(kKey).taken());
    a.mono.set(3'000);  // the monotonic clock started again
    auto afterReboot = a.book("aaaaaaaa");
    CHECK(afterReboot->ownClaims() == 0);
    CHECK(afterReboot->grant(kKey, "bbbbbbbb") == ClaimAnswer::Granted);
    CHECK(a.rows() == 1);
}

TEST_CASE("claim book: a peer asking about an elder whose record is here is told has, whoever holds a claim") {
    test::TestHall hall(2);
    REQUIRE(hall.scan(0, "E1").outcome == Outcome::Accepted);
    for (const auto& asker : {std::string("00000000"), std::string("zzzzzzzz")})
        CHECK(hall.t[0]->book->grant(kKey, asker) == ClaimAnswer::Has);
    CHECK(hall.t[0]->book->liveGrants() == 0);
    CHECK(hall.t[0]->book->ownClaims() == 0);  // the scan gave its claim back when it recorded
}

namespace {

// The engine's gate, with time passing while the peers are asked: a scan stalled past the claim life.
class StallingGate final : public PeerGate {
public:
    StallingGate(PeerSync& sync, FakeMonoClock& mono, std::int64_t stallMs)
        : m_sync(sync), m_mono(mono), m_stall(stallMs) {}
    PeerVerdict claimLocal(const ClaimKey& k) override { return m_sync.claimLocal(k); }
    PeerVerdict askPeers(const ClaimKey& k) override {
        m_mono.advance(m_stall);
        return m_sync.askPeers(k);
    }
    bool stillClaimed(std::int64_t c, Database& db) override { return m_sync.stillClaimed(c, db); }
    void release(std::int64_t c) override { m_sync.release(c); }
    void recorded(std::int64_t c, std::int64_t id) override { m_sync.recorded(c, id); }

private:
    PeerSync& m_sync;
    FakeMonoClock& m_mono;
    std::int64_t m_stall;
};

}  // namespace

TEST_CASE("claim book: a scan whose claim expired while it stalled records nothing and asks for a new scan") {
    test::TestHall hall(1);
    auto& t = *hall.t[0];
    FakeMonoClock mono{1'000'000};
    ClaimBook book(t.dir.path() / kSiteDb, t.id, mono, 10s);
    PeerSync sync(t.dir.path() / kSiteDb, *t.auth, book, hall.clock, {}, hall.net.factoryFor(t.address), {}, mono);
    for (std::int64_t stall : {10'000, 9'000}) {
        CAPTURE(stall);
        StallingGate gate(sync, mono, stall);
        CheckInEngine engine(*t.site, hall.clock, &gate);
        auto r = engine.scan({hall.card("E1"), ServiceId("lunch"), std::nullopt, false});
        if (stall >= 10'000) {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == "peer.claim_expired");
            CHECK(r.error().message.find("请再刷一次") != std::string::npos);
            CHECK(t.recordKeys().empty());
        } else {
            REQUIRE(r.ok());
            CHECK(r->outcome == Outcome::Accepted);
            CHECK(t.recordKeys().size() == 1);
        }
        CHECK(book.ownClaims() == 0);
    }
}

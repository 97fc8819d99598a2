// The claims of one terminal (contract 11, "one terminal, one claim book"): kept in the terminal's
// database (table `claims`), so every process of the terminal — `run`, `serve`, each `kiosk scan`,
// `void` — takes and answers claims in one book. A CLI scan's claim is seen by the `serve` answering
// the peers. Each operation is one short BEGIN IMMEDIATE transaction on this book's own connection;
// none is ever held across the wait for the peers.
//
// Rules, and why exactly one of two simultaneous scans records while the terminals can talk:
//  (1) a scan here first takes an own claim; it is refused when the book holds a live grant to
//      another terminal for the key (that terminal asked first and may be recording);
//  (2) another terminal's request is answered `has` when a counted record for the key is here,
//      `held` when this terminal holds a live own claim and has priority (the lower terminal id
//      wins), otherwise it is granted and remembered for a while — all in one transaction;
//  (3) a grant ends when a record for the key arrives, or after the claim life (10 s);
//  (4) an own claim ends when its scan records or gives up, or after the claim life (a process that
//      died holding it blocks nobody for longer); a scan records only while its own claim is still
//      live, checked in the transaction that writes the record (ownLive), so a scan stalled past
//      the claim life never records on a claim that may have been granted away meanwhile.
// Of claims that cross, the earlier one wins (its request found no claim and left a grant, which
// refuses the later own claim by (1)); of claims taken before either request arrived, the lower
// terminal id (2). For two scanners X < Y that reach each other, Y can only record with X's grant; X
// grants Y only before X's own claim (then X refuses by (1)) or when X holds none live (then X's
// record, if any, is already here and X answers `has`): never both. A third terminal may grant both;
// that is safe by the same pairwise argument, and refusing the second would let both scanners fail.
//
// Time is the MonoClock port (shared/ports/clock.hpp), CLOCK_MONOTONIC in the kiosk: one clock for
// every process of the machine, never moved by staff setting the wall clock; tests step a FakeMonoClock. A row from before a reboot looks either
// expired or more than one claim life ahead; both are treated as dead and swept.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "shared/peers/peer_gate.hpp"
#include "shared/ports/clock.hpp"
#include "shared/store/database.hpp"

namespace mh {

enum class ClaimAnswer {
    Granted,  // go ahead as far as this terminal knows
    Held,     // this terminal is recording it (own claim with priority)
    Has,      // this terminal has a counted record for it (any origin)
};
const char* claimAnswerName(ClaimAnswer a);  // "granted" | "held" | "has"

// What takeOwn() got: the claim's id in the book, or (id 0) the terminal whose live grant is in the way.
struct OwnClaim {
    std::int64_t id = 0;
    std::string grantedTo;
    [[nodiscard]] bool taken() const { return id != 0; }
};

class ClaimBook {
public:
    // Opens its own connection to the terminal's database `dbFile` (every process of a terminal must
    // use the same `life`). `clock` must be one every process of the machine shares (the default,
    // CLOCK_MONOTONIC); not owned, it must outlive the book. Throws StoreError when the database
    // cannot be opened.
    ClaimBook(const std::filesystem::path& dbFile, std::string ownTerminal, const MonoClock& clock = steadyMonoClock(),
              std::chrono::milliseconds life = std::chrono::seconds(10));

    // (1) An own claim on `key`; several may be held at once (scans here are serialised by the
    // database). Nothing is taken when a live grant is in the way. Throws StoreError.
    [[nodiscard]] OwnClaim takeOwn(const ClaimKey& key);
    // (4) Gives an own claim back. Never throws: a claim that cannot be deleted now ends with its life.
    void releaseOwn(std::int64_t claim) noexcept;
    // (4) Whether own claim `claim` is still live, read on `db` — the caller's connection to this
    // terminal's database, inside the caller's write transaction (this book's connection must not be
    // used there: it could wait for the very lock the caller holds). Throws StoreError.
    [[nodiscard]] bool ownLive(Database& db, std::int64_t claim) const;
    // (2) Another terminal asks for `key`. Throws StoreError.
    [[nodiscard]] ClaimAnswer grant(const ClaimKey& key, const std::string& requester);
    // (3) A record for `key` arrived here: every grant of it ends. Never throws (the grants then end
    // with their life; a scan here finds the record anyway).
    void recordArrived(const ClaimKey& key) noexcept;

    [[nodiscard]] const std::string& ownTerminal() const { return m_own; }
    // Live grants and own claims of every process of the terminal, for tests and status.
    [[nodiscard]] int liveGrants();
    [[nodiscard]] int ownClaims();

private:
    void sweep(std::int64_t now);
    // A row of `kind` ('own' or 'grant') for `terminal`, living one claim life from `now`.
    void insertClaim(const ClaimKey& key, const char* kind, const std::string& terminal, std::int64_t now);
    int countLive(const char* kind);
    Database m_db;
    std::mutex m_mutex;  // one connection, several threads (the engine's, the peer service's)
    std::string m_own;
    std::int64_t m_lifeMs;
    const MonoClock& m_clock;
};

}  // namespace mh

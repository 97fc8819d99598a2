// The claims of one terminal (contract 11, "two scans at the same instant"): in memory, thread-safe,
// shared by the local check-in engine (through PeerSync) and the peer service answering the others.
//
// Rules, and why exactly one of two simultaneous scans records while the terminals can talk:
//  (1) a scan here first takes an own claim; it is refused when the book holds a live grant to
//      another terminal for the key (that terminal asked first and may be recording);
//  (2) another terminal's request is answered `held` when this terminal holds an own claim and has
//      priority (the lower terminal id wins), otherwise it is granted and remembered for a while;
//  (3) a grant ends when a record for the key arrives, or after the grant life (10 s).
// For two scanners X < Y that reach each other, Y can only record with X's grant; X grants Y only
// before X's own claim (then X refuses by (1)) or never (X holds priority by (2)): never both. A third
// terminal may grant both; that is safe by the same pairwise argument, and refusing the second would
// let both scanners fail. The peer service checks the database for a record after granting, so a
// record committed meanwhile is never missed.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "shared/peers/peer_gate.hpp"

namespace mh {

enum class ClaimAnswer {
    Granted,  // go ahead as far as this terminal knows
    Held,     // this terminal is recording it (own claim with priority)
    Has,      // this terminal has a counted record for it (any origin)
};
const char* claimAnswerName(ClaimAnswer a);  // "granted" | "held" | "has"

class ClaimBook {
public:
    explicit ClaimBook(std::string ownTerminal, std::chrono::milliseconds grantLife = std::chrono::seconds(10));

    // (1) An own claim on `key`; several may be held at once (two scans here are serialised by the
    // database). Returns the other terminal's id, and takes nothing, when a live grant is in the way.
    [[nodiscard]] std::optional<std::string> takeOwn(const ClaimKey& key);
    void releaseOwn(const ClaimKey& key);
    // (2) Another terminal asks for `key`.
    [[nodiscard]] ClaimAnswer grant(const ClaimKey& key, const std::string& requester);
    // The grant to `requester` is taken back (the service found a record after granting).
    void withdraw(const ClaimKey& key, const std::string& requester);
    // (3) A record for `key` arrived here: every grant of it ends.
    void recordArrived(const ClaimKey& key);

    [[nodiscard]] const std::string& ownTerminal() const { return m_own; }
    // Live grants and own claims, for tests and status.
    [[nodiscard]] int liveGrants();
    [[nodiscard]] int ownClaims();

private:
    struct Entry {
        int own = 0;  // own claims held
        std::map<std::string, std::chrono::steady_clock::time_point> grants;  // requester -> expiry
    };
    void dropExpired(Entry& e, std::chrono::steady_clock::time_point now);
    std::string m_own;
    std::chrono::milliseconds m_grantLife;
    std::mutex m_mutex;
    std::map<ClaimKey, Entry> m_entries;
};

}  // namespace mh

// The check-in engine's view of the other terminals of its site (contract 11): before a scan is
// accepted, the engine takes a claim on (elder, service, day) here and asks every reachable peer,
// so two terminals can never both record it while they can talk. Implemented by PeerSync; the
// engine runs without one (nullptr) on a single terminal.
#pragma once
#include <cstdint>
#include <string>

namespace mh {

// What is claimed: one elder's use of one service on one local day (YYYY-MM-DD).
struct ClaimKey {
    std::string elderId;
    std::string service;
    std::string day;
    friend auto operator<=>(const ClaimKey&, const ClaimKey&) = default;
};

// `duplicate`: some terminal has the use, or is recording it right now; `where` is that terminal's id
// (empty when unknown).
struct PeerVerdict {
    bool duplicate = false;
    std::string where;
};

class PeerGate {
public:
    virtual ~PeerGate() = default;
    // Takes this terminal's claim on `key` (memory only, no waiting). Duplicate when this terminal has
    // already granted the key to another terminal that is about to record it; nothing is taken then.
    // Otherwise the claim is held until release() or recorded().
    virtual PeerVerdict claimLocal(const ClaimKey& key) = 0;
    // Asks every peer at once whether it has the use or grants the claim; waits at most the claim wait
    // (300 ms) for each: a slower or unreachable peer counts as away (the scan goes on; a double made
    // that way is flagged when the peers meet again). Call while holding the local claim.
    virtual PeerVerdict askPeers(const ClaimKey& key) = 0;
    // Gives the local claim back (the scan was refused, or failed).
    virtual void release(const ClaimKey& key) = 0;
    // The record `recordId` (this database's id) was committed for `key`: gives the local claim back
    // and pushes the record to the peers soon (best effort, off the caller's thread).
    virtual void recorded(const ClaimKey& key, std::int64_t recordId) = 0;
};

}  // namespace mh

// The check-in engine's view of the other terminals of its site (contract 11): before a scan is
// accepted, the engine takes a claim on (elder, service, day) here and asks every reachable peer,
// so two terminals can never both record it while they can talk. Implemented by PeerSync; the
// engine runs without one (nullptr) on a single terminal.
#pragma once
#include <cstdint>
#include <string>

#include "shared/store/database.hpp"

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
    std::int64_t claim = 0;  // claimLocal(), not duplicate: the claim taken, for the calls below
};

class PeerGate {
public:
    virtual ~PeerGate() = default;
    // Takes this terminal's claim on `key` in its claim book (the terminal's database, shared by all
    // its processes; no waiting for peers). Duplicate when this terminal has already granted the key
    // to another terminal that is about to record it; nothing is taken then. Otherwise the claim
    // (verdict.claim) is held until release() or recorded(), or it expires.
    virtual PeerVerdict claimLocal(const ClaimKey& key) = 0;
    // Asks every peer at once whether it has the use or grants the claim; waits at most the claim wait
    // (300 ms) for each: a slower or unreachable peer counts as away (the scan goes on; a double made
    // that way is flagged when the peers meet again). Call while holding the local claim.
    virtual PeerVerdict askPeers(const ClaimKey& key) = 0;
    // Inside the caller's write transaction on `db` (this terminal's database), before the record is
    // written: whether `claim` is still live. One that expired (a scan stalled for seconds) may have
    // been granted away meanwhile, and must not record.
    virtual bool stillClaimed(std::int64_t claim, Database& db) = 0;
    // Gives the local claim back (the scan was refused, or failed). Never throws.
    virtual void release(std::int64_t claim) = 0;
    // The record `recordId` (this database's id) was committed for `key` under `claim`: gives the
    // claim back and pushes the record to the peers soon (best effort, off the caller's thread).
    virtual void recorded(std::int64_t claim, std::int64_t recordId) = 0;
};

}  // namespace mh

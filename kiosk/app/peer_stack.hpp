// The peers core (shared/peers, contract 11) as one terminal runs it, built the same way by `run`,
// `serve`, `scan` and `status`: who this terminal is (ClaimBook — the terminal's claims, in its
// database, so every process of the terminal shares them — and PeerAuth), what it answers the
// others (PeerService, when it serves) and how it talks to them (PeerSync over curl). It is also the
// check-in engine's PeerGate: calls go to the current PeerSync, which is replaced, not edited, when a
// terminal joins, so the engine's pointer stays good. The core's headers stay inside peer_stack.cpp.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "shared/peers/peer_gate.hpp"
#include "shared/ports/clock.hpp"
#include "shared/ports/peer_handler.hpp"
#include "shared/site/site.hpp"

namespace mh::app {

// One peer as `status` and the settings tab show it (PeerSync's PeerState).
struct PeerLine {
    std::string address;
    std::string terminal;            // empty until it answered once
    std::int64_t lastContactUnix = 0;  // 0: never
    std::int64_t behind = 0;         // its records not yet here
    bool reachable = false;
    std::string problem;             // plain Chinese, or empty
};

// The line staff read on the settings tab: plain words first (reachable, how far behind), the
// network address last as a detail for whoever sets up the network (issue 23).
std::string describePeer(const PeerLine& p, const TimeZone& tz);

class PeerStack final : public PeerGate {
public:
    // `answer`: also answer the others (run, serve); scan and status only ask. `clock` must outlive
    // it; `site` is only read here. Throws StoreError when the database cannot be opened.
    PeerStack(Site& site, const Clock& clock, bool answer);
    ~PeerStack() override;
    PeerStack(const PeerStack&) = delete;

    void start();  // the background sync loop
    void stop();
    // A terminal joined: a new PeerSync with these addresses takes over (the old loop is stopped).
    void setAddresses(std::vector<std::string> addresses);
    // One round now on this thread (pending pushes, then every peer's feed); true when all answered.
    bool syncNow();
    [[nodiscard]] std::vector<PeerLine> states() const;
    // Entries from the peers held aside because they were written in the future (for staff).
    [[nodiscard]] int heldEntries() const;
    // The peer port's answer: PeerService, or 404 when this stack does not answer.
    PeerReply handle(const PeerRequest& request);

    PeerVerdict claimLocal(const ClaimKey& key) override;
    PeerVerdict askPeers(const ClaimKey& key) override;
    bool stillClaimed(std::int64_t claim, Database& db) override;
    void release(std::int64_t claim) override;
    void recorded(std::int64_t claim, std::int64_t recordId) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace mh::app

// The check-in engine: turns a scan (or a staff member's manual check-in) into a recorded,
// priced check-in or a polite refusal. Every input of the kiosk ends here: `kiosk scan`, the camera,
// the keyboard-wedge scanner and the staff screen.
//
// Invariants:
//  (1) one counted check-in per elder per service per local day (also a unique index in the store);
//  (2) a record's shares always sum to its price, each share >= 0, all in integer fen;
//  (3) `accepted` is returned only after the record is committed (WAL, synchronous=FULL);
//  (4) a refusal records no check-in: only its trace in refused_scans (contract 13: time, outcome, the
//      elder and card serial when known, never the payload), written after the refusal is decided;
//  (5) a record is never deleted: a void marks it, keeps who and why, and frees the day for a new scan;
//  (6) with a peer gate (contract 11), (1) holds site-wide while the peers can talk: the scan takes a
//      claim here and asks every reachable peer before its write transaction, and a record of any
//      origin counts.
#pragma once
#include <optional>
#include <string>

#include "shared/core/ids.hpp"
#include "shared/core/scan_result.hpp"
#include "shared/peers/peer_gate.hpp"
#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/policy/policy_history.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh {

struct ScanRequest {
    std::string payload;                // what the card, ID reader or scanner gave, untrusted
    ServiceId serviceId;
    std::optional<LocalDateTime> at;    // local time; none: the clock's now
    bool delivered = false;             // a delivered meal (送餐)
    // Collected by someone else (代领, contract 12): allowed only as [proxy] in site.toml says;
    // otherwise the scan is refused as ineligible and records nothing.
    std::optional<ProxyPerson> proxy;
    // Entered afterwards from the power-cut sheet (contract 13, `scan --at TIME --paper`): the record's
    // source is "paper" instead of the card's or ID's. Needs `at` (a paper tick has no time of its own).
    bool paper = false;
};

class CheckInEngine {
public:
    // `peers`: the other terminals of the site (PeerSync), or nullptr for a terminal alone. Not owned;
    // must outlive the engine.
    CheckInEngine(Site& site, const Clock& clock, PeerGate* peers = nullptr)
        : m_site(site), m_clock(clock), m_peers(peers) {}

    // Errors are for the operator, not the elder: an unknown service id (usage), or the store
    // failing (disk full); nothing is recorded then.
    Result<ScanResult> scan(const ScanRequest& req);

    // A card read at the door before the elder picks among several open services (door_services.hpp):
    // the refusal it gets whatever the service (invalid, unknown, revoked, or closed by a wrong clock),
    // shown as for `serviceId`; else who it is. Records nothing.
    struct DoorCard {
        std::optional<ScanResult> refusal;
        ElderId elderId;
        std::string maskedName;
    };
    Result<DoorCard> readCard(const std::string& payload, const ServiceId& service);

    // Staff check an elder in by roster id (forgotten card). Same rules as a scan; audited. `paper`:
    // entered from the power-cut sheet (补录纸质名单), source "paper"; needs `at`.
    Result<ScanResult> checkInManually(const ElderId& elder, const ServiceId& service, std::optional<LocalDateTime> at,
                                       bool delivered, const std::string& staff, bool paper = false);

    // Cancels a counted record. Errors: void.missing, void.already, void.reason.
    Result<CheckinRecord> voidRecord(std::int64_t recordId, const std::string& reason, const std::string& staff);

    [[nodiscard]] LocalDateTime now() const { return m_site.timeZone().toLocal(m_clock.nowUnix()); }

private:
    struct Identified;
    Identified identify(const std::string& payload, LocalDate today);
    Result<ScanResult> checkIn(Identified who, const ServiceId& service, std::optional<LocalDateTime> at,
                               bool delivered, const std::string& staff,
                               const std::optional<ProxyPerson>& proxy = std::nullopt);

    Site& m_site;
    const Clock& m_clock;
    PeerGate* m_peers = nullptr;
};

}  // namespace mh

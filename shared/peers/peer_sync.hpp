// This terminal's side of talking to its peers (contract 11): the claims a scan asks for (PeerGate),
// and a background loop that pulls every peer's feed (everything after our cursor) and pushes each
// new local record right after its commit. One HttpClient per peer and purpose, made by the factory
// it is given (the curl client is one easy handle, not to be shared between threads).
//
// Wiring (kiosk `run` / `serve`):
//   ClaimBook book(site.dir() / kSiteDb, terminalId);           // the terminal's claims, in its database
//   PeerAuth auth(site.config().siteId, terminalId, site.keys(), clock);
//   PeerService service(site.dir() / kSiteDb, auth, book);      // its handler() goes to the server
//   PeerSync sync(site.dir() / kSiteDb, auth, book, clock, addresses, factory);
//   sync.start();
//   CheckInEngine engine(site, clock, &sync);
// and `status` reads sync.states() and countDoubles(db).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "shared/peers/claim_book.hpp"
#include "shared/peers/peer_auth.hpp"
#include "shared/peers/peer_gate.hpp"
#include "shared/ports/clock.hpp"
#include "shared/ports/http_client.hpp"
#include "shared/store/database.hpp"

namespace mh {

// Makes a client for one peer ("192.168.1.21:7443"); requests go to http://ADDRESS/peer/v1/....
// Its own timeout should be a few seconds: the claim wait is enforced here, not by the client.
using PeerClientFactory = std::function<std::unique_ptr<HttpClient>(const std::string& address)>;

struct PeerState {
    std::string address;            // host:port as configured
    std::string terminalId;         // learnt from its first signed answer; empty until then
    std::int64_t lastContactUnix = 0;  // last signed answer (unix seconds); 0: never
    std::int64_t behind = 0;        // its feed entries not yet imported here (its newest seq - our cursor)
    bool reachable = false;         // its last answer came, signed, in time
    bool clockDiffers = false;      // refused because the two clocks are more than 15 minutes apart
    std::string problem;            // empty, or a plain Chinese sentence for staff
};

struct PeerSyncOptions {
    std::chrono::milliseconds claimWait{300};  // a slower peer counts as away for that scan
    std::chrono::milliseconds interval{2000};  // between pulls
    int pageSize = 500;                        // feed entries per pull request
};

class PeerSync final : public PeerGate {
public:
    // Opens its own connection to `dbFile`. `auth`, `book`, `clock` and `mono` must outlive it. Nothing
    // is sent until start() or syncNow(). `clock` dates contacts and feed entries; `mono` times the
    // pulls and the wait for the peers' claim answers (the real waits are the condition variable's, so a
    // fake `mono` that stands still makes each wait its full length). Throws StoreError when the
    // database cannot be opened.
    PeerSync(const std::filesystem::path& dbFile, PeerAuth& auth, ClaimBook& book, const Clock& clock,
             std::vector<std::string> addresses, PeerClientFactory factory, PeerSyncOptions options = {},
             const MonoClock& mono = steadyMonoClock());
    ~PeerSync() override;  // stops the loop and waits for requests in flight
    PeerSync(const PeerSync&) = delete;
    PeerSync& operator=(const PeerSync&) = delete;

    // The background loop (std::jthread): pull every peer each interval, push new records at once.
    void start();
    void stop();
    // One round now, on the caller's thread: pending pushes, then pull every peer until caught up.
    // True when every peer answered.
    bool syncNow();
    // Only the pushes of records committed since the last push, now, on the caller's thread: for a
    // one-shot process (`kiosk scan`) that exits before a loop would run.
    void pushNow();
    [[nodiscard]] std::vector<PeerState> states() const;
    // Entries the peers sent written more than 10 minutes after this clock, held aside for staff
    // (feed_store.hpp), as of the last pull (a push to this terminal shows by the next one). Never waits.
    [[nodiscard]] int heldEntries() const;

    // PeerGate
    PeerVerdict claimLocal(const ClaimKey& key) override;
    PeerVerdict askPeers(const ClaimKey& key) override;
    bool stillClaimed(std::int64_t claim, Database& db) override;
    void release(std::int64_t claim) override;
    void recorded(std::int64_t claim, std::int64_t recordId) override;

private:
    struct Peer;
    void rememberContact(Peer& p);
    struct ClaimCall;
    bool pullPeer(Peer& p);
    void pushPending();
    void loop(std::stop_token stop);
    void reapClaimCalls(bool wait);
    std::unique_ptr<HttpClient> takeClaimClient(Peer& p);
    void giveClaimClient(Peer& p, std::unique_ptr<HttpClient> c);
    // One signed request to `p` with `client`; the opened reply body, or the error (state updated).
    Result<std::string> call(Peer& p, HttpClient& client, const char* path, const std::string& body);

    Database m_db;
    std::mutex m_dbMutex;
    PeerAuth& m_auth;
    ClaimBook& m_book;
    const Clock& m_clock;
    const MonoClock& m_mono;
    PeerClientFactory m_factory;
    PeerSyncOptions m_options;
    std::vector<std::unique_ptr<Peer>> m_peers;
    mutable std::mutex m_stateMutex;  // every Peer's `state`

    std::mutex m_pushMutex;
    std::condition_variable_any m_wake;
    std::vector<std::int64_t> m_toPush;  // local record ids committed since the last push
    std::mutex m_syncMutex;  // one sync round at a time (loop or syncNow)

    std::mutex m_callsMutex;
    std::vector<std::shared_ptr<ClaimCall>> m_calls;  // claim requests still running after their wait
    std::atomic<int> m_held{0};  // FeedStore::heldFuture(), refreshed by every pull
    std::jthread m_loop;
};

}  // namespace mh

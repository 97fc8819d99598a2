#include "shared/peers/peer_sync.hpp"

#include <algorithm>
#include <atomic>

#include <nlohmann/json.hpp>

#include "shared/peers/peer_service.hpp"
#include "shared/store/feed_store.hpp"

namespace mh {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

// A feed page of 500 records is ~300 KB; this leaves room without letting a peer grow our memory.
constexpr std::size_t kMaxReplyBytes = 16 * 1024 * 1024;
constexpr std::int64_t kContactWriteSeconds = 60;

}  // namespace

struct PeerSync::Peer {
    std::string address;
    PeerState state;  // under m_stateMutex
    std::unique_ptr<HttpClient> syncClient;  // pulls and pushes, under m_syncMutex
    std::int64_t contactWritten = 0;  // last_contact last written to the database (sync thread only)
    std::mutex poolMutex;
    std::vector<std::unique_ptr<HttpClient>> idleClaimClients;
    // Claim requests still running past their wait. While there is one the peer counts as away
    // without being asked, so a peer that swallows requests does not pile up a thread per scan.
    std::atomic<int> overdue{0};
};

// One claim request on its own thread, so a slow peer costs a scan at most the claim wait.
struct PeerSync::ClaimCall {
    struct Shared {
        std::mutex mutex;
        std::condition_variable cv;
        bool done = false;
        bool overdue = false;  // the scan stopped waiting for it
        std::optional<Result<std::string>> reply;
    };
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();
    Peer* peer = nullptr;
    std::jthread thread;
};

PeerSync::PeerSync(const std::filesystem::path& dbFile, PeerAuth& auth, ClaimBook& book, const Clock& clock,
                   std::vector<std::string> addresses, PeerClientFactory factory, PeerSyncOptions options,
                   const MonoClock& mono)
    : m_db(Database::open(dbFile)), m_auth(auth), m_book(book), m_clock(clock), m_mono(mono),
      m_factory(std::move(factory)), m_options(options) {
    for (auto& a : addresses) {
        auto p = std::make_unique<Peer>();
        p->address = a;
        p->state.address = a;
        p->syncClient = m_factory(a);
        // A peer away right now still shows when it was last heard from, by this or an earlier process.
        try {
            p->state.lastContactUnix = FeedStore(m_db).lastContact(a).at;
            p->contactWritten = p->state.lastContactUnix;
        } catch (const StoreError&) {
        }
        m_peers.push_back(std::move(p));
    }
    try {
        m_held = FeedStore(m_db).heldFuture();
    } catch (const StoreError&) {
    }
}

PeerSync::~PeerSync() {
    stop();
    reapClaimCalls(true);
}

void PeerSync::start() {
    if (m_loop.joinable() || m_peers.empty()) return;
    m_loop = std::jthread([this](std::stop_token st) { loop(st); });
}

void PeerSync::stop() {
    if (!m_loop.joinable()) return;
    m_loop.request_stop();
    m_wake.notify_all();
    m_loop.join();
}

void PeerSync::loop(std::stop_token stop) {
    std::int64_t nextPullMs = m_mono.nowMs();
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(m_pushMutex);
            const milliseconds untilPull{std::max<std::int64_t>(nextPullMs - m_mono.nowMs(), 0)};
            m_wake.wait_for(lock, stop, untilPull, [&] { return !m_toPush.empty(); });
        }
        if (stop.stop_requested()) break;
        std::lock_guard round(m_syncMutex);
        pushPending();
        if (m_mono.nowMs() >= nextPullMs) {
            for (auto& p : m_peers) {
                if (stop.stop_requested()) break;
                pullPeer(*p);
            }
            nextPullMs = m_mono.nowMs() + m_options.interval.count();
        }
        reapClaimCalls(false);
    }
}

bool PeerSync::syncNow() {
    std::lock_guard round(m_syncMutex);
    pushPending();
    bool all = true;
    for (auto& p : m_peers) all = pullPeer(*p) && all;
    return all;
}

void PeerSync::pushNow() {
    std::lock_guard round(m_syncMutex);
    pushPending();
}

std::vector<PeerState> PeerSync::states() const {
    std::lock_guard lock(m_stateMutex);
    std::vector<PeerState> out;
    for (const auto& p : m_peers) out.push_back(p->state);
    return out;
}

int PeerSync::heldEntries() const { return m_held.load(); }

Result<std::string> PeerSync::call(Peer& p, HttpClient& client, const char* path, const std::string& body) {
    std::string nonce;
    HttpRequest req;
    req.method = "POST";
    req.url = "http://" + p.address + path;
    req.headers = {{"Content-Type", "application/json"}};
    req.body = m_auth.seal(path, body, &nonce);
    req.maxBodyBytes = kMaxReplyBytes;
    HttpResponse resp = client.send(req);
    auto fail = [&](Error e, bool clock = false) -> Result<std::string> {
        std::lock_guard lock(m_stateMutex);
        p.state.reachable = false;
        p.state.clockDiffers = clock;
        p.state.problem = e.message;
        return e;
    };
    if (resp.transport != Transport::Ok)
        return fail(Error{"peer.away", "连不上另一台机器（" + p.address + "）", "cannot reach the peer " + p.address});
    if (resp.status == 401) {
        auto j = json::parse(resp.body, nullptr, false);
        bool clock = j.is_object() && j.value("error", std::string()) == "clock";
        if (clock)
            return fail(Error{"peer.clock", "和另一台机器（" + p.address + "）的时间相差超过15分钟，请工作人员校准时间",
                              "the clocks of this terminal and " + p.address + " differ by more than 15 minutes"},
                        true);
        if (j.is_object() && j.value("error", std::string()) == "self")
            return fail(Error{"peer.self", "另一台机器（" + p.address + "）和这台机器的终端编号相同：不能用同一份数据库复制出两台机器",
                              "the peer " + p.address + " has this terminal's own id: a copied database?"});
        return fail(Error{"peer.refused", "另一台机器（" + p.address + "）不认这台机器的签名：请检查两台是不是同一个站点",
                          "the peer " + p.address + " refused our signature: is it the same site?"});
    }
    if (resp.status != 200 || resp.bodyTruncated)
        return fail(Error{"peer.status", "另一台机器（" + p.address + "）回答出错（" + std::to_string(resp.status) + "）",
                          "the peer " + p.address + " answered " + std::to_string(resp.status)});
    auto opened = m_auth.openReply(path, nonce, resp.body);
    if (!opened) return fail(opened.error(), opened.error().code == "peer.clock");
    std::lock_guard lock(m_stateMutex);
    p.state.reachable = true;
    p.state.clockDiffers = false;
    p.state.problem.clear();
    p.state.lastContactUnix = m_clock.nowUnix();
    p.state.terminalId = opened->from;
    return opened->body;
}

bool PeerSync::pullPeer(Peer& p) {
    if (!p.syncClient) return false;
    std::string known;
    {
        std::lock_guard lock(m_stateMutex);
        known = p.state.terminalId;
    }
    std::int64_t after = 0;
    ImportGuard guard;  // one allowance of stub elders for the whole pull, every page
    {
        std::lock_guard lock(m_dbMutex);
        if (!known.empty()) after = FeedStore(m_db).cursor(known);
        guard = FeedStore(m_db).guard(m_clock.nowUnix());
    }
    for (int pages = 0; pages < 10'000; ++pages) {
        auto r = call(p, *p.syncClient, kPeerFeedPath, json{{"after", after}, {"limit", m_options.pageSize}}.dump());
        if (!r) return false;
        try {
            json page = json::parse(*r);
            std::string terminal = page.at("terminal").get<std::string>();
            std::int64_t newest = page.at("newest").get<std::int64_t>();
            std::int64_t last = page.at("last").get<std::int64_t>();
            FeedImport got;
            {
                std::lock_guard lock(m_dbMutex);
                FeedStore feed(m_db);
                // First contact since start: this page may be one we already have; resume at the cursor.
                if (known.empty()) {
                    known = terminal;
                    if (std::int64_t c = feed.cursor(terminal); c > after) {
                        after = c;
                        continue;
                    }
                }
                if (last > after) got = feed.importFeed(page.at("entries"), guard, terminal, last);
                m_held = feed.heldFuture();
            }
            for (const auto& a : got.arrived) m_book.recordArrived(ClaimKey{a.elderId, a.service, a.day});
            // No stub left for this pull: stop where the import stopped, go on at the next pull.
            if (got.stubsSpent) last = got.lastSeq.value_or(after);
            {
                std::lock_guard lock(m_stateMutex);
                p.state.behind = std::max<std::int64_t>(0, newest - last);
            }
            if (got.stubsSpent || last <= after || last >= newest) {
                rememberContact(p);
                return true;
            }
            after = last;
        } catch (const std::exception&) {
            std::lock_guard lock(m_stateMutex);
            p.state.problem = "从另一台机器（" + p.address + "）同步记录时出错，稍后再试";
            return false;
        }
    }
    return true;
}

void PeerSync::rememberContact(Peer& p) {
    std::int64_t at = 0;
    std::string terminal;
    {
        std::lock_guard lock(m_stateMutex);
        at = p.state.lastContactUnix;
        terminal = p.state.terminalId;
    }
    // Once a minute is enough for "last seen at 11:02", and spares the SD card a write every pull.
    if (at <= 0 || at - p.contactWritten < kContactWriteSeconds) return;
    try {
        std::lock_guard lock(m_dbMutex);
        FeedStore(m_db).rememberContact(p.address, terminal, at);
        p.contactWritten = at;
    } catch (const StoreError&) {
        // Only a display fact: the next pull tries again.
    }
}

void PeerSync::pushPending() {
    std::vector<std::int64_t> ids;
    {
        std::lock_guard lock(m_pushMutex);
        ids.swap(m_toPush);
    }
    if (ids.empty()) return;
    json entries = json::array();
    {
        std::lock_guard lock(m_dbMutex);
        FeedStore feed(m_db);
        for (auto id : ids)
            if (json e = feed.checkinEntry(id); !e.is_null()) entries.push_back(std::move(e));
    }
    if (entries.empty()) return;
    const std::string body = json{{"entries", entries}}.dump();
    // Best effort: a peer that misses it pulls it within the interval.
    for (auto& p : m_peers)
        if (p->syncClient) (void)call(*p, *p->syncClient, kPeerPushPath, body);
}

std::unique_ptr<HttpClient> PeerSync::takeClaimClient(Peer& p) {
    {
        std::lock_guard lock(p.poolMutex);
        if (!p.idleClaimClients.empty()) {
            auto c = std::move(p.idleClaimClients.back());
            p.idleClaimClients.pop_back();
            return c;
        }
    }
    return m_factory(p.address);
}

void PeerSync::giveClaimClient(Peer& p, std::unique_ptr<HttpClient> c) {
    std::lock_guard lock(p.poolMutex);
    p.idleClaimClients.push_back(std::move(c));
}

void PeerSync::reapClaimCalls(bool wait) {
    std::vector<std::shared_ptr<ClaimCall>> finished;
    {
        std::lock_guard lock(m_callsMutex);
        std::erase_if(m_calls, [&](std::shared_ptr<ClaimCall>& c) {
            bool done;
            {
                std::lock_guard l(c->shared->mutex);
                done = c->shared->done;
            }
            if (!done && !wait) return false;
            finished.push_back(std::move(c));
            return true;
        });
    }
    for (auto& c : finished)
        if (c->thread.joinable()) c->thread.join();  // done (or waited for): returns at once or at its timeout
}

PeerVerdict PeerSync::claimLocal(const ClaimKey& key) {
    OwnClaim own = m_book.takeOwn(key);
    if (!own.taken()) return PeerVerdict{true, own.grantedTo};
    return PeerVerdict{false, {}, own.id};
}

bool PeerSync::stillClaimed(std::int64_t claim, Database& db) { return m_book.ownLive(db, claim); }

void PeerSync::release(std::int64_t claim) { m_book.releaseOwn(claim); }

void PeerSync::recorded(std::int64_t claim, std::int64_t recordId) {
    m_book.releaseOwn(claim);
    {
        std::lock_guard lock(m_pushMutex);
        m_toPush.push_back(recordId);
    }
    m_wake.notify_all();
}

PeerVerdict PeerSync::askPeers(const ClaimKey& key) {
    reapClaimCalls(false);
    if (m_peers.empty()) return PeerVerdict{};
    const std::string body = json{{"elder", key.elderId}, {"service", key.service}, {"day", key.day}}.dump();
    const std::int64_t deadlineMs = m_mono.nowMs() + m_options.claimWait.count();
    std::vector<std::shared_ptr<ClaimCall>> calls;
    for (auto& p : m_peers) {
        if (p->overdue.load() > 0) continue;  // away until its last overdue answer comes back
        auto c = std::make_shared<ClaimCall>();
        c->peer = p.get();
        auto client = takeClaimClient(*p);
        if (!client) continue;
        c->thread = std::jthread([this, shared = c->shared, peer = p.get(), client = std::move(client), body]() mutable {
            auto r = call(*peer, *client, kPeerClaimPath, body);
            giveClaimClient(*peer, std::move(client));
            {
                std::lock_guard lock(shared->mutex);
                shared->reply = std::move(r);
                shared->done = true;
                if (shared->overdue) --peer->overdue;
            }
            shared->cv.notify_all();
        });
        calls.push_back(std::move(c));
    }
    PeerVerdict verdict;
    for (auto& c : calls) {
        std::unique_lock lock(c->shared->mutex);
        const milliseconds left{std::max<std::int64_t>(deadlineMs - m_mono.nowMs(), 0)};
        if (!c->shared->cv.wait_for(lock, left, [&] { return c->shared->done; })) {
            // Too slow: away for this scan (contract 11). Its thread finishes on its own and is reaped later.
            c->shared->overdue = true;
            ++c->peer->overdue;
            std::lock_guard st(m_stateMutex);
            c->peer->state.reachable = false;
            c->peer->state.problem = "另一台机器（" + c->peer->address + "）回答太慢，按离线处理";
            continue;
        }
        if (!*c->shared->reply) continue;  // unreachable or refused: away
        try {
            json a = json::parse(c->shared->reply->value());
            std::string answer = a.at("answer").get<std::string>();
            if ((answer == "has" || answer == "held") && !verdict.duplicate)
                verdict = PeerVerdict{true, a.value("terminal", std::string())};
        } catch (const std::exception&) {
            // A signed but unreadable answer: treat the peer as away for this scan.
        }
    }
    {
        std::lock_guard lock(m_callsMutex);
        for (auto& c : calls) m_calls.push_back(std::move(c));
    }
    return verdict;
}

}  // namespace mh

// The peers core wired for one terminal (see peer_stack.hpp).
#include "kiosk/app/peer_stack.hpp"

#include <mutex>
#include <utility>

#include "platform/net/peer_clients.hpp"
#include "shared/peers/claim_book.hpp"
#include "shared/peers/peer_auth.hpp"
#include "shared/peers/peer_service.hpp"
#include "shared/peers/peer_sync.hpp"
#include "shared/site/terminal_facts.hpp"

namespace mh::app {

struct PeerStack::Impl {
    Impl(Site& site, const Clock& clock)
        : dbFile(site.dir() / kSiteDb),
          clock(clock),
          terminal(terminalIdOf(site)),
          book(dbFile, terminal),
          auth(site.config().siteId, terminal, site.keys(), clock) {
        options.claimWait = std::chrono::milliseconds(site.config().peerClaimWaitMs);
    }

    std::shared_ptr<PeerSync> makeSync(std::vector<std::string> addresses) {
        if (!addresses.empty()) preparePeerClients();
        return std::make_shared<PeerSync>(dbFile, auth, book, clock, std::move(addresses), peerClientFactory(), options);
    }
    std::shared_ptr<PeerSync> current() {
        std::lock_guard lock(mutex);
        return sync;
    }

    std::filesystem::path dbFile;
    const Clock& clock;
    std::string terminal;
    ClaimBook book;
    PeerAuth auth;
    PeerSyncOptions options;
    std::unique_ptr<PeerService> service;
    std::mutex mutex;
    std::shared_ptr<PeerSync> sync;
    bool started = false;
};

PeerStack::PeerStack(Site& site, const Clock& clock, bool answer) : m(std::make_unique<Impl>(site, clock)) {
    if (answer) m->service = std::make_unique<PeerService>(m->dbFile, m->auth, m->book);
    m->sync = m->makeSync(site.config().peerAddresses);
}

PeerStack::~PeerStack() { stop(); }

void PeerStack::start() {
    std::lock_guard lock(m->mutex);
    m->started = true;
    m->sync->start();
}

void PeerStack::stop() {
    std::shared_ptr<PeerSync> s;
    {
        std::lock_guard lock(m->mutex);
        m->started = false;
        s = m->sync;
    }
    if (s) s->stop();
}

void PeerStack::setAddresses(std::vector<std::string> addresses) {
    auto next = m->makeSync(std::move(addresses));
    std::shared_ptr<PeerSync> old;
    {
        std::lock_guard lock(m->mutex);
        if (m->started) next->start();
        old = std::exchange(m->sync, next);
    }
    old->stop();  // a scan still holding it finishes with it (shared_ptr)
}

bool PeerStack::syncNow() { return m->current()->syncNow(); }

std::string describePeer(const PeerLine& p, const TimeZone& tz) {
    auto hhmm = [&](std::int64_t t) { return tz.toLocal(t).wallTime().text(); };
    std::string line = "另一台签到机";
    if (p.reachable)
        line += " · 最后联系 " + hhmm(p.lastContactUnix) + " · 落后 " + std::to_string(p.behind) + " 条";
    else if (p.lastContactUnix > 0)
        line += " · 联系不上（最后联系 " + hhmm(p.lastContactUnix) + "）";
    else
        line += " · 还没联系上";
    if (!p.problem.empty()) line += " · " + p.problem;
    return line + "（详细：网络地址 " + p.address + "）";
}

std::vector<PeerLine> PeerStack::states() const {
    std::vector<PeerLine> out;
    for (const PeerState& s : m->current()->states())
        out.push_back({s.address, s.terminalId, s.lastContactUnix, s.behind, s.reachable, s.problem});
    return out;
}

int PeerStack::heldEntries() const { return m->current()->heldEntries(); }

PeerReply PeerStack::handle(const PeerRequest& request) {
    if (!m->service) return PeerReply{404, R"({"error":"unknown_path"})"};
    return m->service->handle(request);
}

PeerVerdict PeerStack::claimLocal(const ClaimKey& key) { return m->current()->claimLocal(key); }
PeerVerdict PeerStack::askPeers(const ClaimKey& key) { return m->current()->askPeers(key); }
bool PeerStack::stillClaimed(std::int64_t claim, Database& db) { return m->current()->stillClaimed(claim, db); }
void PeerStack::release(std::int64_t claim) { m->current()->release(claim); }
void PeerStack::recorded(std::int64_t claim, std::int64_t recordId) { m->current()->recorded(claim, recordId); }

}  // namespace mh::app

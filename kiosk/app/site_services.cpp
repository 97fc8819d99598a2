// The background services of a running terminal (see site_services.hpp).
#include "kiosk/app/site_services.hpp"

#include "shared/peers/pairing_hello.hpp"
#include "shared/site/peers_toml.hpp"
#include "shared/site/site.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace mh::app {

SiteServices::SiteServices(Site& site, const Clock& clock, HttpClientFactory http, SiteServicesOptions options)
    : m_dir(site.dir()),
      m_clock(clock),
      m_tz(site.timeZone()),
      m_listen(options.listen.empty() ? site.config().peerListen : options.listen),
      m_listenOption(options.listenOption),
      m_listenGiven(!options.listen.empty()),
      m_peerAddresses(site.config().peerAddresses),
      m_ops(site.dir(), clock, std::move(http)),
      m_code(clock),
      m_pairing(site.dir(), m_code, clock, [this](const std::string& a) { noteJoined(a); }) {
    if (!options.peers) {
        m_listen.clear();
        return;
    }
    m_peers = std::make_unique<PeerStack>(site, clock, /*answer=*/true);
}

void SiteServices::noteJoined(const std::string& address) {
    std::vector<std::string> now;
    {
        std::lock_guard lock(m_mutex);
        if (std::find(m_peerAddresses.begin(), m_peerAddresses.end(), address) != m_peerAddresses.end()) return;
        m_peerAddresses.push_back(address);
        now = m_peerAddresses;
    }
    // The new terminal is asked before every scan from now on, and its records are pulled.
    if (m_peers) m_peers->setAddresses(now);
}

bool SiteServices::hasPeers() const {
    std::lock_guard lock(m_mutex);
    return !m_peerAddresses.empty();
}

ui::OpsLink SiteServices::link() {
    ui::OpsLink l = m_ops.link();
    l.peers = [this] { return peersView(); };
    if (!m_listen.empty()) {
        l.showPairingCode = [this] {
            auto shown = showPairingCode();
            return shown ? std::string() : shown.error().message;
        };
        l.hidePairingCode = [this] { hidePairingCode(); };
    }
    return l;
}

std::vector<std::string> SiteServices::peerLines() const {
    std::vector<std::string> out;
    if (!m_peers) {
        std::lock_guard lock(m_mutex);
        for (const std::string& a : m_peerAddresses) out.push_back(describePeer(PeerLine{a}, m_tz));
        return out;
    }
    for (const PeerLine& p : m_peers->states()) out.push_back(describePeer(p, m_tz));
    return out;
}

ui::PeersView SiteServices::peersView() const {
    ui::PeersView v;
    v.canPair = !m_listen.empty();
    v.serving = listening();
    {
        std::lock_guard lock(m_mutex);
        v.problem = m_problem;
    }
    v.peers = peerLines();
    v.lastEvent = m_pairing.lastEvent();
    // Contract 11: a peer's entries dated more than 10 minutes ahead of this clock wait aside for staff.
    if (m_peers)
        if (int held = m_peers->heldEntries(); held > 0)
            v.held = "另一台签到机送来 " + std::to_string(held) + " 条时间不对的记录，已搁置，请核对";
    PairingCodeView c = m_code.view();
    if (!v.canPair || !c.shown) return v;
    v.codeShown = true;
    v.code = c.code;
    v.codeUsable = c.usable;
    switch (c.state) {
        case CodeCheck::Ok: {
            std::int64_t minutes = (c.expiresUnix - m_clock.nowUnix() + 59) / 60;
            v.codeNote = "还有 " + std::to_string(minutes) + " 分钟有效，只能用一次";
            break;
        }
        case CodeCheck::Used: v.codeNote = "已经用过，要再加一台请换一个新码"; break;
        case CodeCheck::Expired: v.codeNote = "已过期，请换一个新码"; break;
        case CodeCheck::NotShown: break;
        case CodeCheck::Burnt:
        case CodeCheck::TooMany:
        case CodeCheck::Wrong: v.codeNote = "输错太多次，已作废，请换一个新码"; break;
    }
    v.address = "详细：本机网络地址 " + joinAddress();
    return v;
}

PeerReply SiteServices::route(const PeerRequest& request) {
    if (request.path == kJoinPath || request.path == kJoinDonePath || request.path == kHelloPath) return m_pairing.handle(request);
    if (m_peers) return m_peers->handle(request);
    return PeerReply{404, R"({"error":"unknown_path"})"};
}

Error SiteServices::listenError(const Error& bindError) const {
    if (bindError.code != "peers.listen") return bindError;
    // Name the setting to change where it is: the command line's option, the file's line, or (the
    // file has neither) what to add.
    const std::string zhWhy = "无法在 " + m_listen + " 上等候其他签到机：端口被别的程序占用，或这不是本机的地址。";
    const std::string enWhy = "cannot listen on " + m_listen + " (port in use, or not an address of this machine). ";
    if (m_listenGiven)
        return Error{"peers.listen", zhWhy + "请换一个 " + m_listenOption + " 地址:端口，例如 " + m_listenOption + " 0.0.0.0:7444",
                     enWhy + "Give another " + m_listenOption + " host:port, e.g. " + m_listenOption + " 0.0.0.0:7444"};
    PeersTomlKeys keys = peersKeysInSiteToml(m_dir);
    const std::string file = (m_dir / kSiteToml).string();
    std::string zh, en;
    if (keys.listen) {
        zh = "请改 " + file + " 里 [peers] 下面的 listen = \"" + m_listen + "\"，换一个没被占用的端口，例如 listen = \"0.0.0.0:7444\"";
        en = "Change listen = \"" + m_listen + "\" under [peers] in " + file + " to a free port, e.g. \"0.0.0.0:7444\"";
    } else if (keys.table) {
        zh = "请在 " + file + " 的 [peers] 下面加一行 listen = \"0.0.0.0:7444\"（换一个没被占用的端口）";
        en = "Add listen = \"0.0.0.0:7444\" (a free port) under [peers] in " + file;
    } else {
        zh = "请在 " + file + " 末尾加两行：[peers] 和 listen = \"0.0.0.0:7444\"（换一个没被占用的端口）";
        en = "Add two lines at the end of " + file + ": [peers] and listen = \"0.0.0.0:7444\" (a free port)";
    }
    if (!m_listenOption.empty()) {
        zh += "；或者启动时加 " + m_listenOption + " 0.0.0.0:7444";
        en += ", or start with " + m_listenOption + " 0.0.0.0:7444";
    }
    return Error{"peers.listen", zhWhy + zh, enWhy + en};
}

Status SiteServices::openListenerLocked() {
    if (m_server) return okStatus();
    auto hp = parseHostPort(m_listen, /*allowPortZero=*/true);
    if (!hp)
        return Error{"peers.listen", "[peers] listen 写得不对：" + m_listen, "[peers] listen is not host:port: " + m_listen};
    PeerServerOptions opt;
    opt.host = hp->host;
    opt.port = hp->port == 0 ? m_boundPort : hp->port;
    auto server = std::make_unique<PeerServer>([this](const PeerRequest& r) { return route(r); }, opt);
    Status st = server->start();
    if (!st && hp->port == 0 && m_boundPort != 0) {  // the port taken before is gone: any other will do
        opt.port = 0;
        server = std::make_unique<PeerServer>([this](const PeerRequest& r) { return route(r); }, opt);
        st = server->start();
    }
    if (!st) {
        Error e = listenError(st.error());
        std::lock_guard lock(m_mutex);
        m_problem = "其他签到机连不上本机：" + e.message;
        return e;
    }
    {
        std::lock_guard lock(m_mutex);
        m_problem.clear();
    }
    m_boundPort = server->port();
    m_openPort = m_boundPort;
    m_server = std::move(server);
    return okStatus();
}

Status SiteServices::start() {
    m_ops.start();
    // The sync runs even when this terminal cannot serve: it can still pull, push and ask the others.
    if (m_peers) m_peers->start();
    if (m_listen.empty()) return okStatus();
    if (!parseHostPort(m_listen, /*allowPortZero=*/true))
        return Error{"peers.listen", "[peers] listen 写得不对：" + m_listen, "[peers] listen is not host:port: " + m_listen};
    m_watcher = std::jthread([this](std::stop_token stop) { watch(stop); });
    // No peers yet: nobody to answer until staff show a pairing code.
    if (!hasPeers()) return okStatus();
    std::lock_guard lock(m_serverMutex);
    return openListenerLocked();
}

Result<std::string> SiteServices::showPairingCode() {
    if (m_listen.empty()) return Error{"peers.off", "本机不和其他签到机配对（培训模式）", "this terminal does not pair (training)"};
    std::string code;
    {
        // Under the server's lock, so updateListener() never closes the port between these steps.
        std::lock_guard lock(m_serverMutex);
        if (auto st = openListenerLocked(); !st) return st.error();
        code = m_code.show();
        std::lock_guard watchLock(m_watchMutex);
        m_pairingOpen = true;
    }
    m_watchWake.notify_all();
    return code;
}

void SiteServices::hidePairingCode() {
    m_code.hide();
    updateListener();
}

bool SiteServices::listening() const { return m_openPort != 0; }

int SiteServices::peerPort() const { return m_openPort; }

void SiteServices::updateListener() {
    std::lock_guard lock(m_serverMutex);
    // Pairing first, peers second: a join finishing in between has noted its peer before it stops
    // being pending (PairingService::done), so the port is never closed under a new peer.
    const bool pairing = m_code.live() || m_pairing.joinPending();
    const bool peers = hasPeers();
    {
        std::lock_guard watchLock(m_watchMutex);
        m_pairingOpen = pairing && !peers;  // the watcher polls only while this can still change
    }
    if (peers || pairing || !m_server) return;
    // Under the lock, so a code shown meanwhile binds only once the port is free again. An idle
    // keep-alive connection may hold this up to 2 s: readers use m_openPort, not this lock.
    m_openPort = 0;
    m_server->stop();
    m_server.reset();
    std::cerr << "peers: no pairing code shown and no other terminals: the peer port is closed again\n";
}

void SiteServices::watch(std::stop_token stop) {
    // Polls once a second only while pairing holds the port open; otherwise sleeps until woken.
    while (!stop.stop_requested()) {
        std::unique_lock lock(m_watchMutex);
        if (m_pairingOpen) m_watchWake.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
        else m_watchWake.wait(lock, stop, [this] { return m_pairingOpen; });
        if (stop.stop_requested()) return;
        lock.unlock();
        updateListener();
    }
}

void SiteServices::stop() {
    if (m_watcher.joinable()) {
        m_watcher.request_stop();
        m_watcher.join();
    }
    {
        std::lock_guard lock(m_serverMutex);
        m_openPort = 0;
        if (m_server) m_server->stop();
        m_server.reset();
    }
    if (m_peers) m_peers->stop();
    m_ops.stop();
}

std::string SiteServices::joinAddress() const {
    auto hp = parseHostPort(m_listen, true);
    if (!hp) return "";
    const int bound = peerPort();
    HostPort shown{hp->host, bound ? bound : hp->port};
    if (shown.host == "0.0.0.0" || shown.host == "::") {
        auto lan = localLanAddresses();
        shown.host = lan.empty() ? "127.0.0.1" : lan.front();
    }
    return shown.text();
}

std::vector<std::string> localLanAddresses() {
    std::vector<std::string> privateOnes, others;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return {};
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        char buf[INET_ADDRSTRLEN];
        auto* in = reinterpret_cast<sockaddr_in*>(i->ifa_addr);
        if (!::inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf)) continue;
        std::string a = buf;
        if (a.rfind("127.", 0) == 0) continue;
        bool lan = a.rfind("10.", 0) == 0 || a.rfind("192.168.", 0) == 0 ||
                   (a.rfind("172.", 0) == 0 && [&] { int b = std::atoi(a.c_str() + 4); return b >= 16 && b <= 31; }());
        (lan ? privateOnes : others).push_back(a);
    }
    ::freeifaddrs(list);
    privateOnes.insert(privateOnes.end(), others.begin(), others.end());
    return privateOnes;
}

}  // namespace mh::app

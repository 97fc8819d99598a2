// The background services of a running terminal (see site_services.hpp).
#include "kiosk/gui/site_services.hpp"

#include "shared/peers/pairing_hello.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace mh::gui {

SiteServices::SiteServices(Site& site, const Clock& clock, HttpClientFactory http, SiteServicesOptions options)
    : m_dir(site.dir()),
      m_clock(clock),
      m_tz(site.timeZone()),
      m_listen(options.listen.empty() ? site.config().peerListen : options.listen),
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

ui::OpsLink SiteServices::link() {
    ui::OpsLink l = m_ops.link();
    l.peers = [this] { return peersView(); };
    if (m_server) l.newPairingCode = [this] { m_code.renew(); };
    return l;
}

std::string SiteServices::hhmm(std::int64_t unixSeconds) const {
    return m_tz.toLocal(unixSeconds).wallTime().text();
}

std::vector<std::string> SiteServices::peerLines() const {
    std::vector<std::string> out;
    if (!m_peers) {
        std::lock_guard lock(m_mutex);
        return m_peerAddresses;
    }
    for (const PeerLine& p : m_peers->states()) {
        std::string line = p.address;
        if (p.reachable) {
            line += " · 最后联系 " + hhmm(p.lastContactUnix) + " · 落后 " + std::to_string(p.behind) + " 条";
        } else {
            line += " · 联系不上";
            if (p.lastContactUnix > 0) line += "（最后联系 " + hhmm(p.lastContactUnix) + "）";
        }
        if (!p.problem.empty()) line += " · " + p.problem;
        out.push_back(line);
    }
    return out;
}

ui::PeersView SiteServices::peersView() const {
    ui::PeersView v;
    v.serving = m_server != nullptr;
    {
        std::lock_guard lock(m_mutex);
        v.problem = m_problem;
    }
    v.peers = peerLines();
    // Contract 11: a peer's entries dated more than 10 minutes ahead of this clock wait aside for staff.
    if (m_peers)
        if (int held = m_peers->heldEntries(); held > 0)
            v.held = "另一台签到机送来 " + std::to_string(held) + " 条时间不对的记录，已搁置，请核对";
    if (!v.serving) return v;
    PairingCodeView c = m_code.view();
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
        case CodeCheck::Burnt:
        case CodeCheck::Wrong: v.codeNote = "输错太多次，已作废，请换一个新码"; break;
    }
    v.address = "本机地址：" + joinAddress();
    v.lastEvent = m_pairing.lastEvent();
    return v;
}

PeerReply SiteServices::route(const PeerRequest& request) {
    if (request.path == kJoinPath || request.path == kHelloPath) return m_pairing.handle(request);
    if (m_peers) return m_peers->handle(request);
    return PeerReply{404, R"({"error":"unknown_path"})"};
}

Status SiteServices::start() {
    m_ops.start();
    // The sync runs even when this terminal cannot serve: it can still pull, push and ask the others.
    if (m_peers) m_peers->start();
    if (m_listen.empty()) return okStatus();
    auto hp = parseHostPort(m_listen, /*allowPortZero=*/true);
    if (!hp)
        return Error{"peers.listen", "[peers] listen 写得不对：" + m_listen, "[peers] listen is not host:port: " + m_listen};
    PeerServerOptions opt;
    opt.host = hp->host;
    opt.port = hp->port;
    auto server = std::make_unique<PeerServer>([this](const PeerRequest& r) { return route(r); }, opt);
    if (auto st = server->start(); !st) {
        std::lock_guard lock(m_mutex);
        m_problem = "其他签到机连不上本机：" + st.error().message;
        return st;
    }
    m_server = std::move(server);
    return okStatus();
}

void SiteServices::stop() {
    if (m_server) m_server->stop();
    if (m_peers) m_peers->stop();
    m_ops.stop();
}

std::string SiteServices::joinAddress() const {
    auto hp = parseHostPort(m_listen, true);
    if (!hp) return "";
    HostPort shown{hp->host, peerPort() ? peerPort() : hp->port};
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

}  // namespace mh::gui

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

SiteServices::SiteServices(const std::filesystem::path& siteDir, const SiteConfig& config, const Clock& clock,
                           HttpClientFactory http, SiteServicesOptions options)
    : m_dir(siteDir),
      m_clock(clock),
      m_listen(options.listen.empty() ? config.peerListen : options.listen),
      m_peerAddresses(config.peerAddresses),
      m_ops(siteDir, clock, std::move(http)),
      m_code(clock),
      m_pairing(siteDir, m_code, clock, [this](const std::string& a) { noteJoined(a); }) {
    if (!options.peers) m_listen.clear();
}

void SiteServices::noteJoined(const std::string& address) {
    std::lock_guard lock(m_mutex);
    if (std::find(m_peerAddresses.begin(), m_peerAddresses.end(), address) == m_peerAddresses.end())
        m_peerAddresses.push_back(address);
}

ui::OpsLink SiteServices::link() {
    ui::OpsLink l = m_ops.link();
    l.peers = [this] { return peersView(); };
    if (m_server) l.newPairingCode = [this] { m_code.renew(); };
    return l;
}

ui::PeersView SiteServices::peersView() const {
    ui::PeersView v;
    v.serving = m_server != nullptr;
    {
        std::lock_guard lock(m_mutex);
        v.problem = m_problem;
        for (const auto& a : m_peerAddresses) v.peers.push_back(a);
    }
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
    return PeerReply{404, R"({"error":"unknown_path"})"};
}

Status SiteServices::start() {
    m_ops.start();
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

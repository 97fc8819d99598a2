// Everything a terminal runs in the background besides the screen, built the same way for `run`
// (beside the window) and `serve` (headless): the county uploader, the posting and backup jobs
// (OpsServices), and the peer server on [peers] listen answering the site's other terminals —
// pairing (`init --join`) now, the peers' record feed and claims through the same router.
#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>
#include <optional>
#include <string>

#include "kiosk/gui/ops_services.hpp"
#include "kiosk/gui/peer_stack.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/peers/pairing_code.hpp"
#include "shared/peers/pairing_service.hpp"
#include "shared/site/site_config.hpp"

namespace mh::gui {

struct SiteServicesOptions {
    std::string listen;    // host:port for the peer server; empty: [peers] listen of site.toml
    bool peers = true;     // false: no peer server (training copies)
};

class SiteServices {
public:
    // `site` is read here (configuration, keys, terminal id); the services open their own connections.
    // Throws StoreError when the database cannot be opened for the peers.
    SiteServices(Site& site, const Clock& clock, HttpClientFactory http, SiteServicesOptions options = {});
    ~SiteServices() { stop(); }
    SiteServices(const SiteServices&) = delete;

    // Starts the jobs and the peer server. The jobs run whatever happens; the error says why the peer
    // server could not (address in use, bad listen): `serve` stops on it, `run` shows it to staff.
    Status start();
    void stop();

    // The controller's link: the jobs' and the peers' (pairing code, new code, peer states).
    [[nodiscard]] ui::OpsLink link();
    [[nodiscard]] ui::PeersView peersView() const;
    [[nodiscard]] PairingCode& pairingCode() { return m_code; }
    [[nodiscard]] PairingService& pairing() { return m_pairing; }
    // The check-in engine's gate to the other terminals; null when this terminal runs without peers.
    [[nodiscard]] PeerGate* gate() { return m_peers.get(); }
    [[nodiscard]] PeerStack* peers() { return m_peers.get(); }
    // The port the peer server is bound to (0 before start or without one).
    [[nodiscard]] int peerPort() const { return m_server ? m_server->port() : 0; }
    // What another terminal types after --join: this machine's LAN address and the port, e.g.
    // "192.168.1.20:7443"; the listen host itself when it is a specific address.
    [[nodiscard]] std::string joinAddress() const;

private:
    PeerReply route(const PeerRequest& request);
    void noteJoined(const std::string& address);
    [[nodiscard]] std::vector<std::string> peerLines() const;  // 192.168.1.21:7443 · 最后联系 12:31 · 落后 0 条
    [[nodiscard]] std::string hhmm(std::int64_t unixSeconds) const;
    std::filesystem::path m_dir;
    const Clock& m_clock;
    TimeZone m_tz;
    std::string m_listen;
    std::string m_problem;  // why the peer server is not running, for staff
    mutable std::mutex m_mutex;
    std::vector<std::string> m_peerAddresses;  // [peers] addresses, as of start and the joins since
    OpsServices m_ops;
    PairingCode m_code;
    PairingService m_pairing;
    std::unique_ptr<PeerStack> m_peers;  // the peers core: answers, syncs, gates the engine
    std::unique_ptr<PeerServer> m_server;
};

// This machine's IPv4 addresses other than loopback (getifaddrs), first the private LAN ones.
std::vector<std::string> localLanAddresses();

}  // namespace mh::gui

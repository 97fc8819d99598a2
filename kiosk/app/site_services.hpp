// Everything a terminal runs in the background besides the screen, built the same way for `run`
// (beside the window) and `serve` (headless): the county uploader, the posting and backup jobs
// (OpsServices), and the peer server on [peers] listen answering the site's other terminals —
// pairing (`init --join`), the peers' record feed and claims through the same router.
// The peer server listens only when there is someone to answer: a terminal with [peers] addresses
// listens from start(); one without (a fresh site, the demo) opens no port until staff show a pairing
// code, and closes it again when the code is gone (used, expired, withdrawn) and no join is pending,
// unless a terminal joined meanwhile.
#pragma once
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/ops_services.hpp"
#include "kiosk/app/peer_stack.hpp"
#include "platform/net/peer_server.hpp"
#include "shared/peers/pairing_code.hpp"
#include "shared/peers/pairing_service.hpp"
#include "shared/site/site_config.hpp"

namespace mh::app {

struct SiteServicesOptions {
    std::string listen;    // host:port for the peer server; empty: [peers] listen of site.toml
    bool peers = true;     // false: no peer server (training copies)
    // How the caller's command line sets the listen address ("--listen" for serve), named in the
    // message when the port is taken; empty: the command has no such option (run).
    std::string listenOption;
};

class SiteServices {
public:
    // `site` is read here (configuration, keys, terminal id); the services open their own connections.
    // Throws StoreError when the database cannot be opened for the peers.
    SiteServices(Site& site, const Clock& clock, HttpClientFactory http, SiteServicesOptions options = {});
    ~SiteServices() { stop(); }
    SiteServices(const SiteServices&) = delete;

    // Starts the jobs, and the peer server when this terminal has peers. The jobs run whatever
    // happens; the error says why the peer server could not (address in use, bad listen), naming the
    // setting to change: `serve` stops on it, `run` shows it to staff.
    Status start();
    void stop();

    // Staff show a pairing code (the settings tab, `serve --code-file`): a fresh code for 10 minutes,
    // and the peer server opens if it was closed. The error: the server could not open (no code then).
    Result<std::string> showPairingCode();
    // Staff stopped showing it: the code dies; the server closes if nothing else keeps it open.
    void hidePairingCode();
    // Closes the peer server when this terminal has no peers, no code is live and no join is pending.
    // A watcher thread calls it every second while pairing keeps the server open; tests call it too.
    void updateListener();
    [[nodiscard]] bool listening() const;

    // The controller's link: the jobs' and the peers' (pairing code, new code, peer states).
    [[nodiscard]] ui::OpsLink link();
    [[nodiscard]] ui::PeersView peersView() const;
    [[nodiscard]] PairingCode& pairingCode() { return m_code; }
    [[nodiscard]] PairingService& pairing() { return m_pairing; }
    // The check-in engine's gate to the other terminals; null when this terminal runs without peers.
    [[nodiscard]] PeerGate* gate() { return m_peers.get(); }
    [[nodiscard]] PeerStack* peers() { return m_peers.get(); }
    // The port the peer server is bound to (0 while it is closed).
    [[nodiscard]] int peerPort() const;
    // What another terminal types after --join: this machine's LAN address and the port, e.g.
    // "192.168.1.20:7443"; the listen host itself when it is a specific address.
    [[nodiscard]] std::string joinAddress() const;

private:
    PeerReply route(const PeerRequest& request);
    void noteJoined(const std::string& address);
    Status openListenerLocked();  // m_serverMutex held
    [[nodiscard]] Error listenError(const Error& bindError) const;
    [[nodiscard]] bool hasPeers() const;
    void watch(std::stop_token stop);
    [[nodiscard]] std::vector<std::string> peerLines() const;  // describePeer() of each
    std::filesystem::path m_dir;
    const Clock& m_clock;
    TimeZone m_tz;
    std::string m_listen;
    std::string m_listenOption;
    bool m_listenGiven = false;  // m_listen came from the command line, not site.toml
    std::string m_problem;  // why the peer server is not running, for staff
    mutable std::mutex m_mutex;
    std::vector<std::string> m_peerAddresses;  // [peers] addresses, as of start and the joins since
    OpsServices m_ops;
    PairingCode m_code;
    PairingService m_pairing;
    std::unique_ptr<PeerStack> m_peers;  // the peers core: answers, syncs, gates the engine
    std::mutex m_serverMutex;            // opening and closing m_server; never taken on a server thread
    std::unique_ptr<PeerServer> m_server;
    int m_boundPort = 0;  // with port 0 configured, the port bound first is taken again on reopening
    std::atomic<int> m_openPort{0};      // the port m_server listens on; 0 while closed
    std::mutex m_watchMutex;
    std::condition_variable_any m_watchWake;
    bool m_pairingOpen = false;  // the server was opened for pairing: the watcher polls
    std::jthread m_watcher;
};

// This machine's IPv4 addresses other than loopback (getifaddrs), first the private LAN ones.
std::vector<std::string> localLanAddresses();

}  // namespace mh::app

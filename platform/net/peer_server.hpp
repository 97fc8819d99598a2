// The LAN side of contract 11: an HTTP server (cpp-httplib) on [peers] listen that takes POSTs to
// /peer/v1/... from the site's other terminals and hands each to a PeerHandler (shared/ports/
// peer_handler.hpp). It only moves bytes, and gives no one without the site keys a way to stall it
// ("hardened on 2026-12-06"):
// - a whole request (request line, headers and body, chunked or not) must arrive within
//   `requestDeadline` of its first byte (of the accept, for a connection's first request); a kept
//   connection with no next request is closed after `idleTimeout`;
// - a body over `maxBodyBytes` is refused (413) however it is sent, after reading at most that
//   much; compressed bodies (Content-Encoding) are refused unread (a small gzip body can inflate to
//   gigabytes); all connections together hold at most `maxBytesInFlight` of unanswered request;
// - each connection has its own thread, so a claim never waits in a queue behind slow senders;
//   connections are capped per remote address and in total, so one machine cannot take them all.
//
// Why cpp-httplib still, and not libmicrohttpd: measured with the attacker's test (10-12 slow
// connections held the 8 threads of httplib's pool; a 300 MB chunked body took `serve` from 110 MB
// to 739 MB RSS), the faults were httplib's per-read timeout, its fixed queue and its unbounded
// chunked read, not its parser. Its hooks reach all three: the connection handler is virtual
// (process_and_close_socket), process_request() takes any httplib::Stream (DeadlineStream here),
// and new_task_queue picks the threads. libmicrohttpd's MHD_OPTION_CONNECTION_TIMEOUT is also an
// inactivity timeout, so a whole-request deadline would have needed a watchdog around it too, plus
// a new dependency. Measured with this server (2 cores, load average ~20): a fresh claim connection
// under 50 slow connections from ten addresses answered in 137 ms at worst (test_peer_server_attack);
// scan-to-answer p99 in one bench_peers_http run, as ratios to the terminal alone: two quiet peers
// 1.47x, two peers under 50 slow connections each 1.38x (noise: the attack adds nothing measurable);
// a 300 MB chunked body sent to `kiosk serve` was cut after 6 MiB, its RSS peaking at 29 MB.
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "shared/core/result.hpp"
#include "shared/ports/peer_handler.hpp"

namespace mh {

class PeerHttpServer;

struct PeerServerOptions {
    std::string host = "0.0.0.0";
    int port = 7443;                         // 0: any free port (tests); port() says which
    std::size_t maxBodyBytes = 4u << 20;     // a join's roster fits; nothing bigger is read
    std::chrono::milliseconds requestDeadline{5000};  // for the whole request, not per read
    std::chrono::milliseconds idleTimeout{2000};      // a kept connection waiting for its next request
    std::chrono::milliseconds writeTimeout{5000};     // for room in each send of an answer
    std::size_t maxConnections = 128;                 // at once; each has its own thread
    std::size_t maxConnectionsPerAddress = 8;         // a peer needs 1 for its pulls + 1 per scan in flight
    std::size_t maxBytesInFlight = 16u << 20;         // request bytes read and not yet answered, all connections
};

class PeerServer {
public:
    PeerServer(PeerHandler handler, PeerServerOptions options = {});
    ~PeerServer();
    PeerServer(const PeerServer&) = delete;
    PeerServer& operator=(const PeerServer&) = delete;

    // Binds and starts serving; a plain sentence when the address cannot be bound (in use, not an
    // address of this machine). Returns once the server accepts connections.
    Status start();
    void stop();
    [[nodiscard]] int port() const { return m_port; }  // the bound port, after start()
    [[nodiscard]] bool running() const;

private:
    PeerHandler m_handler;
    PeerServerOptions m_opt;
    std::unique_ptr<PeerHttpServer> m_server;
    std::jthread m_thread;
    int m_port = 0;
};

}  // namespace mh

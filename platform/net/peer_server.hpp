// The LAN side of contract 11: an HTTP server (cpp-httplib) on [peers] listen that takes POSTs to
// /peer/v1/... from the site's other terminals and hands each to a PeerHandler (shared/ports/
// peer_handler.hpp). It only moves bytes: bodies are capped, slow senders are cut off, and nothing
// but POST under /peer/v1/ is answered. Starts and stops cleanly (its own std::jthread).
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "shared/core/result.hpp"
#include "shared/ports/peer_handler.hpp"

namespace httplib {
class Server;
}

namespace mh {

struct PeerServerOptions {
    std::string host = "0.0.0.0";
    int port = 7443;                         // 0: any free port (tests); port() says which
    std::size_t maxBodyBytes = 4u << 20;     // a join's roster fits; nothing bigger is read
    std::chrono::seconds readTimeout{5};     // a peer that stops sending mid-request is dropped
    std::chrono::seconds writeTimeout{5};
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
    std::unique_ptr<httplib::Server> m_server;
    std::jthread m_thread;
    int m_port = 0;
};

}  // namespace mh

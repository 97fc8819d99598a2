// PeerServer over cpp-httplib (see peer_server.hpp).
#include "platform/net/peer_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

namespace mh {

PeerServer::PeerServer(PeerHandler handler, PeerServerOptions options)
    : m_handler(std::move(handler)), m_opt(std::move(options)) {}

PeerServer::~PeerServer() { stop(); }

bool PeerServer::running() const { return m_server && m_server->is_running(); }

Status PeerServer::start() {
    if (m_server) return okStatus();
    auto server = std::make_unique<httplib::Server>();
    server->set_payload_max_length(m_opt.maxBodyBytes);
    server->set_read_timeout(m_opt.readTimeout);
    server->set_write_timeout(m_opt.writeTimeout);
    // Peers pull every few seconds over a kept connection; an idle one is closed after 2 s, which is
    // also the longest stop() waits for one.
    server->set_keep_alive_timeout(2);
    server->set_tcp_nodelay(true);
    // SO_REUSEADDR only (a restart can bind at once past TIME_WAIT). cpp-httplib's default adds
    // SO_REUSEPORT, which would let a second kiosk on this machine bind the same port and have the
    // kernel split the peers' requests between the two: that must fail loudly instead.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });  // claims are small and wait on each other: no Nagle delay
    server->Post(R"(/peer/v1/[a-z_]+)", [this](const httplib::Request& req, httplib::Response& res) {
        PeerReply reply;
        try {
            reply = m_handler(PeerRequest{req.path, req.body, req.remote_addr});
        } catch (const std::exception&) {
            reply = PeerReply{500, R"({"error":"internal"})"};
        }
        res.status = reply.status;
        res.set_content(reply.body, "application/json");
    });
    std::string where = m_opt.host + ":" + std::to_string(m_opt.port);
    int port = m_opt.port;
    bool bound = port == 0 ? (port = server->bind_to_any_port(m_opt.host)) > 0 : server->bind_to_port(m_opt.host, port);
    if (!bound)
        return Error{"peers.listen",
                     "无法在 " + where + " 上等候其他签到机（端口被占用，或这不是本机的地址）。请检查 site.toml 的 [peers] listen",
                     "cannot listen on " + where + " (port in use, or not an address of this machine): check [peers] listen"};
    m_port = port;
    m_server = std::move(server);
    m_thread = std::jthread([s = m_server.get()] { s->listen_after_bind(); });
    // stop() only reaches a server that is already running: wait for it, so start/stop never race.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!m_server->is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return okStatus();
}

void PeerServer::stop() {
    if (!m_server) return;
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

}  // namespace mh

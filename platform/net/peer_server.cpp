// PeerServer over cpp-httplib (see peer_server.hpp for the limits and why they are built this way).
#include "platform/net/peer_server.hpp"

#include <httplib.h>
#include <sys/socket.h>
#include <strings.h>
#include <unistd.h>

#include <regex>

#include "platform/net/connection_threads.hpp"
#include "platform/net/deadline_stream.hpp"
#include "platform/net/peer_connections.hpp"

namespace mh {
namespace {

using Steady = std::chrono::steady_clock;

constexpr std::size_t kHeaderBytes = 64 * 1024;  // request line and headers of one request
constexpr std::size_t kChunkFraming = 64 * 1024;  // chunk-size lines beside a full-size chunked body
constexpr std::size_t kRequestsPerConnection = 100;
constexpr int kListenBacklog = 128;  // httplib listens with 5: a burst of connects would drop SYNs (1 s retry)

// The connection being served on this thread, for the handlers to cut it (set by serveConnection).
thread_local DeadlineStream* t_stream = nullptr;

const std::regex& peerPath() {
    static const std::regex r(R"(/peer/v1/[a-z_]+)");
    return r;
}

void answer(httplib::Response& res, int status, const char* why) {
    res.status = status;
    res.set_content(std::string(R"({"error":")") + why + "\"}", "application/json");
    if (t_stream) t_stream->closeAfter();  // the unread body must not be taken for the next request
}

}  // namespace

// httplib's server with the connection loop replaced: admission by PeerConnections, each request
// read through a DeadlineStream, the connection closed after any refusal or cut.
class PeerHttpServer final : public httplib::Server {
public:
    explicit PeerHttpServer(const PeerServerOptions& opt)
        : m_opt(opt), m_conns({opt.maxConnections, opt.maxConnectionsPerAddress, opt.maxBytesInFlight}) {
        // Twice the cap: refused connections are closed on their own thread, at once.
        new_task_queue = [n = opt.maxConnections * 2] { return new ConnectionThreads(n); };
    }
    PeerConnections& connections() { return m_conns; }
    void widenBacklog() { ::listen(svr_sock_, kListenBacklog); }  // Linux: listen() again sets the backlog

private:
    bool process_and_close_socket(socket_t sock) override {
        std::string address = PeerConnections::remoteAddress(sock);
        bool admitted = !ConnectionThreads::refuseNow() && m_conns.admit(sock, address);
        if (admitted) {
            serveConnection(sock);
            m_conns.leave(sock, address);
        } else {
            static const char kBusy[] = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
            (void)::send(sock, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return admitted;
    }

    void serveConnection(socket_t sock) {
        DeadlineStream strm(sock, m_conns, m_opt.writeTimeout);
        t_stream = &strm;
        auto deadline = Steady::now() + m_opt.requestDeadline;  // the first request counts from the accept
        for (std::size_t n = 0; n < kRequestsPerConnection && svr_sock_ != INVALID_SOCKET; ++n) {
            if (n > 0) {
                if (!strm.waitForRequest(m_opt.idleTimeout)) break;
                deadline = Steady::now() + m_opt.requestDeadline;
            }
            strm.beginRequest(deadline, kHeaderBytes);
            bool closed = false;
            bool ok = process_request(strm, n + 1 == kRequestsPerConnection, closed, [&](httplib::Request&) {
                strm.headersDone(m_opt.maxBodyBytes + kChunkFraming);
            });
            if (!ok || closed || strm.closing()) break;
        }
        t_stream = nullptr;
    }

    PeerServerOptions m_opt;
    PeerConnections m_conns;
};

PeerServer::PeerServer(PeerHandler handler, PeerServerOptions options)
    : m_handler(std::move(handler)), m_opt(std::move(options)) {}

PeerServer::~PeerServer() { stop(); }

bool PeerServer::running() const { return m_server && m_server->is_running(); }

Status PeerServer::start() {
    if (m_server) return okStatus();
    auto server = std::make_unique<PeerHttpServer>(m_opt);
    server->set_payload_max_length(m_opt.maxBodyBytes);
    server->set_tcp_nodelay(true);  // claims are small and wait on each other: no Nagle delay
    // SO_REUSEADDR only (a restart can bind at once past TIME_WAIT). cpp-httplib's default adds
    // SO_REUSEPORT, which would let a second kiosk on this machine bind the same port and have the
    // kernel split the peers' requests between the two: that must fail loudly instead.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Screened on the headers alone, before any body byte is read: only POST under /peer/v1/, no
    // compressed body, no other transfer coding than chunked, no declared length over the cap.
    const std::size_t maxBody = m_opt.maxBodyBytes;
    server->set_pre_routing_handler([maxBody](const httplib::Request& req, httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        if (req.method != "POST" || !std::regex_match(req.path, peerPath())) {
            answer(res, 404, "path");
            return R::Handled;
        }
        std::string coding = req.get_header_value("Content-Encoding");
        if (!coding.empty() && coding != "identity") {
            answer(res, 415, "encoding");
            return R::Handled;
        }
        std::string transfer = req.get_header_value("Transfer-Encoding");
        if (!transfer.empty() && strcasecmp(transfer.c_str(), "chunked") != 0) {
            answer(res, 501, "transfer");
            return R::Handled;
        }
        if (req.has_header("Content-Length")) {
            std::string len = req.get_header_value("Content-Length");
            char* end = nullptr;
            unsigned long long n = std::strtoull(len.c_str(), &end, 10);
            if (len.empty() || *end != '\0' || n > maxBody) {
                answer(res, 413, "too_large");
                return R::Handled;
            }
        }
        return R::Unhandled;
    });
    // The body through a counting receiver: httplib would append a chunked body without end.
    server->Post(R"(/peer/v1/[a-z_]+)", [this](const httplib::Request& req, httplib::Response& res,
                                              const httplib::ContentReader& read) {
        std::string body;
        bool over = false;
        bool whole = read([&](const char* data, size_t n) {
            if (body.size() + n > m_opt.maxBodyBytes) {
                over = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        if (!whole) {
            if (over || (t_stream && t_stream->overLimit()))
                answer(res, 413, "too_large");
            else if (t_stream && t_stream->expired())
                answer(res, 408, "too_slow");
            else
                answer(res, 400, "body");
            return;
        }
        PeerReply reply;
        try {
            reply = m_handler(PeerRequest{req.path, std::move(body), req.remote_addr});
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
    server->widenBacklog();
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
    m_server->connections().closeAll();  // live connections end now, not at their deadlines
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
}

}  // namespace mh

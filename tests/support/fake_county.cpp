#include "support/fake_county.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace mh::test {

FakeCounty::FakeCounty(std::string token, const std::string& certPem, const std::string& keyPem, int port)
    : m_tls(!certPem.empty()), m_token(std::move(token)) {
    // The platform is on loopback: a proxy configured on a CI machine must not be asked for it
    // (children such as `kiosk upload` inherit this).
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    ::setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    if (m_tls) m_server = std::make_unique<httplib::SSLServer>(certPem.c_str(), keyPem.c_str());
    else m_server = std::make_unique<httplib::Server>();
    httplib::Server& s = *m_server;
    s.set_keep_alive_max_count(1000);  // like a production front end: a backlog fits one connection
    s.set_keep_alive_timeout(30);
    s.set_tcp_nodelay(true);  // otherwise Nagle + delayed ACK add ~40 ms to every answer on loopback
    s.Post("/api/tallies", [this](const httplib::Request& req, httplib::Response& res) {
        ReceivedPost p{req.get_header_value("Idempotency-Key"), req.get_header_value("Authorization"), req.body,
                       req.remote_port, nextReply()};
        if (p.auth != "Bearer " + m_token) p.reply = Reply::Unauthorized;
        {
            std::lock_guard lock(m_mutex);
            auto at = p.body.find("\"date\":\"");
            if (!m_refuseBefore.empty() && at != std::string::npos && p.body.compare(at + 8, 10, m_refuseBefore) < 0) {
                m_posts.push_back(p);
                res.status = 422;
                res.set_content("{\"error\":\"日期早于本站开通日期，不予受理\"}", "application/json; charset=utf-8");
                return;
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_posts.push_back(p);
        }
        // Store like the real platform: a key it already has is answered 409 and not stored again.
        auto store = [&] {
            std::lock_guard lock(m_mutex);
            if (m_stored.count(p.key)) return false;
            m_stored[p.key] = p.body;
            m_storedOrder.push_back(p.key);
            return true;
        };
        switch (p.reply) {
            case Reply::Ok: res.status = store() ? 201 : 409; break;
            case Reply::Conflict: res.status = 409; break;
            case Reply::Error500: res.status = 500; break;
            case Reply::Busy503: {
                std::lock_guard lock(m_mutex);
                res.status = 503;
                res.set_header("Retry-After", m_retryAfter);
                break;
            }
            case Reply::Unauthorized: res.status = 401; break;
            case Reply::Unprocessable: res.status = 422; break;
            case Reply::Drop:
                // Headers go out, then the connection is cut mid-body: the client must not count it.
                res.status = 200;
                res.set_content_provider(1000, "application/json",
                                         [](size_t, size_t, httplib::DataSink&) { return false; });
                return;
            case Reply::Endless: {
                res.status = store() ? 201 : 409;
                auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
                res.set_chunked_content_provider("application/json", [this, until](size_t, httplib::DataSink& sink) {
                    static const std::string chunk(64 * 1024, ' ');
                    if (m_stopping || std::chrono::steady_clock::now() > until) {
                        sink.done();
                        return true;
                    }
                    if (!sink.write(chunk.data(), chunk.size())) return false;  // the client hung up
                    m_streamed += chunk.size();
                    return true;
                });
                return;
            }
            case Reply::Slow: {
                // Stored on arrival, answered late: the client may give up or be killed meanwhile.
                bool fresh = store();
                ++m_slowStarted;
                auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_slowMs.load());
                while (!m_stopping && std::chrono::steady_clock::now() < until)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                res.status = fresh ? 201 : 409;
                break;
            }
        }
        res.set_content("{}", "application/json");
    });
    s.Get("/api/roster", [this](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Authorization") != "Bearer " + m_token) {
            res.status = 401;
            return;
        }
        std::lock_guard lock(m_mutex);
        if (m_hugeRoster > 0) {
            // A header line, then filler rows, up to the set size. Returns the bytes written, 0 on a hang-up.
            auto block = [this, total = m_hugeRoster](size_t offset, httplib::DataSink& sink) -> size_t {
                static const std::string head = "elder_id,name,birth_date,categories,village\n";
                static const std::string row = "E999,张桂兰,1940-03-01,dibao,北关村\n";
                std::string b = offset == 0 ? head : "";
                while (b.size() < 256 * 1024) b += row;
                const size_t n = std::min(b.size(), total - offset);
                if (!sink.write(b.data(), n)) return 0;
                m_streamed += n;
                if (offset + n >= total) sink.done();
                return n;
            };
            if (m_hugeChunked)
                res.set_chunked_content_provider("text/csv", [block, sent = std::make_shared<size_t>(0)](size_t, httplib::DataSink& sink) {
                    const size_t n = block(*sent, sink);
                    *sent += n;
                    return n > 0;
                });
            else
                res.set_content_provider(m_hugeRoster, "text/csv",
                                         [block](size_t offset, size_t, httplib::DataSink& sink) { return block(offset, sink) > 0; });
            return;
        }
        std::string since = req.has_param("since") ? req.get_param_value("since") : "";
        m_rosterSince.push_back(since);
        if (m_rosterCsv.empty() || since == m_rosterCursor) {
            res.status = 204;
            res.set_header("X-Roster-Cursor", m_rosterCursor);
            return;
        }
        res.set_header("X-Roster-Cursor", m_rosterCursor);
        res.set_content(m_rosterCsv, "text/csv; charset=utf-8");
    });
    m_port = port > 0 ? (s.bind_to_port("127.0.0.1", port) ? port : -1) : s.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) throw std::runtime_error("cannot bind a loopback port");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeCounty::~FakeCounty() {
    m_stopping = true;
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
}

std::string FakeCounty::endpoint() const {
    return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port) + "/api";
}

void FakeCounty::script(std::vector<Reply> replies) {
    std::lock_guard lock(m_mutex);
    m_script.assign(replies.begin(), replies.end());
}

void FakeCounty::setFallback(Reply r) {
    std::lock_guard lock(m_mutex);
    m_fallback = r;
}

void FakeCounty::setRetryAfter(std::string v) {
    std::lock_guard lock(m_mutex);
    m_retryAfter = std::move(v);
}

void FakeCounty::setRoster(std::string csv, std::string cursor) {
    std::lock_guard lock(m_mutex);
    m_rosterCsv = std::move(csv);
    m_rosterCursor = std::move(cursor);
}

void FakeCounty::setHugeRoster(std::size_t bytes, bool chunked) {
    std::lock_guard lock(m_mutex);
    m_hugeRoster = bytes;
    m_hugeChunked = chunked;
}

void FakeCounty::refuseDatesBefore(std::string isoDate) {
    std::lock_guard lock(m_mutex);
    m_refuseBefore = std::move(isoDate);
}

void FakeCounty::clear() {
    std::lock_guard lock(m_mutex);
    m_posts.clear();
    m_stored.clear();
    m_storedOrder.clear();
}

Reply FakeCounty::nextReply() {
    std::lock_guard lock(m_mutex);
    if (m_script.empty()) return m_fallback;
    Reply r = m_script.front();
    m_script.pop_front();
    return r;
}

std::vector<ReceivedPost> FakeCounty::posts() const {
    std::lock_guard lock(m_mutex);
    return m_posts;
}

std::map<std::string, std::string> FakeCounty::stored() const {
    std::lock_guard lock(m_mutex);
    return m_stored;
}

std::vector<std::string> FakeCounty::storedOrder() const {
    std::lock_guard lock(m_mutex);
    return m_storedOrder;
}

std::vector<std::string> FakeCounty::rosterSince() const {
    std::lock_guard lock(m_mutex);
    return m_rosterSince;
}

ResettingServer::ResettingServer() {
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_fd, 16) != 0 ||
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        throw std::runtime_error("cannot bind a loopback port");
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] {
        while (!m_stopping) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0) continue;
            char buf[4096];
            pollfd pc{c, POLLIN, 0};
            if (::poll(&pc, 1, 1000) > 0) (void)::recv(c, buf, sizeof buf, 0);  // the request has begun
            linger l{1, 0};  // close with RST instead of FIN
            ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            ::close(c);
            ++m_resets;
        }
    });
}

ResettingServer::~ResettingServer() {
    m_stopping = true;
    if (m_thread.joinable()) m_thread.join();
    if (m_fd >= 0) ::close(m_fd);
}

std::string ResettingServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api"; }

}  // namespace mh::test

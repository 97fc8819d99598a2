// A test county platform on loopback (cpp-httplib): stores tallies by Idempotency-Key the way the real
// platform must (a repeated key is answered 409 and stored once), serves a roster CSV, and can be told
// to misbehave: 500, 503 + Retry-After, 401, 422, 409, a dropped connection, or a slow answer.
#pragma once
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace mh::test {

// Endless: stores the tally, answers 201 and then streams a body that never ends (for at most 20 s or
// until the client hangs up), as a broken proxy once did.
enum class Reply { Ok, Conflict, Error500, Busy503, Unauthorized, Unprocessable, Drop, Slow, Endless };

struct ReceivedPost {
    std::string key;       // Idempotency-Key
    std::string auth;      // Authorization
    std::string body;
    int port = 0;          // client's port: one port for many posts = a kept-alive connection
    Reply reply = Reply::Ok;
};

class FakeCounty {
public:
    // Binds 127.0.0.1 on an ephemeral port and serves on its own thread. `token`: the accepted bearer token.
    // With a certificate and key (PEM files), it serves HTTPS. `port`: a fixed port instead (the soak
    // test brings the platform down and back up at the address in site.toml); throws when it is taken.
    explicit FakeCounty(std::string token = "secret-token", const std::string& certPem = "", const std::string& keyPem = "",
                        int port = 0);
    ~FakeCounty();
    FakeCounty(const FakeCounty&) = delete;

    [[nodiscard]] std::string endpoint() const;  // http(s)://127.0.0.1:PORT/api
    [[nodiscard]] int port() const { return m_port; }

    // Replies for the next POSTs in order; after them, `fallback`.
    void script(std::vector<Reply> replies);
    void setFallback(Reply r);
    void setSlowMs(int ms) { m_slowMs = ms; }
    void setRetryAfter(std::string v);
    void setRoster(std::string csv, std::string cursor);
    // The roster answer becomes `bytes` of CSV, streamed in chunks (no Content-Length) or declared.
    void setHugeRoster(std::size_t bytes, bool chunked);
    // Tallies of a date before `isoDate` are answered 422 with a JSON reason, as the county refuses
    // a day before the site existed (a terminal whose clock was at 1970).
    void refuseDatesBefore(std::string isoDate);
    [[nodiscard]] std::size_t streamedBytes() const { return m_streamed.load(); }
    // Forgets every post and stored tally (benchmarks reuse one receiver for several rounds).
    void clear();

    [[nodiscard]] std::vector<ReceivedPost> posts() const;          // every POST, in arrival order
    [[nodiscard]] std::map<std::string, std::string> stored() const;  // key -> body, each stored once
    [[nodiscard]] std::vector<std::string> storedOrder() const;       // keys in the order first stored
    [[nodiscard]] std::vector<std::string> rosterSince() const;       // `since` of every roster GET
    [[nodiscard]] int slowStarted() const { return m_slowStarted.load(); }

private:
    Reply nextReply();
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    bool m_tls = false;
    std::string m_token;
    std::atomic<int> m_slowMs{0};
    std::atomic<int> m_slowStarted{0};
    std::atomic<bool> m_stopping{false};
    std::atomic<std::size_t> m_streamed{0};  // bytes of endless or huge bodies actually written
    mutable std::mutex m_mutex;
    std::size_t m_hugeRoster = 0;
    bool m_hugeChunked = true;
    std::string m_refuseBefore;
    std::deque<Reply> m_script;
    Reply m_fallback = Reply::Ok;
    std::string m_retryAfter = "1";
    std::string m_rosterCsv, m_rosterCursor;
    std::vector<ReceivedPost> m_posts;
    std::map<std::string, std::string> m_stored;
    std::vector<std::string> m_storedOrder;
    std::vector<std::string> m_rosterSince;
};

// A loopback server that reads each request and answers with a TCP reset (RST), as a broken NAT or
// firewall does. `resets()` counts the connections it reset.
class ResettingServer {
public:
    ResettingServer();
    ~ResettingServer();
    ResettingServer(const ResettingServer&) = delete;
    [[nodiscard]] std::string endpoint() const;
    [[nodiscard]] int resets() const { return m_resets.load(); }

private:
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_resets{0};
    std::thread m_thread;
};

}  // namespace mh::test

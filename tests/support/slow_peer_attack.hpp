// An attacker on the LAN with no site keys, for the peer server's tests and bench (contract 11,
// "hardened"): raw TCP connections on loopback that hold the server's places, half of them sending
// a request one byte a second, half sending nothing. A connection the server closes is opened again
// at once, so the pressure lasts as long as the attack. Sources are loopback addresses (127.0.0.2,
// ...): the whole 127/8 is this machine, so several attacking "machines" need no network.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace mh::test {

// A TCP connection to 127.0.0.1:port from `source` (a loopback address); -1 when it failed.
inline int loopbackConnect(int port, const std::string& source = "127.0.0.1") {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Whether the server closed `fd` (EOF or error), looking without waiting. Reads what is there.
inline bool closedByServer(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char buf[512];
    ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    return n <= 0;  // an answer (e.g. 503) is always followed by the close
}

// Sends `request` from `source` and reads until the server closes or `timeout`: the raw answer.
inline std::string loopbackExchange(int port, const std::string& source, const std::string& request,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    int fd = loopbackConnect(port, source);
    if (fd < 0) return {};
    (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string got;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, int(left.count())) <= 0) break;
        char buf[4096];
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, size_t(n));
        if (got.find("\r\n\r\n") != std::string::npos && got.find("Content-Length: 0") != std::string::npos) break;
    }
    ::close(fd);
    return got;
}

struct ChunkedFlood {
    std::size_t sent = 0;  // body bytes the server took before it closed
    bool refused = false;  // the server closed (reset) before all was sent
    std::string answer;    // what it answered first, if that arrived before the reset
};

// Streams a `total`-byte chunked POST to /peer/v1/push from `source`, one 64 KiB chunk sent again and
// again (never built in memory), until the server closes or 20 s pass.
inline ChunkedFlood floodChunked(int port, const std::string& source, std::size_t total) {
    ChunkedFlood f;
    int fd = loopbackConnect(port, source);
    if (fd < 0) return f;
    const std::string head = "POST /peer/v1/push HTTP/1.1\r\nHost: peer\r\nTransfer-Encoding: chunked\r\n\r\n";
    (void)::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
    auto t0 = std::chrono::steady_clock::now();
    while (f.sent < total && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20)) {
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, 1000) != 1) continue;
        ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (n < 0) {
            f.refused = true;
            break;
        }
        f.sent += std::size_t(n);
    }
    char buf[512];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) f.answer.append(buf, std::size_t(n));
    ::close(fd);
    return f;
}

class SlowPeerAttack {
public:
    // `count` connections to 127.0.0.1:port, spread over `sources` in turn.
    SlowPeerAttack(int port, int count, std::vector<std::string> sources)
        : m_port(port), m_count(count), m_sources(std::move(sources)) {}
    ~SlowPeerAttack() { stop(); }

    void start() {
        m_thread = std::thread([this] { run(); });
        // Back once every connection was tried at least once.
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (m_opened.load() < m_count && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    [[nodiscard]] int opened() const { return m_opened.load(); }   // connections made, reopenings included
    [[nodiscard]] int cut() const { return m_cut.load(); }         // connections the server closed
    [[nodiscard]] int holding() const { return m_holding.load(); }  // open right now

private:
    struct Conn {
        int fd = -1;
        std::string source;
        bool dribble = false;
        std::size_t sent = 0;
    };
    static const std::string& slowRequest() {
        static const std::string r =
            "POST /peer/v1/claim HTTP/1.1\r\nHost: peer\r\nContent-Type: application/json\r\n"
            "X-Padding: " + std::string(4000, 'a') + "\r\nContent-Length: 10\r\n\r\n0123456789";
        return r;
    }
    void run() {
        std::vector<Conn> conns(static_cast<std::size_t>(m_count));
        for (int i = 0; i < m_count; ++i) {
            conns[size_t(i)].source = m_sources[size_t(i) % m_sources.size()];
            conns[size_t(i)].dribble = i % 2 == 0;
        }
        while (!m_stop) {
            int holding = 0;
            for (auto& c : conns) {
                if (c.fd >= 0 && closedByServer(c.fd)) {
                    ::close(c.fd);
                    c.fd = -1;
                    ++m_cut;
                }
                if (c.fd < 0) {
                    c.fd = loopbackConnect(m_port, c.source);
                    c.sent = 0;
                    if (c.fd >= 0) ++m_opened;
                }
                if (c.fd >= 0 && c.dribble && c.sent < slowRequest().size()) {
                    if (::send(c.fd, slowRequest().data() + c.sent, 1, MSG_NOSIGNAL | MSG_DONTWAIT) == 1) ++c.sent;
                }
                holding += c.fd >= 0;
            }
            m_holding = holding;
            for (int i = 0; i < 20 && !m_stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        for (auto& c : conns)
            if (c.fd >= 0) ::close(c.fd);
        m_holding = 0;
    }

    int m_port, m_count;
    std::vector<std::string> m_sources;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_opened{0}, m_cut{0}, m_holding{0};
};

// The attacking machines: 127.0.0.2 ... 127.0.0.(1+n).
inline std::vector<std::string> attackerSources(int n) {
    std::vector<std::string> v;
    for (int i = 0; i < n; ++i) v.push_back("127.0.0." + std::to_string(2 + i));
    return v;
}

}  // namespace mh::test

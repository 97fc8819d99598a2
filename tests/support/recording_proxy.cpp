#include "support/recording_proxy.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mh::test {
namespace {

constexpr int kPollMs = 50;  // how often a relay looks at the stop flag

int connectLoopback(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(std::uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

RecordingProxy::RecordingProxy(int targetPort) : m_targetPort(targetPort) {
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(m_listen >= 0);
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = 0;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(m_listen, 16) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    m_port = ntohs(a.sin_port);
    m_acceptor = std::thread([this] { acceptLoop(); });
}

RecordingProxy::~RecordingProxy() {
    m_stop = true;
    if (m_acceptor.joinable()) m_acceptor.join();
    std::vector<std::thread> relays;
    {
        std::lock_guard lock(m_mutex);
        relays.swap(m_relays);
    }
    for (auto& t : relays) t.join();
    ::close(m_listen);
}

std::string RecordingProxy::bytes() const {
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

void RecordingProxy::acceptLoop() {
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (::poll(&p, 1, kPollMs) <= 0) continue;
        int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        ++m_connections;
        std::lock_guard lock(m_mutex);
        m_relays.emplace_back([this, client] { relay(client); });
    }
}

void RecordingProxy::relay(int client) {
    int server = connectLoopback(m_targetPort);
    if (server < 0) {
        ::close(client);
        return;
    }
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    char buf[16384];
    bool open = true;
    while (open && !m_stop) {
        if (::poll(fds, 2, kPollMs) <= 0) continue;
        for (int i = 0; i < 2 && open; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                open = false;
                break;
            }
            {
                std::lock_guard lock(m_mutex);
                m_bytes.append(buf, size_t(n));
            }
            int to = i == 0 ? server : client;
            for (ssize_t sent = 0; sent < n;) {
                ssize_t w = ::send(to, buf + sent, size_t(n - sent), MSG_NOSIGNAL);
                if (w <= 0) {
                    open = false;
                    break;
                }
                sent += w;
            }
        }
    }
    ::close(client);
    ::close(server);
}

}  // namespace mh::test

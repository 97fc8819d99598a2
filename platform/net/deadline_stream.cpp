#include "platform/net/deadline_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mh {
namespace {

// Waits for `events` on `sock` for at most `ms` (>= 0): 1 ready, 0 timed out, -1 failed.
int waitFor(int sock, short events, int ms) {
    pollfd p{sock, events, 0};
    for (;;) {
        int r = ::poll(&p, 1, ms);
        if (r < 0 && errno == EINTR) continue;
        return r < 0 ? -1 : (r > 0 ? 1 : 0);
    }
}

void ipAndPort(const sockaddr_storage& ss, std::string& ip, int& port) {
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
        ::inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
        port = ntohs(a->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
        ::inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
        port = ntohs(a->sin6_port);
    }
    ip = buf;
}

}  // namespace

DeadlineStream::DeadlineStream(int sock, PeerConnections& budget, std::chrono::milliseconds writeTimeout)
    : m_sock(sock), m_budget(budget), m_writeTimeout(writeTimeout) {}

DeadlineStream::~DeadlineStream() { giveBack(); }

void DeadlineStream::giveBack() {
    m_budget.giveBack(m_borrowed);
    m_borrowed = 0;
}

bool DeadlineStream::waitForRequest(std::chrono::milliseconds idle) {
    if (m_begin < m_end) return true;
    return waitFor(m_sock, POLLIN, int(idle.count())) == 1;
}

void DeadlineStream::beginRequest(Clock::time_point deadline, std::size_t headerBytes) {
    giveBack();  // the last request's body is gone with its httplib::Request
    m_deadline = deadline;
    m_allowed = headerBytes;
}

void DeadlineStream::headersDone(std::size_t bodyBytes) { m_allowed = bodyBytes; }

bool DeadlineStream::fill() {
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - Clock::now());
        if (left.count() <= 0) {
            m_expired = true;
            return false;
        }
        int ready = waitFor(m_sock, POLLIN, int(std::min<long long>(left.count() + 1, 60'000)));
        if (ready < 0) {
            m_broken = true;
            return false;
        }
        if (ready == 0) continue;  // the loop's first check decides whether the deadline passed
        ssize_t n = ::recv(m_sock, m_buf, sizeof m_buf, MSG_DONTWAIT);
        if (n > 0) {
            m_begin = 0;
            m_end = std::size_t(n);
            return true;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) continue;
        m_broken = true;  // closed by the other end, or an error
        return false;
    }
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
    if (m_expired || m_overLimit || m_broken) return -1;
    if (m_allowed == 0) {
        m_overLimit = true;
        return -1;
    }
    if (m_begin == m_end && !fill()) return m_broken && !m_expired ? 0 : -1;
    std::size_t n = std::min({size, m_end - m_begin, m_allowed});
    if (!m_budget.borrow(n)) {
        m_overLimit = true;
        return -1;
    }
    m_borrowed += n;
    std::memcpy(ptr, m_buf + m_begin, n);
    m_begin += n;
    m_allowed -= n;
    return ssize_t(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
    if (m_broken) return -1;
    for (;;) {
        if (waitFor(m_sock, POLLOUT, int(m_writeTimeout.count())) != 1) {
            m_broken = true;
            return -1;
        }
        ssize_t n = ::send(m_sock, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) return n;
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
        m_broken = true;
        return -1;
    }
}

bool DeadlineStream::is_readable() const {
    if (m_begin < m_end) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - Clock::now());
    return left.count() > 0 && waitFor(m_sock, POLLIN, int(std::min<long long>(left.count(), 60'000))) == 1;
}

bool DeadlineStream::is_writable() const { return !m_broken && waitFor(m_sock, POLLOUT, int(m_writeTimeout.count())) == 1; }

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(m_sock, reinterpret_cast<sockaddr*>(&ss), &len) == 0) ipAndPort(ss, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(m_sock, reinterpret_cast<sockaddr*>(&ss), &len) == 0) ipAndPort(ss, ip, port);
}

}  // namespace mh

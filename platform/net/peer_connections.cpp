#include "platform/net/peer_connections.hpp"

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace mh {

std::string PeerConnections::remoteAddress(int sock) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(sock, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return {};
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET) {
        ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr, buf, sizeof buf);
    } else if (ss.ss_family == AF_INET6) {
        const auto* a6 = reinterpret_cast<sockaddr_in6*>(&ss);
        // An IPv4 peer on a dual-stack socket counts as its IPv4 address.
        if (IN6_IS_ADDR_V4MAPPED(&a6->sin6_addr))
            ::inet_ntop(AF_INET, &a6->sin6_addr.s6_addr[12], buf, sizeof buf);
        else
            ::inet_ntop(AF_INET6, &a6->sin6_addr, buf, sizeof buf);
    }
    return buf;
}

bool PeerConnections::admit(int sock, const std::string& address) {
    std::lock_guard lock(m_mutex);
    if (m_closing || m_sockets.size() >= m_limits.total) return false;
    std::size_t& mine = m_perAddress[address];
    if (mine >= m_limits.perAddress) return false;
    ++mine;
    m_sockets.insert(sock);
    return true;
}

void PeerConnections::leave(int sock, const std::string& address) {
    std::lock_guard lock(m_mutex);
    m_sockets.erase(sock);
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it->second == 0) m_perAddress.erase(it);
}

void PeerConnections::closeAll() {
    std::lock_guard lock(m_mutex);
    m_closing = true;
    for (int s : m_sockets) ::shutdown(s, SHUT_RDWR);
}

bool PeerConnections::borrow(std::size_t n) {
    std::lock_guard lock(m_mutex);
    if (m_bytes + n > m_limits.bytesInFlight) return false;
    m_bytes += n;
    return true;
}

void PeerConnections::giveBack(std::size_t n) {
    std::lock_guard lock(m_mutex);
    m_bytes -= std::min(n, m_bytes);
}

std::size_t PeerConnections::live() const {
    std::lock_guard lock(m_mutex);
    return m_sockets.size();
}

}  // namespace mh

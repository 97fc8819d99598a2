// Who is connected to the peer server right now, and what they may cost (contract 11, "hardened").
// A connection is admitted only while its remote address holds fewer than `perAddress` and the
// server fewer than `total`: one machine's pile of slow connections never takes the places the
// site's other terminals need. Every live socket is kept, so stop() can cut them all at once instead
// of waiting out their deadlines. Request bytes are lent from one budget shared by all connections,
// so many half-sent bodies together cannot grow the process past a known size.
#pragma once
#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace mh {

struct PeerConnectionLimits {
    std::size_t total = 128;       // connections at once, all addresses
    std::size_t perAddress = 8;    // from one remote address
    std::size_t bytesInFlight = 16u << 20;  // request bytes read and not yet answered, all connections
};

class PeerConnections {
public:
    explicit PeerConnections(PeerConnectionLimits limits) : m_limits(limits) {}

    // The numeric address of the other end of `sock` ("192.168.1.21", "::1"); empty if unknown.
    static std::string remoteAddress(int sock);

    // Takes `sock` in (true), or refuses it (false): a cap is reached, or closeAll() was called.
    bool admit(int sock, const std::string& address);
    // `sock` is finished; call before closing it (closeAll() must never touch a closed number).
    void leave(int sock, const std::string& address);
    // Refuses every new connection and shuts down (SHUT_RDWR) every live one: their reads end at once.
    void closeAll();

    // Lends `n` request bytes (true), or none when the shared budget would be exceeded (false).
    bool borrow(std::size_t n);
    void giveBack(std::size_t n);

    [[nodiscard]] std::size_t live() const;

private:
    PeerConnectionLimits m_limits;
    mutable std::mutex m_mutex;
    std::set<int> m_sockets;
    std::map<std::string, std::size_t> m_perAddress;
    std::size_t m_bytes = 0;
    bool m_closing = false;
};

}  // namespace mh

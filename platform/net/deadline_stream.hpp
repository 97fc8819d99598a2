// One connection of the peer server as cpp-httplib reads it (httplib::Stream), with the limits
// httplib's own SocketStream lacks: a request must arrive WHOLE by a deadline (httplib's timeout is
// per read, so a byte a second kept a thread forever), and it may hold only so many bytes, counted
// as httplib takes them whatever the transfer encoding (httplib caps a Content-Length body, but
// appends a chunked one without end). Bytes are also borrowed from the server's shared budget
// (PeerConnections). When a limit is hit, read() fails and the request is cut; the connection is
// then closed, since the rest of the body would be read as the next request.
#pragma once
#include <httplib.h>

#include <chrono>
#include <cstddef>

#include "platform/net/peer_connections.hpp"

namespace mh {

class DeadlineStream final : public httplib::Stream {
public:
    using Clock = std::chrono::steady_clock;

    // `sock` stays owned by the caller. Writes wait at most `writeTimeout` for room in each send.
    DeadlineStream(int sock, PeerConnections& budget, std::chrono::milliseconds writeTimeout);
    ~DeadlineStream() override;
    DeadlineStream(const DeadlineStream&) = delete;
    DeadlineStream& operator=(const DeadlineStream&) = delete;

    // A kept connection's wait for its next request: true when bytes came within `idle`.
    bool waitForRequest(std::chrono::milliseconds idle);
    // A new request: all of it by `deadline`, at most `headerBytes` before headersDone().
    void beginRequest(Clock::time_point deadline, std::size_t headerBytes);
    // Headers are parsed: at most `bodyBytes` more for the body (its chunk framing included).
    void headersDone(std::size_t bodyBytes);

    [[nodiscard]] bool expired() const { return m_expired; }      // the deadline passed mid-request
    [[nodiscard]] bool overLimit() const { return m_overLimit; }  // too many bytes, or the budget is spent
    void closeAfter() { m_close = true; }                          // answer this request, then close
    [[nodiscard]] bool closing() const { return m_close || m_expired || m_overLimit || m_broken; }

    // httplib::Stream
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return m_sock; }

private:
    bool fill();  // reads what the socket has into m_buf, waiting until the deadline
    void giveBack();

    int m_sock;
    PeerConnections& m_budget;
    std::chrono::milliseconds m_writeTimeout;
    Clock::time_point m_deadline = Clock::time_point::max();
    std::size_t m_allowed = 0;   // bytes this request may still hand to httplib
    std::size_t m_borrowed = 0;  // bytes of this request counted against the shared budget
    char m_buf[16 * 1024];
    std::size_t m_begin = 0, m_end = 0;  // unread bytes in m_buf
    bool m_expired = false, m_overLimit = false, m_close = false, m_broken = false;
};

}  // namespace mh

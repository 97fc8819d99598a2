// A TCP relay on 127.0.0.1 that keeps every byte it passes, both ways: what a listener on the LAN
// between two terminals would see (contract 11: nothing readable on the wire). Point a terminal's
// [peers] address at port() and the relay forwards to the real peer at `targetPort`.
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mh::test {

class RecordingProxy {
public:
    explicit RecordingProxy(int targetPort);  // listens at once; REQUIREs that it could
    ~RecordingProxy();                        // stops and joins every relay thread
    RecordingProxy(const RecordingProxy&) = delete;
    RecordingProxy& operator=(const RecordingProxy&) = delete;

    [[nodiscard]] int port() const { return m_port; }
    // Everything relayed so far, requests and replies (headers included), in arrival order.
    [[nodiscard]] std::string bytes() const;
    [[nodiscard]] int connections() const { return m_connections.load(); }

private:
    void acceptLoop();
    void relay(int client);
    int m_targetPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    std::string m_bytes;
    std::vector<std::thread> m_relays;  // under m_mutex
    std::thread m_acceptor;
};

}  // namespace mh::test

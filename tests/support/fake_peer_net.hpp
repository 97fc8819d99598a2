// An in-process LAN for peer tests: HttpClients that hand each request straight to another
// terminal's PeerService::handle, with switches to make a peer away (a partition) or slow.
#pragma once
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "shared/peers/peer_sync.hpp"
#include "shared/ports/peer_handler.hpp"

namespace mh::test {

class FakePeerNet {
public:
    // Requests to http://ADDRESS/... reach `handler` (which must outlive the traffic).
    void attach(const std::string& address, PeerHandler handler);
    // Away: every request to this address fails as a network error (the sender sees it as a partition).
    void setAway(const std::string& address, bool away);
    // Every request to this address waits this long before it is handled.
    void setDelay(const std::string& address, std::chrono::milliseconds delay);
    // Cuts (or heals) the link between two addresses both ways: each sees the other as away.
    void cut(const std::string& a, const std::string& b, bool cut = true);
    // Clients for a terminal at `from` (so cut() can tell who is sending).
    [[nodiscard]] HttpClientFactory factoryFor(const std::string& from);
    [[nodiscard]] int requestsTo(const std::string& address);

    // The transport part: what a client of `from` gets for `request`.
    HttpResponse deliver(const std::string& from, const HttpRequest& request);

private:
    struct Node {
        PeerHandler handler;
        bool away = false;
        std::chrono::milliseconds delay{0};
        int requests = 0;
    };
    std::mutex m_mutex;
    std::map<std::string, Node> m_nodes;
    std::map<std::pair<std::string, std::string>, bool> m_cuts;
};

}  // namespace mh::test

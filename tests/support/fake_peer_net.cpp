#include "support/fake_peer_net.hpp"

#include <thread>

namespace mh::test {
namespace {

class FakePeerClient final : public HttpClient {
public:
    FakePeerClient(FakePeerNet& net, std::string from) : m_net(net), m_from(std::move(from)) {}
    HttpResponse send(const HttpRequest& request) override { return m_net.deliver(m_from, request); }

private:
    FakePeerNet& m_net;
    std::string m_from;
};

}  // namespace

void FakePeerNet::attach(const std::string& address, PeerHandler handler) {
    std::lock_guard lock(m_mutex);
    m_nodes[address].handler = std::move(handler);
}

void FakePeerNet::setAway(const std::string& address, bool away) {
    std::lock_guard lock(m_mutex);
    m_nodes[address].away = away;
}

void FakePeerNet::setDelay(const std::string& address, std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_nodes[address].delay = delay;
}

void FakePeerNet::cut(const std::string& a, const std::string& b, bool isCut) {
    std::lock_guard lock(m_mutex);
    m_cuts[{a, b}] = isCut;
    m_cuts[{b, a}] = isCut;
}

int FakePeerNet::requestsTo(const std::string& address) {
    std::lock_guard lock(m_mutex);
    return m_nodes[address].requests;
}

HttpClientFactory FakePeerNet::factoryFor(const std::string& from) {
    return [this, from](const std::string&) { return std::make_unique<FakePeerClient>(*this, from); };
}

HttpResponse FakePeerNet::deliver(const std::string& from, const HttpRequest& request) {
    HttpResponse resp;
    const std::string prefix = "http://";
    if (request.url.rfind(prefix, 0) != 0) {
        resp.transport = Transport::Failed;
        resp.error = "bad url";
        return resp;
    }
    auto slash = request.url.find('/', prefix.size());
    std::string address = request.url.substr(prefix.size(), slash - prefix.size());
    std::string path = slash == std::string::npos ? "/" : request.url.substr(slash);
    PeerHandler handler;
    std::chrono::milliseconds delay{0};
    {
        std::lock_guard lock(m_mutex);
        auto it = m_nodes.find(address);
        auto cut = m_cuts.find({from, address});
        if (it == m_nodes.end() || it->second.away || (cut != m_cuts.end() && cut->second) || !it->second.handler) {
            resp.transport = Transport::Failed;
            resp.error = "connection refused";
            return resp;
        }
        ++it->second.requests;
        handler = it->second.handler;
        delay = it->second.delay;
    }
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    PeerReply reply = handler(PeerRequest{path, request.body, "10.0.0.1"});
    resp.status = reply.status;
    resp.body = std::move(reply.body);
    return resp;
}

}  // namespace mh::test

// curl clients for peers (see peer_clients.hpp).
#include "platform/net/peer_clients.hpp"

#include "platform/net/curl_http_client.hpp"
#include "platform/net/curl_library.hpp"

namespace mh {

void preparePeerClients() { (void)curlLibrary(); }

std::function<std::unique_ptr<HttpClient>(const std::string&)> peerClientFactory(PeerClientOptions options) {
    return [options](const std::string&) -> std::unique_ptr<HttpClient> {
        CurlOptions c;
        c.connectTimeoutMs = options.connectTimeoutMs;
        c.totalTimeoutMs = options.totalTimeoutMs;
        return std::make_unique<CurlHttpClient>(c);
    };
}

}  // namespace mh

// HTTP clients for talking to the site's other terminals on the LAN (contract 11): plain HTTP (the
// messages are signed by the peers core, not by TLS) and short timeouts. Like the county client it
// honours the proxy environment variables: a terminal behind a proxy needs its LAN in no_proxy.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "shared/ports/http_client.hpp"

namespace mh {

struct PeerClientOptions {
    long connectTimeoutMs = 1'000;  // a LAN peer answers at once or is away
    long totalTimeoutMs = 5'000;    // a feed page of 500 entries over a slow wireless link
};

// Opens libcurl now (it is opened on first use, see curl_library.hpp): a terminal with peers calls
// this before its first scan, so the claim's 300 ms wait for a peer is never spent mapping libcurl's
// thirty libraries (40 CLI scans at once on two cores took longer than that, and doubled a meal).
void preparePeerClients();

// One client per call: "192.168.1.21:7443" -> a curl client for http://192.168.1.21:7443/...
std::function<std::unique_ptr<HttpClient>(const std::string& address)> peerClientFactory(PeerClientOptions options = {});

}  // namespace mh

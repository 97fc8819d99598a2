// The peer port (contract 11): what one terminal answers the other terminals of its site. The
// transport (platform/net/peer_server, HTTP on the LAN) only moves bytes: it hands each request's
// path, body and sender address to a PeerHandler and sends back its reply. Authentication (every
// message signed with the site key, timestamp and nonce) and meaning live behind the handler, in
// shared/peers, so the same code answers in-process tests and real peers.
#pragma once
#include <functional>
#include <string>

namespace mh {

struct PeerRequest {
    std::string path;        // "/peer/v1/claim", "/peer/v1/feed", "/peer/v1/join", ...
    std::string body;        // the signed envelope, as sent
    std::string remoteAddr;  // the sender's IP address, as the transport saw it (for logs and join)
};

struct PeerReply {
    int status = 200;  // 200 answered; 400 malformed; 401 bad signature or stale; 404 unknown path
    std::string body;
};

using PeerHandler = std::function<PeerReply(const PeerRequest&)>;

}  // namespace mh

// A loopback port nobody listens on right now, for tests that start `kiosk serve` on a fixed address:
// bound once by the OS through the real peer server, then released.
#pragma once
#include <doctest/doctest.h>

#include "platform/net/peer_server.hpp"

namespace mh::test {

inline int freePort() {
    PeerServerOptions opt;
    opt.host = "127.0.0.1";
    opt.port = 0;
    PeerServer s([](const PeerRequest&) { return PeerReply{}; }, opt);
    REQUIRE(s.start());
    return s.port();
}

}  // namespace mh::test

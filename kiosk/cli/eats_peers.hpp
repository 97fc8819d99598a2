// The peers of contract 12's verbs (meal, delivery, settlement): one sync round now, so what was just
// written reaches the site's other terminals (and theirs arrive here) without waiting for a loop.
#pragma once
#include "cli/cli_common.hpp"
#include "kiosk/app/peer_stack.hpp"

namespace mh::cli {

// Best effort: a peer that is away pulls from this terminal's feed when they meet. Nothing for a
// terminal alone.
inline void syncPeersNow(Site& site, const Context& ctx) {
    if (site.config().peerAddresses.empty()) return;
    try {
        app::PeerStack peers(site, ctx.clock, /*answer=*/false);
        peers.syncNow();
    } catch (const StoreError& e) {
        ctx.say(std::string("无法联系其他签到机（数据库打不开）：") + e.what(), std::string("cannot reach the peers: ") + e.what());
    }
}

}  // namespace mh::cli

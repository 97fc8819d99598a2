// POST /peer/v1/join on the code-holder (see pairing_service.hpp).
#include "shared/peers/pairing_service.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "shared/peers/pairing_bundle.hpp"
#include "shared/peers/pairing_crypto.hpp"
#include "shared/peers/pairing_hello.hpp"
#include "shared/site/peers_toml.hpp"
#include "shared/site/site.hpp"

namespace mh {
namespace {

PeerReply jsonReply(int status, const nlohmann::json& j) { return PeerReply{status, j.dump()}; }

PeerReply refused(int status, const std::string& error) { return jsonReply(status, {{"error", error}}); }

}  // namespace

std::string plainRemoteIp(const std::string& a) {
    const std::string mapped = "::ffff:";
    if (a.rfind(mapped, 0) == 0 && a.find('.') != std::string::npos) return a.substr(mapped.size());
    return a;
}

PairingService::PairingService(std::filesystem::path siteDir, PairingCode& code, const Clock& clock,
                               std::function<void(const std::string&)> onJoined)
    : m_dir(std::move(siteDir)), m_code(code), m_clock(clock), m_onJoined(std::move(onJoined)) {}

PeerReply PairingService::hello(const PeerRequest& req) {
    auto keys = SiteKeys::load(m_dir);
    if (!keys) return refused(500, "site");
    auto port = checkHello(req.body, *keys, m_clock.nowUnix());
    if (!port) return refused(401, "bad_signature");
    std::lock_guard lock(m_mutex);
    // A hello copied off the LAN and sent again from another machine would write that machine down
    // as a peer: each signature is taken once while it is fresh (and only fresh ones pass above).
    const std::int64_t now = m_clock.nowUnix();
    std::erase_if(m_helloSeen, [now](const auto& seen) { return seen.second < now - 2 * kHelloFreshSeconds; });
    auto sig = nlohmann::json::parse(req.body, nullptr, false).value("sig", std::string());
    if (!m_helloSeen.emplace(sig, now).second) return refused(401, "replayed");
    const std::string address = HostPort{plainRemoteIp(req.remoteAddr), *port}.text();
    auto added = addPeerToSiteToml(m_dir, address);
    if (!added) {
        std::cerr << "pairing: hello from " << address << " not written down: " << added.error().en << "\n";
        return refused(500, "site");
    }
    m_lastEvent = "新的签到机已加入：" + address;
    std::cerr << "pairing: terminal at " << address << " introduced itself\n";
    if (m_onJoined) m_onJoined(address);
    return jsonReply(200, {{"ok", true}});
}

std::string PairingService::lastEvent() const {
    std::lock_guard lock(m_mutex);
    return m_lastEvent;
}

void PairingService::dropLatePendingLocked() {
    const std::int64_t now = m_clock.nowUnix();
    std::erase_if(m_pending, [now](const auto& p) { return p.second.deadlineUnix <= now; });
}

bool PairingService::joinPending() const {
    std::lock_guard lock(m_mutex);
    const std::int64_t now = m_clock.nowUnix();
    for (const auto& [pub, p] : m_pending)
        if (p.deadlineUnix > now) return true;
    return false;
}

PeerReply PairingService::handle(const PeerRequest& req) {
    if (req.path == kHelloPath) return hello(req);
    if (req.path == kJoinPath) return join(req);
    if (req.path == kJoinDonePath) return done(req);
    return refused(404, "unknown_path");
}

PeerReply PairingService::join(const PeerRequest& req) {
    std::string pubHex, tag;
    int listenPort = 0;
    try {
        auto j = nlohmann::json::parse(req.body);
        pubHex = j.at("pub").get<std::string>();
        tag = j.at("tag").get<std::string>();
        listenPort = j.at("listen_port").get<int>();
    } catch (const nlohmann::json::exception&) {
        return refused(400, "malformed");
    }
    auto pub = pairing::key32FromHex(pubHex);
    if (!pub || listenPort < 1 || listenPort > 65535) return refused(400, "malformed");

    std::lock_guard lock(m_mutex);
    std::optional<pairing::CodeKeys> keys;
    const std::string message = pairing::requestMessage(pubHex, listenPort);
    HostPort joiner{plainRemoteIp(req.remoteAddr), listenPort};
    CodeCheck check = m_code.attempt(joiner.host, [&](const std::string& code) {
        keys = pairing::deriveCodeKeys(code, *pub);
        return keys && pairing::tagMatches(message, keys->request, tag);
    });
    switch (check) {
        case CodeCheck::Ok: break;
        case CodeCheck::Wrong:
            m_lastEvent = "有人用错误的配对码尝试加入（" + joiner.host + "）";
            std::cerr << "pairing: wrong code from " << joiner.host << "\n";
            return refused(401, "wrong_code");
        case CodeCheck::TooMany:
            std::cerr << "pairing: " << joiner.host << " made too many wrong tries; refused\n";
            return refused(401, "too_many");
        case CodeCheck::Burnt: return refused(401, "burnt");
        case CodeCheck::Expired: return refused(401, "expired");
        case CodeCheck::Used: return refused(401, "used");
        case CodeCheck::NotShown: return refused(401, "no_code");
    }
    nlohmann::json payload;
    try {
        auto site = Site::open(m_dir);
        if (!site) {
            std::cerr << "pairing: cannot open the site: " << site.error().en << "\n";
            return refused(500, "site");
        }
        SiteBundle bundle = makeSiteBundle(**site);
        // A joiner killed after this side wrote it down, joining again, is not its own peer.
        std::erase(bundle.peers, joiner.text());
        payload = bundleToJson(bundle);
    } catch (const std::exception& e) {
        std::cerr << "pairing: cannot read the site: " << e.what() << "\n";
        return refused(500, "site");
    }
    // Written down only when the joiner says it is done (done()): a join killed half-way leaves no
    // address here that nobody answers at.
    dropLatePendingLocked();
    m_pending[pubHex] = Pending{joiner.text(), keys->request, m_clock.nowUnix() + kFinishSeconds};
    std::string sealed = pairing::sealBase64(payload.dump(), *pub);
    std::cerr << "pairing: terminal at " << joiner.text() << " received the site; waiting for it to finish\n";
    return jsonReply(200, {{"sealed", sealed}, {"tag", pairing::tagHex(sealed, keys->reply)}});
}

PeerReply PairingService::done(const PeerRequest& req) {
    std::string pubHex, terminal, tag;
    try {
        auto j = nlohmann::json::parse(req.body);
        pubHex = j.at("pub").get<std::string>();
        terminal = j.at("terminal").get<std::string>();
        tag = j.at("tag").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        return refused(400, "malformed");
    }
    std::lock_guard lock(m_mutex);
    dropLatePendingLocked();
    auto it = m_pending.find(pubHex);
    if (it == m_pending.end() || !pairing::tagMatches(pairing::doneMessage(pubHex, terminal), it->second.requestKey, tag))
        return refused(401, "unknown_join");
    const std::string address = it->second.address;
    auto added = addPeerToSiteToml(m_dir, address);
    nlohmann::json reply = {{"peer_added", bool(added)}};
    if (!added) reply["peer_note"] = added.error().message;
    m_lastEvent = "新的签到机已加入：" + address;
    std::cerr << "pairing: terminal " << terminal << " at " << address << " joined"
              << (added ? "" : " (site.toml not updated: " + added.error().en + ")") << "\n";
    if (added && m_onJoined) m_onJoined(address);
    // Pending until the new peer is noted (onJoined): a listener kept open for the join never closes
    // between the two (SiteServices::updateListener asks joinPending() first, then for peers).
    m_pending.erase(pubHex);
    return jsonReply(200, reply);
}

}  // namespace mh

#include "shared/peers/peer_service.hpp"

#include <nlohmann/json.hpp>

#include "shared/store/feed_store.hpp"

namespace mh {
namespace {

using nlohmann::json;

PeerReply refusal(int status, const std::string& why) { return PeerReply{status, json{{"error", why}}.dump()}; }

std::string refusalWord(const std::string& code) {
    if (code == "peer.clock") return "clock";
    if (code == "peer.replay") return "replay";
    if (code == "peer.site") return "site";
    if (code == "peer.malformed") return "malformed";
    if (code == "peer.self") return "self";
    return "signature";
}

constexpr int kMaxFeedPage = 2000;

}  // namespace

PeerService::PeerService(const std::filesystem::path& dbFile, PeerAuth& auth, ClaimBook& book)
    : m_db(Database::open(dbFile)), m_auth(auth), m_book(book) {}

int PeerService::clockRefusals() const {
    std::lock_guard lock(m_statsMutex);
    return m_clockRefusals;
}

PeerReply PeerService::handle(const PeerRequest& request) {
    const std::string& path = request.path;
    if (path != kPeerClaimPath && path != kPeerFeedPath && path != kPeerPushPath) return refusal(404, "path");
    auto opened = m_auth.open(path, request.body);
    if (!opened) {
        if (opened.error().code == "peer.clock") {
            std::lock_guard lock(m_statsMutex);
            ++m_clockRefusals;
        }
        return refusal(401, refusalWord(opened.error().code));
    }
    try {
        if (path == kPeerClaimPath) return claim(*opened, opened->nonce);
        if (path == kPeerFeedPath) return feed(*opened, opened->nonce);
        return push(*opened, opened->nonce);
    } catch (const json::exception&) {
        return refusal(400, "body");
    } catch (const std::invalid_argument&) {
        return refusal(400, "body");
    } catch (const StoreError&) {
        return refusal(503, "database");
    } catch (const std::exception&) {
        return refusal(500, "internal");
    }
}

PeerReply PeerService::claim(const OpenedMessage& m, const std::string& nonce) {
    json b = json::parse(m.body);
    ClaimKey key{b.at("elder").get<std::string>(), b.at("service").get<std::string>(), b.at("day").get<std::string>()};
    // One transaction of the terminal's claim book: its records, the own claims of every process of
    // this terminal, and the grant (see claim_book.hpp).
    ClaimAnswer answer = m_book.grant(key, m.from);
    json reply{{"answer", claimAnswerName(answer)}, {"terminal", m_auth.terminalId()}};
    return PeerReply{200, m_auth.sealReply(kPeerClaimPath, nonce, reply.dump())};
}

PeerReply PeerService::feed(const OpenedMessage& m, const std::string& nonce) {
    json b = json::parse(m.body);
    std::int64_t after = b.at("after").get<std::int64_t>();
    int limit = std::clamp(b.value("limit", 500), 1, kMaxFeedPage);
    FeedPage page;
    {
        std::lock_guard lock(m_dbMutex);
        page = FeedStore(m_db).readAfter(after, limit);
    }
    json reply{{"terminal", m_auth.terminalId()}, {"newest", page.newest}, {"last", page.last},
               {"entries", std::move(page.entries)}};
    return PeerReply{200, m_auth.sealReply(kPeerFeedPath, nonce, reply.dump())};
}

PeerReply PeerService::push(const OpenedMessage& m, const std::string& nonce) {
    json b = json::parse(m.body);
    FeedImport got;
    {
        std::lock_guard lock(m_dbMutex);
        FeedStore feed(m_db);
        // One push, one allowance of stubs; its entries are checked against this terminal's clock.
        ImportGuard guard = feed.guard(m_auth.nowUnix());
        got = feed.importLoose(b.at("entries"), guard);
    }
    for (const auto& a : got.arrived) m_book.recordArrived(ClaimKey{a.elderId, a.service, a.day});
    json reply{{"terminal", m_auth.terminalId()}, {"added", got.added}, {"skipped", got.skipped},
               {"refused", got.refused}, {"held", got.held}};
    return PeerReply{200, m_auth.sealReply(kPeerPushPath, nonce, reply.dump())};
}

}  // namespace mh

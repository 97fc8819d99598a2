// What this terminal answers the other terminals of its site (contract 11), behind the PeerHandler
// port (shared/ports/peer_handler.hpp). The transport (platform/net) only moves bytes; every request
// is checked here by PeerAuth (401 and nothing changed when forged, stale, replayed or from another
// site), then answered with a signed reply:
//   /peer/v1/claim  {"elder","service","day"}    -> {"answer": "granted"|"held"|"has", "terminal"}
//   /peer/v1/feed   {"after": N, "limit": K}     -> {"terminal", "newest", "last", "entries": [...]}
//   /peer/v1/push   {"entries": [...]}           -> {"terminal", "added", "skipped", "refused", "held"}
// Bodies and replies travel sealed (PeerAuth: encrypted and signed); the entries are believed only as
// far as FeedStore's checks go (feed_store.hpp: own id refused, future held aside, money bounded).
// Status: 200 answered; 400 malformed body; 401 refused (body {"error": "signature"|"clock"|"replay"|
// "site"|"malformed"|"self"}, unsigned; "self": the sender has this terminal's own id); 404 unknown path; 503 the database failed.
#pragma once
#include <filesystem>
#include <mutex>

#include "shared/peers/claim_book.hpp"
#include "shared/peers/peer_auth.hpp"
#include "shared/ports/peer_handler.hpp"
#include "shared/store/database.hpp"

namespace mh {

inline constexpr const char* kPeerClaimPath = "/peer/v1/claim";
inline constexpr const char* kPeerFeedPath = "/peer/v1/feed";
inline constexpr const char* kPeerPushPath = "/peer/v1/push";

class PeerService {
public:
    // Opens its own connection to the site database `dbFile` (the transport calls handle() on its
    // own threads; the engine keeps Site::db()). `auth` and `book` are shared with this terminal's
    // PeerSync and must outlive the service; the claims `book` answers from are those of every
    // process of the terminal (its database). Throws StoreError when the database cannot be opened.
    PeerService(const std::filesystem::path& dbFile, PeerAuth& auth, ClaimBook& book);

    // Thread-safe; never throws.
    PeerReply handle(const PeerRequest& request);
    // handle() as the port's function type, for the transport.
    [[nodiscard]] PeerHandler handler() {
        return [this](const PeerRequest& r) { return handle(r); };
    }

    // Requests refused because the sender's clock was more than 15 minutes off (for status).
    [[nodiscard]] int clockRefusals() const;

private:
    PeerReply claim(const OpenedMessage& m, const std::string& nonce);
    PeerReply feed(const OpenedMessage& m, const std::string& nonce);
    PeerReply push(const OpenedMessage& m, const std::string& nonce);
    Database m_db;
    std::mutex m_dbMutex;  // one connection, several transport threads
    PeerAuth& m_auth;
    ClaimBook& m_book;
    mutable std::mutex m_statsMutex;
    int m_clockRefusals = 0;
};

}  // namespace mh

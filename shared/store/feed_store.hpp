// The replication feed of one terminal (contract 11): every replicable row this database holds —
// check-ins (with what each rule paid), voids, donations and audit entries, its own and its peers' —
// in a local, increasing sequence (`feed.seq`, kept by triggers in the row's own transaction). A peer
// pulls "everything after N" and imports it as an append-only union keyed by origin (terminal, id):
// nothing is overwritten, any order of syncing converges, and three terminals converge through each
// other. Entries are JSON objects, the wire form of /peer/v1/feed and /peer/v1/push:
//   {"seq": 12, "kind": "checkin", "terminal": "k3f9x2ab", "record": 7, ...the row's fields}
// A void also names the voided record's origin ("record_terminal", "record_origin").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/store/database.hpp"

namespace mh {

struct FeedPage {
    std::int64_t newest = 0;  // the highest seq of this feed now
    std::int64_t last = 0;    // the seq of the last entry returned (`after` when none)
    nlohmann::json entries = nlohmann::json::array();
};

struct ArrivedCheckin {
    std::string elderId, service, day;
};

struct FeedImport {
    int added = 0;        // rows new here
    int already = 0;      // rows this database had (same origin key)
    int stubElders = 0;   // elders not in the local roster, kept as inactive stubs (see importFeed)
    int skipped = 0;      // importLoose only: entries that do not fit yet (the pull brings them in order)
    std::vector<ArrivedCheckin> arrived;  // the new check-in records' keys
};

class FeedStore {
public:
    explicit FeedStore(Database& db) : m_db(db) {}

    // Entries with seq > after, at most `limit`, in seq order.
    [[nodiscard]] FeedPage readAfter(std::int64_t after, int limit);
    // The feed entry of one check-in record (this database's record id); null when there is none.
    [[nodiscard]] nlohmann::json checkinEntry(std::int64_t recordId);
    [[nodiscard]] std::int64_t newestSeq();

    // Imports a page of a peer's feed in one transaction, INSERT-OR-IGNORE by origin key, and moves
    // this terminal's cursor for that peer to `peerLast` in the same transaction (none: no cursor,
    // e.g. tests), so a crash mid-import loses nothing and the next pull starts where the last
    // commit ended. A check-in of an elder missing from the local roster keeps a stub elder
    // (inactive, the name the peer sent): the record is never dropped, the elder cannot scan here
    // until the roster brings them, and the next roster import fills the stub in. Idempotent.
    // Throws StoreError (or nlohmann::json::exception for a malformed entry): nothing changed then.
    FeedImport importFeed(const nlohmann::json& entries, const std::string& peerTerminal = "",
                          std::optional<std::int64_t> peerLast = std::nullopt);
    // The same entry by entry, for a push: an entry that does not fit yet (a record whose earlier void
    // this terminal has not seen) is skipped and counted; the pull brings it later, in order.
    FeedImport importLoose(const nlohmann::json& entries);

    // How far the feed of `peerTerminal` is imported here (0: nothing yet).
    [[nodiscard]] std::int64_t cursor(const std::string& peerTerminal);
    // When the peer at `address` last answered (unix seconds, 0: never) and the terminal id it gave.
    struct Contact {
        std::string terminal;
        std::int64_t at = 0;
    };
    [[nodiscard]] Contact lastContact(const std::string& address);
    void rememberContact(const std::string& address, const std::string& terminal, std::int64_t at);

private:
    void importEntry(const nlohmann::json& e, FeedImport& counts);
    Database& m_db;
};

}  // namespace mh

// The replication feed of one terminal (contract 11): every replicable row this database holds —
// check-ins (with what each rule paid), voids, donations and audit entries, its own and its peers' —
// in a local, increasing sequence (`feed.seq`, kept by triggers in the row's own transaction). A peer
// pulls "everything after N" and imports it as an append-only union keyed by origin (terminal, id):
// nothing is overwritten, any order of syncing converges, and three terminals converge through each
// other. Entries are JSON objects, the wire form of /peer/v1/feed and /peer/v1/push:
//   {"seq": 12, "kind": "checkin", "terminal": "k3f9x2ab", "record": 7, ...the row's fields}
// A void also names the voided record's origin ("record_terminal", "record_origin").
//
// A peer is believed only about its own records (contract 11, hardened 2026-12-06; a stolen terminal
// has the site keys, so a signed message proves nothing about its contents):
//  - an entry that claims this terminal's own id as its origin is refused (ours come back from a
//    relay as "already"; one this database does not have was invented);
//  - an entry written (entered_at, else at; a donation's recorded_at) more than kHeldAfterSeconds
//    after this terminal's clock is held aside (held_entries, reason 'future'): never imported, so it
//    is in no tally, posting or clock check. Staff see how many (`status` held_entries, the settings
//    tab). Once this clock reaches it (a peer whose clock runs a little fast) a later import brings it
//    in as usual, checked again;
//  - a void names a record of the site by its origin: a void of a record not here yet is held
//    ('void_waiting') and applied when that record arrives, and never to anything else, so a void of a
//    record with an invented terminal id never voids anything;
//  - elders unknown to the roster arrive as flagged stubs (inactive, updated_at kPeerStubMark), at
//    most the roster's size plus kStubSlack per pull or push (ImportGuard); a pull stops its page
//    there and goes on with a fresh allowance next time, a push refuses the rest;
//  - money is bounded (shared/core/money.hpp): a donation 1..kMaxDonationFen, a price 0..kMaxPriceFen
//    with shares 0..price summing to the price; anything else is refused.
// Refused entries are counted (FeedImport::refused) and never imported; a pull moves past them.
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

inline constexpr std::int64_t kHeldAfterSeconds = 10 * 60;
inline constexpr int kStubSlack = 100;
// The held-aside table never grows past this: a peer can fill it, never the disk.
inline constexpr int kMaxHeldEntries = 10'000;

// What one pull (all its pages) or one push may bring in.
struct ImportGuard {
    std::int64_t nowUnix = 0;  // this terminal's clock
    int stubsLeft = 0;         // elders unknown to the roster still allowed as stubs
};

struct FeedImport {
    int added = 0;        // rows new here
    int already = 0;      // rows this database had (same origin key)
    int stubElders = 0;   // elders not in the local roster, kept as inactive stubs (see importFeed)
    int skipped = 0;      // importLoose only: entries that do not fit yet (the pull brings them in order)
    int refused = 0;      // lies: this terminal's own id, money out of bounds, a bad time, no stub left (push)
    int held = 0;         // held aside now (written in the future, or a void waiting for its record)
    int released = 0;     // held entries imported now (their time came, or their record arrived)
    bool stubsSpent = false;  // importFeed: stopped at an entry needing a stub past the allowance
    std::optional<std::int64_t> lastSeq;  // importFeed: the seq of the last entry handled
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
    // Entries are checked as the header says; `guard` is shared by every page of one pull. When an
    // entry needs a stub past the allowance the page stops before it (stubsSpent), the cursor moves
    // to the last entry handled, and the next pull goes on from there.
    FeedImport importFeed(const nlohmann::json& entries, ImportGuard& guard, const std::string& peerTerminal = "",
                          std::optional<std::int64_t> peerLast = std::nullopt);
    // The same entry by entry, for a push: an entry that does not fit yet (a record whose earlier void
    // this terminal has not seen) is skipped and counted; the pull brings it later, in order.
    FeedImport importLoose(const nlohmann::json& entries, ImportGuard& guard);

    // A fresh allowance for one pull or push at `nowUnix`: stubs up to the roster's size + kStubSlack.
    [[nodiscard]] ImportGuard guard(std::int64_t nowUnix);
    // Entries held aside because they were written in the future (for staff), and voids waiting.
    [[nodiscard]] int heldFuture();
    [[nodiscard]] int heldVoids();

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
    enum class Step { Done, StubsSpent };
    Step importEntry(const nlohmann::json& e, FeedImport& counts, ImportGuard& guard);
    void hold(const nlohmann::json& e, const char* reason, std::int64_t writtenUnix, ImportGuard& guard,
              FeedImport& counts);
    void releaseDue(ImportGuard& guard, FeedImport& counts);
    void releaseVoidsOf(const std::string& terminal, std::int64_t record, ImportGuard& guard, FeedImport& counts);
    [[nodiscard]] const std::string& ownId();
    std::string m_ownId;
    Database& m_db;
};

}  // namespace mh

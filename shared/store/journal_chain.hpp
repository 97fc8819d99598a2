// The journal (contract 13): a hash chain over every row of the covered tables (journal_coverage.hpp)
// that this terminal writes, appended by SQLite triggers in the same transaction as the row, so no
// write path of the kiosk (CLI, screens, peer import, a later verb) can forget it and a crash can
// never leave a row without its entry or an entry without its row.
//
// Design, and why:
//  (1) entry n of a terminal's chain stores hash_n = SHA-256(hash_{n-1} hex + "\n" + canonical bytes of
//      the row), hash_0 = 64 zeros (kJournalGenesis). SHA-256 so county IT can recompute it with any
//      tool (Python's hashlib). The canonical bytes are SQLite's json_object of the row's columns
//      (journalCanonicalSql), made by the same expression in the trigger and in verifyJournal.
//  (2) the triggers call journal_hash(), an application function registered on the kiosk's own
//      connections only: the sqlite3 tool cannot insert into a covered table while the triggers
//      stand, and a row it inserts after dropping them has no entry, which verifyJournal names.
//  (3) triggers are (re)made from the coverage list each time a database is opened (installJournal),
//      not written into a migration: a table joins the journal with one line in journalCoverage(),
//      and a trigger dropped by hand is back at the next open. A table's first coverage writes a
//      marker entry ('journal', table) and then every row already there, in key order (genesis);
//      a table with a marker never gets a genesis again, so a row slipped in later stays uncovered.
//  (4) an unkeyed chain can be rewritten whole by someone with the SD card and a script: what stops
//      that is the head the county already holds, signed, in every tally (shared/tally/journal_seal).
//  (5) a row a peer sent keeps its origin's chain position: the feed carries each row's entry (seq,
//      prev, hash) when it is in its origin's chain, the import puts it in journal_incoming just
//      before the row's insert, and the trigger files it under the origin's terminal when it hashes
//      to it (else the row joins this terminal's chain, as rows from older peers do). Peers' chains
//      have gaps here (not every entry travels: refused scans, clock confirmations, markers): each
//      such entry is checked on its own, and against the entry before it where that one is here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/store/database.hpp"

struct sqlite3;

namespace mh {

inline constexpr std::string_view kJournalGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 of `prevHex` + "\n" + `bytes`, lower-case hex: the link of (1).
std::string journalHash(std::string_view prevHex, std::string_view bytes);
// Registers journal_hash(prev, bytes) on a connection (Database::openFlags, before migrating).
void registerJournalFunction(sqlite3* db);
// Makes the covered tables' triggers where missing or different, and the genesis of newly covered
// tables, in one write transaction (nothing to do: no write at all). Database::openFlags calls it
// after migrating. Throws StoreError.
void installJournal(Database& db);

// This terminal's chain: its id, length and head (kJournalGenesis when empty).
struct JournalHead {
    std::string terminal;
    std::int64_t seq = 0;
    std::string head;
};
JournalHead journalHead(Database& db);

// A row's entry as a peer needs it (5): its origin's chain position, or nothing when the row is not
// in its origin's chain here (genesis, or it came from an older peer). `key` as journalKeySql makes it.
struct JournalEntry {
    std::string terminal;
    std::int64_t seq = 0;
    std::string prev, hash;
};
std::optional<JournalEntry> journalEntryOf(Database& db, std::string_view table, const std::string& key,
                                           const std::string& originTerminal);
// Hands the entry that came with a replicated row to the row's insert, which must follow in the same
// transaction (the trigger takes it, (5)).
void expectJournalEntry(Database& db, std::string_view table, const JournalEntry& e);

// The first thing in the database that does not match the chain.
struct JournalProblem {
    std::string kind;      // changed | removed | inserted | missing_entry | entry_changed
    std::string terminal;  // the chain, where an entry is concerned
    std::int64_t seq = 0;  // its entry, 0 for an inserted row
    std::string table;     // the covered table, or "journal" for a table's marker
    std::string rowKey;    // the row's local key ("12", "12/0")
    std::string message;   // Chinese, for staff
    std::string en;
};
struct JournalCheck {
    JournalHead head;          // this terminal's chain as walked (the same snapshot)
    std::int64_t entries = 0;  // entries walked, all chains
    std::optional<JournalProblem> problem;
};
// Walks every chain in the database (this terminal's, and those of the ids it had before a restore)
// and every row of every covered table. Reads only. Throws StoreError when the database cannot be read.
JournalCheck verifyJournal(Database& db);

}  // namespace mh

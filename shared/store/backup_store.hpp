// The SQL side of backup and restore (contract 3): checking a copied database file, counting its
// records, and holding a site's database exclusively while a restore swaps the file.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "shared/store/database.hpp"

struct sqlite3;

namespace mh {

// PRAGMA integrity_check on an open database: "ok", or SQLite's first complaint.
std::string integrityCheck(Database& db);
// Check-in records (voided ones included: a void is a row of its own), for the manifest and tests.
std::int64_t checkinRecordCount(Database& db);

// An exclusive lock on a site database: taken only when no other connection has it open, so a
// running kiosk (`run`/`serve` keep their connection for good) makes take() fail. One-shot verbs
// hold it for a moment; take() waits up to `waitMs` for them. The WAL is checkpointed into the
// file first, so a hard link or copy of the file alone holds every record.
class ExclusiveDbLock {
public:
    // Null when another process has the database open (or it cannot be opened).
    static std::unique_ptr<ExclusiveDbLock> take(const std::filesystem::path& file, int waitMs);
    ~ExclusiveDbLock();
    ExclusiveDbLock(const ExclusiveDbLock&) = delete;
    ExclusiveDbLock& operator=(const ExclusiveDbLock&) = delete;

private:
    explicit ExclusiveDbLock(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

}  // namespace mh

#include "shared/store/backup_store.hpp"

#include <sqlite3.h>

namespace mh {

std::string integrityCheck(Database& db) {
    auto st = db.prepare("PRAGMA integrity_check(1)");
    return st.step() ? st.text(0) : std::string("ok");
}

std::int64_t checkinRecordCount(Database& db) {
    auto st = db.prepare("SELECT COUNT(*) FROM checkins");
    st.step();
    return st.i64(0);
}

std::unique_ptr<ExclusiveDbLock> ExclusiveDbLock::take(const std::filesystem::path& file, int waitMs) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, waitMs);
    // Exclusive mode before the first access: SQLite then locks the file itself instead of sharing
    // the WAL index, which it can only do when no other connection has the database open.
    // The checkpoint moves the WAL's pages into the file, and leaving WAL mode means closing this
    // connection later touches no -wal file (by then the name may belong to the restored database).
    // The lock is then kept until we close.
    int rc = sqlite3_exec(db,
                          "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT; "
                          "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE;",
                          nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        return nullptr;
    }
    return std::unique_ptr<ExclusiveDbLock>(new ExclusiveDbLock(db));
}

ExclusiveDbLock::~ExclusiveDbLock() {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close_v2(m_db);
}

}  // namespace mh

#include "shared/store/database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "shared/store/journal_chain.hpp"
#include "shared/store/schema.hpp"

namespace mh {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
    std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    throw StoreError(msg, db ? sqlite3_extended_errcode(db) : rc);
}

}  // namespace

bool StoreError::diskFull() const { return (m_code & 0xff) == SQLITE_FULL || (m_code & 0xff) == SQLITE_IOERR; }
bool StoreError::constraint() const { return (m_code & 0xff) == SQLITE_CONSTRAINT; }
bool StoreError::busy() const { return (m_code & 0xff) == SQLITE_BUSY || (m_code & 0xff) == SQLITE_LOCKED; }

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    int rc = sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare");
}

Statement::~Statement() {
    if (m_owned) {
        sqlite3_finalize(m_stmt);
    } else if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement& Statement::bind(int i, std::int64_t v) {
    if (int rc = sqlite3_bind_int64(m_stmt, i, v); rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
    if (int rc = sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int i) {
    if (int rc = sqlite3_bind_null(m_stmt, i); rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    int ext = sqlite3_extended_errcode(m_db);
    std::string msg = std::string("step: ") + sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    throw StoreError(msg, ext);
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::i64(int col) const { return sqlite3_column_int64(m_stmt, col); }

std::string Statement::text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, col))) : std::string();
}

std::optional<std::string> Statement::optText(int col) const {
    if (isNull(col)) return std::nullopt;
    return text(col);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

Database Database::open(const std::filesystem::path& file) { return openFlags(file, SQLITE_OPEN_READWRITE); }

Database Database::create(const std::filesystem::path& file) {
    // O_EXCL: two `init`s racing on one directory cannot both think they made the database.
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw StoreError("create " + file.string() + ": " + std::strerror(errno), SQLITE_CANTOPEN);
    ::fchmod(fd, 0600);  // the umask may only have narrowed it; this states it
    ::close(fd);
    return openFlags(file, SQLITE_OPEN_READWRITE);
}

std::string Database::quickCheck() {
    auto st = prepare("PRAGMA quick_check(1)");
    return st.step() ? st.text(0) : std::string("ok");
}

void Database::backupTo(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw StoreError("create " + file.string() + ": " + std::strerror(errno), SQLITE_CANTOPEN);
    ::close(fd);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", m_db, "main");
        if (!b) {
            rc = sqlite3_errcode(dest);
        } else {
            // All pages in one step; BUSY/LOCKED (a writer in the way) waits a moment and tries again.
            for (int tries = 0; tries < 200; ++tries) {
                rc = sqlite3_backup_step(b, -1);
                if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
                sqlite3_sleep(25);
            }
            int fin = sqlite3_backup_finish(b);
            if (rc == SQLITE_DONE) rc = fin;
        }
    }
    std::string msg = dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc);
    sqlite3_close_v2(dest);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) throw StoreError("backup to " + file.string() + ": " + msg, rc);
}

namespace {

// fen_sum(x): SUM of integer money that saturates at the int64 bounds instead of failing with
// "integer overflow" (SQLite's SUM) — one bad row must not make every later sum throw. NULLs are
// skipped; no rows give 0.
struct FenSum {
    std::int64_t total;
    bool started;
};

void fenSumStep(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto* acc = static_cast<FenSum*>(sqlite3_aggregate_context(ctx, sizeof(FenSum)));
    if (!acc || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    std::int64_t v = sqlite3_value_int64(argv[0]);
    std::int64_t out = 0;
    if (__builtin_add_overflow(acc->total, v, &out)) out = v > 0 ? INT64_MAX : INT64_MIN;
    acc->total = out;
    acc->started = true;
}

void fenSumFinal(sqlite3_context* ctx) {
    auto* acc = static_cast<FenSum*>(sqlite3_aggregate_context(ctx, 0));
    sqlite3_result_int64(ctx, acc ? acc->total : 0);
}

}  // namespace

Database Database::openFlags(const std::filesystem::path& file, int flags) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = std::string("open ") + file.string() + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        throw StoreError(msg, rc);
    }
    Database d(db);
    sqlite3_extended_result_codes(db, 1);
    // Another kiosk process may hold the write lock for a moment (a CLI scan while the GUI runs, or
    // twenty processes opening a fresh site at once). Set before the first statement.
    sqlite3_busy_timeout(db, 5000);
    sqlite3_create_function(db, "fen_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr, fenSumStep, fenSumFinal);
    registerJournalFunction(db);  // the journal's triggers call it (journal_chain.hpp (2))
    // WAL + FULL: a commit is on disk (fsync of the WAL) before `scan` reports `accepted`.
    // Switching to WAL needs an exclusive lock; on a fresh file another process may be doing the
    // same, and SQLite then answers BUSY without calling the busy handler: wait and try again.
    for (int attempt = 0;; ++attempt) {
        try {
            d.exec("PRAGMA journal_mode=WAL");
            break;
        } catch (const StoreError& e) {
            if (!e.busy() || attempt >= 300) throw;
            ::usleep(50'000);
        }
    }
    d.exec("PRAGMA synchronous=FULL");
    d.migrate();
    installJournal(d);  // from the coverage list, so every write path is journalled (journal_chain.hpp (3))
    d.exec("PRAGMA foreign_keys=ON");
    return d;
}

Database::~Database() {
    dropCache();
    sqlite3_close_v2(m_db);
}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        dropCache();
        sqlite3_close_v2(m_db);
        m_db = o.m_db;
        m_cache = std::move(o.m_cache);
        o.m_db = nullptr;
    }
    return *this;
}

void Database::dropCache() {
    for (auto& [sql, stmt] : m_cache) sqlite3_finalize(stmt);
    m_cache.clear();
}

Statement Database::cached(const std::string& sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) fail(m_db, rc, "prepare");
        it = m_cache.emplace(sql, stmt).first;
    }
    return Statement(m_db, it->second);
}

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw StoreError("exec: " + msg, sqlite3_extended_errcode(m_db));
    }
}

std::int64_t Database::integerOf(std::string_view sql) {
    Statement st = prepare(sql);
    st.step();
    return st.i64(0);
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

void Database::retryLockEveryMs(int timeoutMs) {
    // The limit rides in the handler's pointer argument: nothing to keep alive beside the connection.
    auto handler = [](void* limit, int tries) -> int {
        if (tries >= int(reinterpret_cast<std::intptr_t>(limit))) return 0;
        ::usleep(1000);
        return 1;
    };
    sqlite3_busy_handler(m_db, handler, reinterpret_cast<void*>(std::intptr_t(std::max(1, timeoutMs))));
}

int Database::schemaVersion() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    return int(st.i64(0));
}

void Database::migrate() {
    // Foreign keys are off while migrating (they cannot be switched inside a transaction): a
    // migration that recreates a table drops the old one under its children. Each migration is
    // checked with foreign_key_check before it commits instead.
    exec("PRAGMA foreign_keys=OFF");
    const auto& steps = schemaMigrations();
    int have = schemaVersion();
    if (have > int(steps.size()))
        throw StoreError("the database was written by a newer kiosk (schema " + std::to_string(have) + ")", SQLITE_MISMATCH);
    for (int v = have; v < int(steps.size()); ++v) {
        Transaction tx(*this);
        // Another process may have migrated between our read and the write lock: read again inside it.
        v = schemaVersion();
        if (v >= int(steps.size())) break;
        exec(steps[size_t(v)]);
        if (prepare("PRAGMA foreign_key_check").step())
            throw StoreError("schema migration " + std::to_string(v + 1) + " would break a reference", SQLITE_CONSTRAINT);
        exec("PRAGMA user_version=" + std::to_string(v + 1));
        tx.commit();
    }
}

Transaction::Transaction(Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // Nothing more to do: SQLite already rolled back when the failure was an I/O error.
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

}  // namespace mh

// A thin RAII layer over SQLite for the site database: one connection, prepared statements,
// transactions, and schema migrations. Durability settings live here and nowhere else.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/core/money.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace mh {

// Thrown by the store for I/O and constraint failures; the engine turns it into a plain sentence.
// `diskFull` lets the kiosk say "the disk is full" rather than a code.
class StoreError : public std::runtime_error {
public:
    StoreError(const std::string& what, int code) : std::runtime_error(what), m_code(code) {}
    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] bool diskFull() const;
    [[nodiscard]] bool constraint() const;
    [[nodiscard]] bool busy() const;

private:
    int m_code;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    // Borrows a statement from the database's cache: reset, not finalized, when this dies.
    Statement(sqlite3* db, sqlite3_stmt* borrowed) : m_db(db), m_stmt(borrowed), m_owned(false) {}
    ~Statement();
    Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_owned(o.m_owned) { o.m_stmt = nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, std::int64_t(v)); }
    Statement& bind(int i, bool v) { return bind(i, std::int64_t(v ? 1 : 0)); }
    // Money is stored as its integer fen (the database's bytes are those of an int64 column).
    Statement& bind(int i, Fen v) { return bind(i, v.value()); }
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bindNull(int i);
    Statement& bind(int i, const std::optional<std::string>& v) { return v ? bind(i, *v) : bindNull(i); }

    // True while a row is available; false when done. Throws StoreError on failure.
    bool step();
    void run() { while (step()) {} }
    void reset();

    [[nodiscard]] std::int64_t i64(int col) const;
    [[nodiscard]] Fen fen(int col) const { return Fen(i64(col)); }
    [[nodiscard]] std::string text(int col) const;
    [[nodiscard]] std::optional<std::string> optText(int col) const;
    [[nodiscard]] bool isNull(int col) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_owned = true;
};

class Database {
public:
    // Opens an existing database file, sets WAL + synchronous=FULL + foreign keys, and migrates the
    // schema to the newest version. Never creates a file: a missing database is a lost one
    // (contract 2), not a new one. Throws StoreError.
    static Database open(const std::filesystem::path& file);
    // Makes a new database file (0600, so its -wal/-shm are 0600 too: SQLite copies the mode) and
    // opens it as above. Throws StoreError when the file already exists.
    static Database create(const std::filesystem::path& file);
    // PRAGMA quick_check: "ok", or SQLite's first complaint.
    [[nodiscard]] std::string quickCheck();
    // A consistent copy of this database into a new file (0600), through SQLite's online backup API:
    // other processes may go on writing meanwhile. Throws StoreError (also when `file` exists).
    void backupTo(const std::filesystem::path& file);
    ~Database();
    Database(Database&& o) noexcept : m_db(o.m_db), m_cache(std::move(o.m_cache)) { o.m_db = nullptr; }
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
    // The same, compiled once per connection and kept: for the statements of every scan.
    Statement cached(const std::string& sql);
    // The first column of the one row a query such as "SELECT COUNT(*) ..." returns, as an integer.
    [[nodiscard]] std::int64_t integerOf(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] int schemaVersion();
    // Waits for another connection's write lock by trying again every millisecond (for up to
    // `timeoutMs`) instead of SQLite's back-off, whose sleeps grow to 100 ms: for a connection whose
    // short transactions answer a peer within the 300 ms claim wait (the claim book).
    void retryLockEveryMs(int timeoutMs);
    [[nodiscard]] sqlite3* handle() { return m_db; }

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    static Database openFlags(const std::filesystem::path& file, int flags);
    void migrate();
    void dropCache();
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed: the single-writer lock is taken at the
// start, so two kiosk processes never interleave a read-check-write.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace mh

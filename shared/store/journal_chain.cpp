// The journal's chain: the SQL function, the triggers, genesis and the walk (see journal_chain.hpp).
#include "shared/store/journal_chain.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "shared/store/journal_coverage.hpp"

namespace mh {
namespace {

// [SECTION] The SQL function
void journalHashFn(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto text = [](sqlite3_value* v) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
        return p ? std::string_view(p, size_t(sqlite3_value_bytes(v))) : std::string_view();
    };
    const std::string prev(text(argv[0]));  // copied: the second call may convert the first value
    const std::string h = journalHash(prev, text(argv[1]));
    sqlite3_result_text(ctx, h.data(), int(h.size()), SQLITE_TRANSIENT);
}

// [SECTION] Triggers and genesis
std::string triggerName(const JournalTable& t) { return "journal_" + std::string(t.table); }

// The trigger of (2): after each insert, the row's entry. A row a peer sent with its origin's entry
// (journal_incoming, (5)) keeps that entry when it hashes to it; every other row goes at the end of
// this terminal's chain.
std::string triggerSql(const JournalTable& t) {
    const std::string zeros(kJournalGenesis), table(t.table), key = journalKeySql(t, "NEW");
    const std::string canon = journalCanonicalSql(t, "NEW");
    return "CREATE TRIGGER " + triggerName(t) + " AFTER INSERT ON " + table +
           "\nBEGIN\n  INSERT OR IGNORE INTO journal(terminal, seq, tbl, row_key, prev, hash)\n"
           "  SELECT i.terminal, i.seq, '" + table + "', " + key + ", i.prev, i.hash FROM journal_incoming i\n"
           "  WHERE i.tbl = '" + table + "' AND i.terminal <> (SELECT terminal_id FROM terminal WHERE id = 1)\n"
           "    AND i.hash = journal_hash(i.prev, " + canon + ");\n"
           "  INSERT INTO journal(terminal, seq, tbl, row_key, prev, hash)\n"
           "  SELECT t.terminal_id, COALESCE(j.seq, 0) + 1, '" + table + "', " + key +
           ", COALESCE(j.hash, '" + zeros + "'),\n         journal_hash(COALESCE(j.hash, '" + zeros + "'), " + canon +
           ")\n  FROM terminal t LEFT JOIN journal j\n"
           "    ON j.terminal = t.terminal_id AND j.seq = (SELECT MAX(seq) FROM journal WHERE terminal = t.terminal_id)\n"
           "  WHERE t.id = 1 AND NOT EXISTS (SELECT 1 FROM journal WHERE tbl = '" + table + "' AND row_key = " + key + ");\n"
           "  DELETE FROM journal_incoming WHERE tbl = '" + table + "';\nEND";
}

// A table's coverage marker (3): its canonical bytes.
std::string markerBytes(std::string_view table) { return R"({"t":"journal","covers":")" + std::string(table) + "\"}"; }

std::string keyOrder(const JournalTable& t) {
    std::string out;
    std::string cur;
    for (char ch : t.key) {
        if (ch == ' ') continue;
        if (ch == ',') {
            out += (out.empty() ? "r." : ", r.") + cur;
            cur.clear();
        } else {
            cur += ch;
        }
    }
    return out + (out.empty() ? "r." : ", r.") + cur;
}

// Appends entries to this terminal's chain from C++ (genesis), keeping the head in hand.
class Appender {
public:
    explicit Appender(Database& db) : m_db(db), m_head(journalHead(db)) {}
    void append(std::string_view table, const std::string& key, const std::string& bytes) {
        const std::string h = journalHash(m_head.head, bytes);
        m_db.prepare("INSERT INTO journal(terminal, seq, tbl, row_key, prev, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, m_head.terminal)
            .bind(2, m_head.seq + 1)
            .bind(3, table)
            .bind(4, key)
            .bind(5, m_head.head)
            .bind(6, h)
            .run();
        ++m_head.seq;
        m_head.head = h;
    }

private:
    Database& m_db;
    JournalHead m_head;
};

bool covered(Database& db, std::string_view table) {
    auto st = db.prepare("SELECT 1 FROM journal WHERE tbl = 'journal' AND row_key = ?1");
    st.bind(1, table);
    return st.step();
}

bool triggerCurrent(Database& db, const JournalTable& t) {
    auto st = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1");
    st.bind(1, triggerName(t));
    return st.step() && st.text(0) == triggerSql(t);
}

bool tableExists(Database& db, std::string_view table) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    st.bind(1, table);
    return st.step();
}

// [SECTION] The walk
std::string label(std::string_view table) {
    for (const JournalTable& t : journalCoverage())
        if (t.table == table) return std::string(t.label);
    return table == "journal" ? "账本的表标记" : std::string(table);
}

JournalProblem problem(std::string kind, std::string terminal, std::int64_t seq, std::string table, std::string key) {
    JournalProblem p{std::move(kind), std::move(terminal), seq, std::move(table), std::move(key), {}, {}};
    const std::string entry = "（账本 " + p.terminal + " 第 " + std::to_string(p.seq) + " 条）";
    const std::string entryEn = " (journal " + p.terminal + " entry " + std::to_string(p.seq) + ")";
    const std::string what = label(p.table) + " " + p.rowKey;
    const std::string whatEn = p.table + " row " + p.rowKey;
    const std::string tail = "。记录可能被人改动过，请联系县信息科核查。";
    if (p.kind == "changed") {
        p.message = "记录被改过：" + what + entry + tail;
        p.en = whatEn + " was changed" + entryEn;
    } else if (p.kind == "removed") {
        p.message = "记录被删掉了：" + what + entry + tail;
        p.en = whatEn + " was removed" + entryEn;
    } else if (p.kind == "inserted") {
        p.message = "有记录不在账本里（是另外加进去的）：" + what + tail;
        p.en = whatEn + " was inserted outside the journal";
    } else if (p.kind == "missing_entry") {
        p.message = "账本 " + p.terminal + " 缺了第 " + std::to_string(p.seq) + " 条" + tail;
        p.en = "journal " + p.terminal + " entry " + std::to_string(p.seq) + " is missing";
    } else {
        p.message = "账本 " + p.terminal + " 第 " + std::to_string(p.seq) + " 条被改过" + tail;
        p.en = "journal " + p.terminal + " entry " + std::to_string(p.seq) + " was changed";
    }
    return p;
}

struct Row {
    std::string table, key, bytes;
    bool seen = false;
};

}  // namespace

std::string journalHash(std::string_view prevHex, std::string_view bytes) {
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(prevHex.data()), prevHex.size());
    const unsigned char nl = '\n';
    crypto_hash_sha256_update(&st, &nl, 1);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, out);
    char hex[sizeof out * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

void registerJournalFunction(sqlite3* db) {
    sqlite3_create_function(db, "journal_hash", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, journalHashFn, nullptr,
                            nullptr);
}

void installJournal(Database& db) {
    auto current = [&] {
        for (const JournalTable& t : journalCoverage())
            if (tableExists(db, t.table) && (!triggerCurrent(db, t) || !covered(db, t.table))) return false;
        return true;
    };
    if (current()) return;  // the usual open: a few reads, no write
    Transaction tx(db);
    for (const JournalTable& t : journalCoverage()) {
        if (!tableExists(db, t.table)) continue;  // a table a later migration makes (another branch's)
        if (!triggerCurrent(db, t)) {
            db.exec("DROP TRIGGER IF EXISTS " + triggerName(t));
            db.exec(triggerSql(t));
        }
        if (covered(db, t.table)) continue;
        // Genesis (3): the marker, then every row already there that no chain has yet.
        Appender out(db);
        out.append("journal", std::string(t.table), markerBytes(t.table));
        auto rows = db.prepare("SELECT " + journalKeySql(t, "r") + ", " + journalCanonicalSql(t, "r") + " FROM " +
                               std::string(t.table) + " r WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.tbl = '" +
                               std::string(t.table) + "' AND j.row_key = " + journalKeySql(t, "r") + ") ORDER BY " +
                               keyOrder(t));
        while (rows.step()) out.append(t.table, rows.text(0), rows.text(1));
    }
    tx.commit();
}

JournalHead journalHead(Database& db) {
    JournalHead h;
    auto st = db.prepare(
        "SELECT t.terminal_id, COALESCE(j.seq, 0), j.hash FROM terminal t LEFT JOIN journal j ON j.terminal = t.terminal_id"
        " AND j.seq = (SELECT MAX(seq) FROM journal WHERE terminal = t.terminal_id) WHERE t.id = 1");
    if (!st.step()) throw StoreError("the database has no terminal id", 0);
    h.terminal = st.text(0);
    h.seq = st.i64(1);
    h.head = st.isNull(2) ? std::string(kJournalGenesis) : st.text(2);
    return h;
}

std::optional<JournalEntry> journalEntryOf(Database& db, std::string_view table, const std::string& key,
                                           const std::string& originTerminal) {
    auto st = db.cached("SELECT terminal, seq, prev, hash FROM journal WHERE tbl = ?1 AND row_key = ?2 AND terminal = ?3");
    st.bind(1, table).bind(2, key).bind(3, originTerminal);
    if (!st.step()) return std::nullopt;
    return JournalEntry{st.text(0), st.i64(1), st.text(2), st.text(3)};
}

void expectJournalEntry(Database& db, std::string_view table, const JournalEntry& e) {
    db.cached("DELETE FROM journal_incoming WHERE tbl = ?1").bind(1, table).run();
    db.cached("INSERT INTO journal_incoming(tbl, terminal, seq, prev, hash) VALUES(?1, ?2, ?3, ?4, ?5)")
        .bind(1, table)
        .bind(2, e.terminal)
        .bind(3, e.seq)
        .bind(4, e.prev)
        .bind(5, e.hash)
        .run();
}

namespace {
// One snapshot for the whole walk (a savepoint is a read transaction outside any other): a scan
// committed between reading the rows and reading the chain would otherwise look like a removed row.
class Snapshot {
public:
    explicit Snapshot(Database& db) : m_db(db) { m_db.exec("SAVEPOINT journal_verify"); }
    ~Snapshot() {
        try {
            m_db.exec("RELEASE journal_verify");
        } catch (...) {
            // Nothing was written under it; a failed release leaves nothing to undo.
        }
    }
    Snapshot(const Snapshot&) = delete;
    Snapshot& operator=(const Snapshot&) = delete;

private:
    Database& m_db;
};
}  // namespace

JournalCheck verifyJournal(Database& db) {
    Snapshot snapshot(db);
    JournalCheck out;
    // Every covered row's canonical bytes, by (table, key), in coverage and key order.
    std::vector<Row> rows;
    std::unordered_map<std::string, size_t> index;  // table + '\0' + key -> rows
    for (const JournalTable& t : journalCoverage()) {
        if (!tableExists(db, t.table)) continue;
        auto st = db.prepare("SELECT " + journalKeySql(t, "r") + ", " + journalCanonicalSql(t, "r") + " FROM " +
                             std::string(t.table) + " r ORDER BY " + keyOrder(t));
        while (st.step()) {
            index.emplace(std::string(t.table) + '\0' + st.text(0), rows.size());
            rows.push_back(Row{std::string(t.table), st.text(0), st.text(1)});
        }
    }
    // This terminal's chain first, then those of its earlier ids, each whole from entry 1; then the
    // entries of peers' chains that came with their rows (5), each checked on its own and linked to
    // the entry before it where that one is here too.
    out.head = journalHead(db);
    const std::string own = out.head.terminal;
    std::vector<std::string> mine{own};
    {
        auto lin = db.prepare("SELECT terminal_id FROM terminal_lineage");
        while (lin.step()) mine.push_back(lin.text(0));
    }
    bool whole = true;
    auto st = db.prepare(
        "SELECT terminal, seq, tbl, row_key, prev, hash FROM journal ORDER BY terminal <> ?1, terminal, seq");
    st.bind(1, own);
    std::string chain, head;
    std::int64_t expect = 0;
    while (st.step()) {
        const std::string terminal = st.text(0), table = st.text(2), key = st.text(3), prev = st.text(4), hash = st.text(5);
        const std::int64_t seq = st.i64(1);
        if (terminal != chain) {
            chain = terminal;
            expect = 1;
            head = std::string(kJournalGenesis);
            whole = std::find(mine.begin(), mine.end(), terminal) != mine.end();
        }
        ++out.entries;
        if (seq != expect) {
            if (whole) {
                out.problem = problem("missing_entry", terminal, expect, "", "");
                return out;
            }
            head = prev;  // a peer's entry after a gap (entries that never travel): checked on its own
            expect = seq;
        }
        if (prev != head) {
            out.problem = problem("entry_changed", terminal, seq, table, key);
            return out;
        }
        std::string bytes;
        if (table == "journal") {
            bytes = markerBytes(key);
        } else {
            auto it = index.find(table + '\0' + key);
            if (it == index.end()) {
                out.problem = problem("removed", terminal, seq, table, key);
                return out;
            }
            rows[it->second].seen = true;
            bytes = rows[it->second].bytes;
        }
        if (journalHash(prev, bytes) != hash) {
            out.problem = problem(table == "journal" ? "entry_changed" : "changed", terminal, seq, table, key);
            return out;
        }
        head = hash;
        ++expect;
    }
    for (const Row& r : rows) {
        if (r.seen) continue;
        out.problem = problem("inserted", "", 0, r.table, r.key);
        return out;
    }
    // `voided` is outside the canonical bytes (it changes once, 0 -> 1, by design); it must agree
    // with the voids, which are covered: a record of this terminal (any of its ids) flagged voided without a void, or
    // any record with a void but not flagged, was changed by hand.
    auto flags = db.prepare(
        "SELECT c.record_id FROM checkins c WHERE (c.voided = 1 AND (c.origin_terminal = ?1 OR c.origin_terminal IN"
        " (SELECT terminal_id FROM terminal_lineage)) AND NOT EXISTS"
        " (SELECT 1 FROM voids v WHERE v.record_id = c.record_id)) OR (c.voided = 0 AND EXISTS"
        " (SELECT 1 FROM voids v WHERE v.record_id = c.record_id)) ORDER BY c.record_id LIMIT 1");
    flags.bind(1, own);
    if (flags.step()) {
        const std::string key = std::to_string(flags.i64(0));
        auto entry = db.prepare("SELECT terminal, seq FROM journal WHERE tbl = 'checkins' AND row_key = ?1");
        entry.bind(1, key);
        const bool has = entry.step();
        out.problem = problem("changed", has ? entry.text(0) : own, has ? entry.i64(1) : 0, "checkins", key);
    }
    return out;
}

}  // namespace mh

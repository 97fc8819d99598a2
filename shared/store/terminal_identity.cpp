#include "shared/store/terminal_identity.hpp"

namespace mh {

TerminalIdentity loadTerminalIdentity(Database& db) {
    auto st = db.cached("SELECT terminal_id, created_at FROM terminal WHERE id = 1");
    if (!st.step()) throw StoreError("the database has no terminal identity", 1);
    return {st.text(0), st.i64(1)};
}

std::vector<std::string> terminalLineage(Database& db) {
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT terminal_id FROM terminal_lineage ORDER BY replaced_at, terminal_id");
    while (st.step()) ids.push_back(st.text(0));
    return ids;
}

std::string takeFreshTerminalId(Database& db, std::int64_t nowUnix, const std::vector<std::string>& alsoReplaced) {
    Transaction tx(db);
    std::vector<std::string> old = alsoReplaced;
    old.push_back(loadTerminalIdentity(db).id);
    for (const auto& id : old)
        db.prepare("INSERT OR IGNORE INTO terminal_lineage(terminal_id, replaced_at) VALUES(?1, ?2)")
            .bind(1, id)
            .bind(2, nowUnix)
            .run();
    std::string fresh;
    // 32 random bits, as `init` takes them; drawn again in the (unlikely) case of an id this
    // database has had or holds records of (a peer's).
    for (;;) {
        auto st = db.prepare(
            "SELECT id FROM (SELECT lower(hex(randomblob(4))) AS id) WHERE id NOT IN (SELECT terminal_id FROM terminal_lineage) "
            "AND NOT EXISTS (SELECT 1 FROM checkins WHERE origin_terminal = id)");
        if (st.step()) {
            fresh = st.text(0);
            break;
        }
    }
    db.prepare("UPDATE terminal SET terminal_id = ?1 WHERE id = 1").bind(1, fresh).run();
    db.exec("DELETE FROM upload_outbox_sig");
    tx.commit();
    return fresh;
}

std::optional<std::int64_t> newestRecordWriteUnix(Database& db) {
    // Only this terminal's own records: a peer's clock may be a few minutes off ours (contract 11
    // allows 15), and must not make this terminal refuse scans.
    // Records are written in record_id order, so the newest writes are among the last ones; a clock
    // that stepped back a little (within the slack) can make the very last one not the newest, hence
    // a short window rather than one row. Bounded work on every scan, whatever the table's size.
    // Records written before staff last confirmed the clock (clock_confirm.hpp) no longer count: a
    // clock that ran fast and was set right must not keep refusing scans.
    auto st = db.cached(
        "SELECT MAX(CAST(strftime('%s', COALESCE(entered_at, at)) AS INTEGER)) FROM "
        "(SELECT entered_at, at FROM checkins WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)"
        "  AND record_id > MAX("
        "  COALESCE((SELECT CAST(value AS INTEGER) FROM kiosk_settings WHERE key = 'training.records_before'), 0), "
        "  COALESCE((SELECT MAX(records_before) FROM clock_confirmations), 0)) "
        " ORDER BY origin_record DESC LIMIT 64)");
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.i64(0);
}

void markTrainingCopy(Database& db) {
    Transaction tx(db);
    db.exec("UPDATE terminal SET created_at = 0");
    db.exec("INSERT INTO kiosk_settings(key, value, updated_at) "
            "VALUES('training.records_before', (SELECT COALESCE(MAX(record_id), 0) FROM checkins), '') "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    tx.commit();
}

int trainingRecordCount(Database& db) {
    return int(db.integerOf(
        "SELECT COUNT(*) FROM checkins WHERE record_id > "
        "COALESCE((SELECT CAST(value AS INTEGER) FROM kiosk_settings WHERE key = 'training.records_before'), 0)"));
}

}  // namespace mh

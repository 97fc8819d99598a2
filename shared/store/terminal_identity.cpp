#include "shared/store/terminal_identity.hpp"

namespace mh {

TerminalIdentity loadTerminalIdentity(Database& db) {
    auto st = db.cached("SELECT terminal_id, created_at FROM terminal WHERE id = 1");
    if (!st.step()) throw StoreError("the database has no terminal identity", 1);
    return {st.text(0), st.i64(1)};
}

std::optional<std::int64_t> newestRecordWriteUnix(Database& db) {
    // Records are written in record_id order, so the newest writes are among the last ones; a clock
    // that stepped back a little (within the slack) can make the very last one not the newest, hence
    // a short window rather than one row. Bounded work on every scan, whatever the table's size.
    auto st = db.cached(
        "SELECT MAX(CAST(strftime('%s', COALESCE(entered_at, at)) AS INTEGER)) FROM "
        "(SELECT entered_at, at FROM checkins ORDER BY record_id DESC LIMIT 64)");
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.i64(0);
}

}  // namespace mh

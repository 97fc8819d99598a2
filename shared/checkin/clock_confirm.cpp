// The clock confirmation (see clock_confirm.hpp).
#include "shared/checkin/clock_confirm.hpp"

#include "shared/store/audit_log.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {

Result<ClockCorrection> confirmClock(Site& site, std::int64_t nowUnix, const std::string& actor, const std::string& staff) {
    Database& db = site.db();
    if (staff.empty()) return Error{"clock.staff", "请写上确认时间的工作人员（--staff 姓名）", "say who confirms the time (--staff NAME)"};
    if (nowUnix < loadTerminalIdentity(db).createdUnix)  // (1)
        return Error{"clock.before_site",
                     "本机时钟早于本站建立的时间，一定不对，不能确认。请先把日期和时间调对，再确认",
                     "the terminal's clock is earlier than the site's creation, so it cannot be right and is not "
                     "confirmed: set the date and time first, then confirm"};
    ClockCorrection c;
    c.confirmedAt = site.timeZone().isoWithOffset(nowUnix);
    c.staff = staff;
    Transaction tx(db);  // (2)
    db.prepare("INSERT INTO clock_confirmations(confirmed_at, confirmed_unix, staff, records_before) "
               "VALUES(?, ?, ?, (SELECT COALESCE(MAX(record_id), 0) FROM checkins))")
        .bind(1, c.confirmedAt)
        .bind(2, nowUnix)
        .bind(3, staff)
        .run();
    c.id = db.lastInsertId();
    // This terminal's own records whose real write time is later than the corrected clock: written
    // while it ran fast. Imported records carry their own terminal's clock and are not ours to judge.
    auto ahead = db.prepare(
        "SELECT record_id FROM checkins WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1) "
        "AND CAST(strftime('%s', COALESCE(entered_at, at)) AS INTEGER) > ? "
        "AND record_id NOT IN (SELECT record_id FROM clock_corrected) ORDER BY record_id");  // (3)
    ahead.bind(1, nowUnix);
    while (ahead.step()) c.records.push_back(ahead.i64(0));
    for (std::int64_t r : c.records)
        db.prepare("INSERT INTO clock_corrected(record_id, confirmation) VALUES(?, ?)").bind(1, r).bind(2, c.id).run();
    AuditLog(db).append(c.confirmedAt, actor, "clock.confirm", staff,
                        std::to_string(c.records.size()) + " records written ahead of the corrected clock");
    tx.commit();
    return c;
}

std::vector<ClockCorrection> clockCorrections(Database& db, int limit) {
    std::vector<ClockCorrection> out;
    auto st = db.prepare(
        "SELECT id, confirmed_at, staff FROM clock_confirmations c "
        "WHERE EXISTS (SELECT 1 FROM clock_corrected k WHERE k.confirmation = c.id) ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.i64(0), st.text(1), st.text(2), {}});
    for (auto& c : out) {
        auto r = db.prepare("SELECT record_id FROM clock_corrected WHERE confirmation = ? ORDER BY record_id");
        r.bind(1, c.id);
        while (r.step()) c.records.push_back(r.i64(0));
    }
    return out;
}

}  // namespace mh

#include "shared/upload/site_status.hpp"

#include <algorithm>

#include "shared/checkin/clock_check.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/backoff.hpp"

namespace mh {
namespace {

std::optional<Error> databaseProblem(Database& db) {
    try {
        auto st = db.prepare("PRAGMA quick_check");
        std::string first;
        int rows = 0;
        while (st.step()) {
            if (rows++ == 0) first = st.text(0);
        }
        if (rows == 1 && first == "ok") return std::nullopt;
        return Error{"database.damaged", "本机数据库有损坏（" + first + "）。请联系县信息科，用备份恢复。",
                     "the database is damaged (quick_check: " + first + "); restore it from a backup"};
    } catch (const std::exception& e) {
        return Error{"database.unreadable", "本机数据库读不出来。请联系县信息科，用备份恢复。",
                     std::string("the database cannot be read: ") + e.what()};
    }
}

}  // namespace

SiteStatus siteStatus(Site& site, std::int64_t nowUnix, bool checkDatabase) {
    SiteStatus s;
    if (checkDatabase) s.database = databaseProblem(site.db());
    if (s.database) {
        s.needsStaff = true;
        return s;  // nothing else in a damaged database can be trusted
    }
    Database& db = site.db();
    s.terminal = loadTerminalIdentity(db).id;
    s.clock = clockProblem(db, nowUnix);
    UploadOutbox box(site);
    s.pendingDays = box.pendingDays();
    s.refusedDays = box.refusedDays();
    if (auto next = box.nextAttempt()) {
        // A try that is overdue (or stored absurdly far ahead, which the uploader ignores) happens now.
        const std::int64_t at = (*next <= nowUnix || *next > nowUnix + kMaxScheduleAheadSeconds) ? nowUnix : *next;
        s.nextAttempt = site.timeZone().isoWithOffset(at);
    }
    s.lastError = box.state(upload_keys::kLastError).value_or("");
    s.lastErrorEn = box.state(upload_keys::kLastErrorEn).value_or("");
    s.needsStaff = box.state(upload_keys::kNeedsStaff).value_or("0") == "1" || !s.refusedDays.empty() || s.clock.has_value();
    return s;
}

}  // namespace mh

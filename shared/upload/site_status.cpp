#include "shared/upload/site_status.hpp"

#include <algorithm>

#include "shared/checkin/clock_check.hpp"
#include "shared/store/database_health.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/backoff.hpp"

namespace mh {
namespace {

// The start-up check's words (database_health), as an Error for the status JSON.
std::optional<Error> damagedDatabase(Database& db) {
    std::string detail;
    std::string problem = databaseProblem(db, &detail);
    if (problem.empty()) return std::nullopt;
    return Error{"database.damaged", problem, "the database is damaged (quick_check: " + detail + "); restore it from a backup"};
}

}  // namespace

SiteStatus siteStatus(Site& site, std::int64_t nowUnix, bool checkDatabase) {
    SiteStatus s;
    if (checkDatabase) s.database = damagedDatabase(site.db());
    if (s.database) {
        s.needsStaff = true;
        return s;  // nothing else in a damaged database can be trusted
    }
    Database& db = site.db();
    s.terminal = loadTerminalIdentity(db).id;
    s.restoredFrom = terminalLineage(db);
    s.clock = clockProblem(db, nowUnix);
    s.clockCorrected = clockCorrections(db);
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

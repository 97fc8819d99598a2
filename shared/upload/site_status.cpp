#include "shared/upload/site_status.hpp"

#include <sys/statvfs.h>

#include <algorithm>

#include "shared/site/clock_check.hpp"
#include "shared/store/database_health.hpp"
#include "shared/store/journal_chain.hpp"
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

std::optional<Error> storageProblem(const std::filesystem::path& siteDir) {
    struct statvfs fsInfo {};
    if (::statvfs(siteDir.c_str(), &fsInfo) != 0) return std::nullopt;  // a missing directory is reported elsewhere
    if (fsInfo.f_flag & ST_RDONLY)
        return Error{"storage.read_only", "存储是只读的，签到记不上。请联系管理员检查存储卡或硬盘。",
                     "the site's file system is read-only: check-ins cannot be recorded"};
    const double freeBytes = double(fsInfo.f_bavail) * double(fsInfo.f_frsize);
    if (freeBytes >= double(kLowStorageBytes)) return std::nullopt;
    const std::string mb = std::to_string(std::int64_t(freeBytes / (1024 * 1024)));
    return Error{"storage.full", "存储空间已满（只剩 " + mb + " MB），签到可能记不上。请联系管理员清理空间。",
                 "the disk is full (" + mb + " MB left): check-ins may not be recorded; free some space"};
}

SiteStatus siteStatus(Site& site, std::int64_t nowUnix, bool checkDatabase) {
    SiteStatus s;
    s.storage = storageProblem(site.dir());
    if (checkDatabase) s.database = damagedDatabase(site.db());
    if (s.database || s.storage) s.needsStaff = true;
    if (s.database) {
        return s;  // nothing else in a damaged database can be trusted
    }
    Database& db = site.db();
    s.terminal = loadTerminalIdentity(db).id;
    s.restoredFrom = terminalLineage(db);
    s.clock = clockProblem(db, nowUnix);
    s.clockCorrected = clockCorrections(db);
    // Contract 13: the same walk as `journal verify`, so a record changed by hand shows here too.
    if (checkDatabase) {
        if (auto j = verifyJournal(db).problem) s.journal = Error{"journal." + j->kind, j->message, j->en};
    }
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
    s.needsStaff = box.state(upload_keys::kNeedsStaff).value_or("0") == "1" || !s.refusedDays.empty() || s.clock.has_value() ||
                   s.storage.has_value() || s.journal.has_value();
    // A full disk is the problem to say first: nothing else can be fixed until it is.
    if (s.storage && s.lastError.empty()) {
        s.lastError = s.storage->message;
        s.lastErrorEn = s.storage->en;
    }
    return s;
}

}  // namespace mh

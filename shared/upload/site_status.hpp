// The facts staff and monitoring need about one terminal (contract 3, `kiosk status`): which terminal
// this is, whether its database and clock are sound, and where its uploads stand — days waiting, days
// the county refused (with its answer), the next try and the last problem. One use case, so the
// `status` verb and the kiosk's staff settings screen show the same facts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/checkin/clock_confirm.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"
#include "shared/upload/upload_outbox.hpp"

namespace mh {

struct SiteStatus {
    std::string terminal;                  // this database's terminal id
    std::vector<std::string> restoredFrom; // the ids it had before restores gave it fresh ones
    std::optional<Error> database;         // none: PRAGMA quick_check says ok
    std::optional<Error> journal;          // none: every covered row matches the journal (contract 13); checked with the database
    std::optional<Error> clock;            // none: the clock is believable (clockProblem)
    std::vector<ClockCorrection> clockCorrected;  // records written ahead of a corrected clock, for review
    std::optional<Error> storage;          // none: the site's disk has room for check-ins (storageProblem)
    int pendingDays = 0;
    std::vector<RefusedDay> refusedDays;   // oldest first, with the county's answer
    std::string nextAttempt;               // local ISO time of the next upload try; empty: nothing pending
    std::string lastError;                 // Chinese; empty when the last try went through
    std::string lastErrorEn;
    bool needsStaff = false;               // something above only a person can fix
};

// The site directory's file system when it is full or nearly (under kLowStorageBytes free) or
// read-only: a scan there fails, and the kiosk sends every elder to staff until someone clears space.
inline constexpr std::int64_t kLowStorageBytes = 8 * 1024 * 1024;
std::optional<Error> storageProblem(const std::filesystem::path& siteDir);

// Reads only (never writes the database). Never throws for a damaged database: that is reported.
// `checkDatabase` false skips PRAGMA quick_check (it reads every page: the kiosk's frame loop, which
// refreshes this after every upload run, leaves it to `kiosk status` and monitoring).
SiteStatus siteStatus(Site& site, std::int64_t nowUnix, bool checkDatabase = true);

}  // namespace mh

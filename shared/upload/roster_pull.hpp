// Roster pull: `GET <endpoint>/roster?since=<cursor>` returns the county's changes as a contract-5 CSV,
// applied exactly as `kiosk roster import` applies a file (importRoster). The cursor the platform
// hands back (X-Roster-Cursor, else its Date header) is kept in the database for the next pull.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/http_client.hpp"
#include "shared/site/site.hpp"
#include "shared/upload/upload_target.hpp"

namespace mh {

// A roster larger than this is refused, not imported (contract 8: never a memory spike). A county of
// 100,000 elders is about 15 MiB of CSV.
inline constexpr std::size_t kMaxRosterBytes = 64u * 1024 * 1024;

struct RosterPullReport {
    bool changed = false;   // a CSV was imported
    int added = 0, updated = 0, unchanged = 0, rejected = 0;
    std::string cursor;     // the cursor now stored
    std::optional<Error> error;
};

// The cursor advances only after the CSV was applied (rejected rows are reported but do not hold it
// back: a bad row stays bad until the county fixes it). Never throws for network trouble.
RosterPullReport pullRoster(Site& site, const Clock& clock, HttpClient& http, const UploadTarget& target);

}  // namespace mh

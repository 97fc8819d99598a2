// Roster import (contract 5): the county's elder list into the site database. Good rows are applied
// even when others are rejected; the same file twice changes nothing.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct RejectedRow {
    int line = 0;
    std::string elderId;  // when it could be read
    std::string reason;   // Chinese
    std::string reasonEn;
};

// A roster column: its contract-5 header and the Chinese headers accepted for it (README lists them).
struct RosterColumn {
    std::string_view key;
    std::vector<std::string_view> chinese;
};
const std::vector<RosterColumn>& rosterColumns();

// Bounds on what is read (documented in the README): a row longer than a line could honestly be is
// rejected on its own; a bigger file is refused before anything is read.
inline constexpr std::size_t kMaxRosterLineBytes = 64 * 1024;
inline constexpr std::size_t kMaxRosterFileBytes = 64 * 1024 * 1024;
// More rows than any site's roster: past it the file is refused whole (nothing changes), which also
// bounds what the import keeps per row.
inline constexpr int kMaxRosterRows = 100'000;
// The report lists the first rows of each kind and counts the rest, so ten thousand bad rows cost
// ten thousand counts, not ten thousand messages.
inline constexpr std::size_t kMaxListedRows = 1000;

struct ImportReport {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    std::vector<RejectedRow> rejected;
    // Rows imported with something staff should fix (no birth date: no age rule can apply).
    std::vector<RejectedRow> warnings;
    int rejectedNotListed = 0;  // beyond kMaxListedRows
    int warningsNotListed = 0;
    [[nodiscard]] int rejectedCount() const { return int(rejected.size()) + rejectedNotListed; }
    [[nodiscard]] int warningCount() const { return int(warnings.size()) + warningsNotListed; }
    std::vector<std::string> ignoredColumns;  // header names the kiosk does not know (said, not an error)
};

// `today` bounds ID birth dates; `at` stamps the rows and the audit entry; `actor` is who imported.
// Whole-file problems (encoding, missing columns, a file over kMaxRosterFileBytes) are Errors and
// change nothing. The file is read in chunks, so memory stays bounded whatever its size.
Result<ImportReport> importRoster(Site& site, std::string_view csvText, LocalDate today, const std::string& at,
                                  const std::string& actor);
Result<ImportReport> importRosterFile(Site& site, const std::filesystem::path& file, LocalDate today,
                                      const std::string& at, const std::string& actor);

}  // namespace mh

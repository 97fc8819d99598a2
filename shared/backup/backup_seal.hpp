// The seal in a backup's manifest (contract 11): a keyed BLAKE2b over the backup's mealhall.db and
// site.toml, keyed by a key derived from the site's ID-hash key. A backup edited afterwards (a price
// changed with the sqlite3 tool, a rule changed in site.toml) no longer matches its seal, and restore
// refuses it. It guards against edits by someone without the site's keys; whoever holds the keys
// (they travel in the backup, for a terminal rebuilt from scratch) could seal again.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"
#include "shared/site/site_keys.hpp"

namespace mh {

// Hex seal of `dbFile` and `siteToml` under `keys`; an error when either file cannot be read.
Result<std::string> backupSeal(const SiteKeys& keys, const std::filesystem::path& dbFile,
                               const std::filesystem::path& siteToml);

}  // namespace mh

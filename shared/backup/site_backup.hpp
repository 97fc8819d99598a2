// Backups a village can rely on (contract 3, `backup` / `restore`): an online, verified copy of the
// site database plus its keys and site.toml, in one folder per copy:
//   TO/mealhall-<site_id>-<terminal>-<YYYYMMDD-HHMMSS>/{mealhall.db, site.toml, id_hash.key,
//                                                     card_signing.key, manifest.json}
// The folder appears under its final name only when complete and checked. Restore installs a copy
// in one rename and keeps the replaced database, so a restore can always be undone by hand.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

inline constexpr const char* kBackupManifest = "manifest.json";

struct BackupInfo {
    std::filesystem::path folder;  // the backup folder
    std::string siteId;
    std::string terminal;          // the terminal id of the database copied
    int schemaVersion = 0;
    std::int64_t records = 0;      // check-in records in the copy
    std::string createdAt;         // ISO 8601 with offset, site time
    std::string seal;              // the manifest's keyed hash of mealhall.db and site.toml (backup_seal.hpp)
};

// Copies the live database through SQLite's online backup (the kiosk may go on scanning), checks the
// copy with PRAGMA integrity_check, adds keys, site.toml and a manifest; files 0600, folders 0700.
Result<BackupInfo> makeBackup(Site& site, const std::filesystem::path& to, std::int64_t nowUnix);

// Reads a backup folder's manifest (nothing is checked against the site here).
Result<BackupInfo> readBackup(const std::filesystem::path& folder);

// The backup folders in `to` made by makeBackup, oldest first (by the time in their names).
std::vector<std::filesystem::path> listBackups(const std::filesystem::path& to);

struct RestoreOptions {
    bool forceOtherSite = false;      // accept a backup of another site id
    bool forceOtherTerminal = false;  // accept a backup of another terminal of this site
};

struct RestoreInfo {
    BackupInfo backup;
    std::string keptAs;       // file name the replaced database was kept under; empty when there was none
    std::string newTerminal;  // the fresh terminal id the restored database writes its new records under
    std::vector<std::filesystem::path> others;  // `--from` a folder of backups: the ones not chosen, newest first
    bool fromFolder = false;  // the backup was chosen in a folder of backups
};

// Puts a backup's database in place as the site's database, under a fresh terminal id (contract 11;
// the records keep their origin, the old id joins the database's lineage). `from` is one backup, or a
// folder of them (`backup --to`): then the newest of this site, this terminal's (or its lineage's)
// first. Refuses (nothing changed) a folder that is not a backup, a damaged copy, one edited after
// it was made (the seal), another site's or terminal's copy unless told, and a site whose database a
// running kiosk has open. A backup of this terminal or of a terminal it was restored from is its own. Site.toml and keys are taken from the backup only when the
// site has none (a terminal rebuilt from scratch); the site's own are never overwritten.
Result<RestoreInfo> restoreBackup(const std::filesystem::path& siteDir, const std::filesystem::path& from,
                                  const RestoreOptions& options, std::int64_t nowUnix);

}  // namespace mh

namespace mh {

// The nightly copy (site.toml [backup] to/keep): once a local day, after [site] end_of_day, when
// this terminal has no backup in `to` made since today's end_of_day. Then the oldest of this
// terminal's backups beyond `keep` are removed.
struct NightlyBackup {
    bool made = false;  // false: not due (or [backup] not set)
    BackupInfo info;
    int removed = 0;    // old copies removed
};
Result<NightlyBackup> nightlyBackup(Site& site, std::int64_t nowUnix);

// For the staff screen: 上次备份：3小时前 / 已经3天没有备份了，请检查U盘. `lastUnix` none: never.
std::string backupAgeText(std::optional<std::int64_t> lastUnix, std::int64_t nowUnix);

}  // namespace mh

// Backup and restore of a site (contract 3), and the nightly copy. The invariants are the header's: a
// backup folder appears under its final name only when complete and checked (integrity_check and the
// seal); a restore replaces the database in one rename and keeps the one it replaced; a site's own
// site.toml and keys are never overwritten. This file sits above shared/upload because a backup first
// freezes the due days (UploadOutbox::freezeDue), so a restored copy can deliver them unchanged.
//
// Sections (grep "[SECTION]"):
//   [SECTION] Making, reading and listing backups
//   [SECTION] Restoring a backup
//   [SECTION] The nightly copy
#include "shared/backup/site_backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "shared/core/atomic_file.hpp"
#include "shared/backup/backup_folder.hpp"
#include "shared/backup/backup_seal.hpp"
#include "shared/store/backup_store.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/upload_outbox.hpp"

namespace mh {
namespace fs = std::filesystem;

// [SECTION] Making, reading and listing backups

namespace {

constexpr const char* kBackupPrefix = "mealhall-";
const char* const kSiteFiles[] = {kSiteToml, kIdHashKeyFile, kCardKeyFile};

// "20261124-113205": sorts by time, readable by county IT, safe in a file name.
// Without a time zone (a site with no site.toml left), UTC.
std::string stamp(const TimeZone* tz, std::int64_t unixSeconds) {
    char buf[32];
    if (tz) {
        LocalDateTime t = tz->toLocal(unixSeconds);
        std::snprintf(buf, sizeof buf, "%04d%02u%02u-%02d%02d%02d", t.date.year(), t.date.month(), t.date.day(), t.hour,
                      t.minute, t.second);
    } else {
        std::time_t t = std::time_t(unixSeconds);
        std::tm tm{};
        ::gmtime_r(&t, &tm);
        std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    }
    return buf;
}

Error backupError(const std::string& why, const std::string& whyEn) {
    return Error{"backup.failed", "备份没有做成（" + why + "），站点数据没有改动", "the backup failed (" + whyEn + "); the site is unchanged"};
}

Error notWritable() {
    return Error{"backup.target", "备份没有做成：备份的位置写不进去（U盘不在、没插好或已满？）",
                 "the backup failed: cannot write to the backup location (USB stick missing or full?)"};
}

bool copyPrivate(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    if (!fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec)) return false;
    return ::chmod(to.c_str(), 0600) == 0;
}

// The upload token file's name when it is a plain file name in the site directory (the default).
std::optional<fs::path> tokenInSiteDir(const SiteConfig& cfg) {
    const fs::path token = cfg.tokenFile;
    if (token.empty() || token != token.filename() || token.string().front() == '.') return std::nullopt;
    return token;
}

// What a database file holds, checked: integrity, terminal, record count, schema version.
// The database is opened (and so migrated to this kiosk's schema): only ever call it on a copy.
Result<BackupInfo> inspectCopy(const fs::path& dbFile) {
    try {
        Database db = Database::open(dbFile);
        std::string check = integrityCheck(db);
        if (check != "ok")
            return Error{"backup.damaged", "备份里的数据库已经损坏（" + check + "）", "the database in the backup is damaged (" + check + ")"};
        BackupInfo info;
        info.terminal = loadTerminalIdentity(db).id;
        info.records = checkinRecordCount(db);
        info.schemaVersion = db.schemaVersion();
        return info;
    } catch (const StoreError& e) {
        return Error{"backup.damaged", std::string("备份里的数据库已经损坏或读不出来（") + e.what() + "）",
                     std::string("the database in the backup is damaged or unreadable (") + e.what() + ")"};
    }
}

}  // namespace

Result<BackupInfo> makeBackup(Site& site, const fs::path& to, std::int64_t nowUnix) {
    std::error_code ec;
    if (!fs::is_directory(to, ec)) {
        fs::create_directories(to, ec);
        if (ec || ::chmod(to.c_str(), 0700) != 0) return notWritable();
    }
    // Every due day is frozen first, as the uploader would: the copy then holds each finished day of
    // this terminal as the exact body (and key) this terminal delivers, so a database restored from
    // it can deliver what is undelivered without making a second body under the same key.
    // Best effort: a database kept busy by scans for longer than the busy timeout does not stop the
    // copy (the records are in it either way; the uploader freezes those days later).
    try {
        UploadOutbox(site).freezeDue(nowUnix);
    } catch (const StoreError&) {
    }
    auto temp = BackupTemp::make(to);
    if (!temp) return notWritable();

    for (const char* name : kSiteFiles)
        if (!copyPrivate(site.dir() / name, temp->path() / name)) return backupError(std::string("复制 ") + name, std::string("copying ") + name);
    // The county token too, when it lives in the site directory: a terminal rebuilt on a new card
    // must be able to deliver the days it holds.
    if (auto token = tokenInSiteDir(site.config()); token && fs::exists(site.dir() / *token, ec))
        if (!copyPrivate(site.dir() / *token, temp->path() / *token)) return backupError("复制上报口令", "copying the upload token");
    try {
        site.db().backupTo(temp->path() / kSiteDb);
    } catch (const StoreError& e) {
        return e.diskFull() ? notWritable() : backupError(e.what(), e.what());
    }
    if (::chmod((temp->path() / kSiteDb).c_str(), 0600) != 0) return notWritable();
    auto checked = inspectCopy(temp->path() / kSiteDb);
    if (!checked) return backupError(checked.error().message, checked.error().en);
    BackupInfo info = *checked;
    info.siteId = site.config().siteId;
    info.createdAt = site.timeZone().isoWithOffset(nowUnix);
    // Sealed after the check: inspectCopy opened (and closed) the copy, and the seal is over the
    // bytes that stay.
    auto keys = SiteKeys::load(temp->path());
    if (!keys) return backupError(keys.error().message, keys.error().en);
    auto seal = backupSeal(*keys, temp->path() / kSiteDb, temp->path() / kSiteToml);
    if (!seal) return notWritable();

    nlohmann::ordered_json m;
    m["kind"] = "mealhall-backup";
    m["site_id"] = info.siteId;
    m["terminal"] = info.terminal;
    m["schema_version"] = info.schemaVersion;
    m["records"] = info.records;
    m["created_at"] = info.createdAt;
    m["seal"] = *seal;
    if (!writeFileAtomic(temp->path() / kBackupManifest, m.dump(2) + "\n")) return notWritable();

    info.folder = to / (kBackupPrefix + info.siteId + "-" + info.terminal + "-" + stamp(&site.timeZone(), nowUnix));
    if (fs::exists(info.folder, ec))
        return backupError("同一秒里已经有一份备份", "a backup from the same second already exists");
    // fsync the files' directory entries before the rename makes the folder count as a backup.
    fs::rename(temp->path(), info.folder, ec);
    if (ec) return notWritable();
    temp->release();
    if (int fd = ::open(to.c_str(), O_RDONLY | O_DIRECTORY); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return info;
}

Result<BackupInfo> readBackup(const fs::path& folder) {
    Error notBackup{"restore.not_backup", "这里不是一份签到机备份（缺少 manifest.json 或其中内容不对）",
                    "this is not a kiosk backup (manifest.json missing or wrong)"};
    std::ifstream in(folder / kBackupManifest);
    if (!in) return notBackup;
    nlohmann::json m = nlohmann::json::parse(in, nullptr, false);
    if (m.is_discarded() || !m.is_object() || m.value("kind", "") != "mealhall-backup" || !m["site_id"].is_string() ||
        !m["terminal"].is_string() || !m["records"].is_number_integer() || !m["schema_version"].is_number_integer())
        return notBackup;
    BackupInfo info;
    info.folder = folder;
    info.siteId = m["site_id"];
    info.terminal = m["terminal"];
    info.records = m["records"];
    info.schemaVersion = m["schema_version"];
    info.createdAt = m.value("created_at", "");
    if (m.contains("seal") && m["seal"].is_string()) info.seal = m["seal"];
    return info;
}

std::vector<fs::path> listBackups(const fs::path& to) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(to, ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind(kBackupPrefix, 0) == 0 && e.is_directory(ec) && fs::exists(e.path() / kBackupManifest, ec))
            found.push_back(e.path());
    }
    // Names end in the time stamp (fixed width), so comparing the last 15 characters orders by time.
    auto key = [](const fs::path& p) {
        std::string n = p.filename().string();
        return n.size() >= 15 ? n.substr(n.size() - 15) : n;
    };
    std::sort(found.begin(), found.end(), [&](const fs::path& a, const fs::path& b) { return key(a) < key(b); });
    return found;
}

// [SECTION] Restoring a backup
namespace {

Error notBackupError(const fs::path& from) {
    return Error{"restore.not_backup",
                 "这里不是一份签到机备份，也没有本站的备份（" + from.string() + "）",
                 "this is not a kiosk backup, nor a folder holding one of this site (" + from.string() + ")"};
}

Error tampered() {
    return Error{"restore.tampered",
                 "这份备份做好以后被改动过（数据库或 site.toml 和备份里的校验码对不上），不能用来恢复，什么也没有改。请换一份备份",
                 "this backup was changed after it was made (its database or site.toml does not match the manifest's "
                 "seal); nothing was changed. Use another backup"};
}

}  // namespace

Result<RestoreInfo> restoreBackup(const fs::path& siteDir, const fs::path& fromGiven, const RestoreOptions& options,
                                  std::int64_t nowUnix) {
    std::error_code ec;
    // Which site this directory is: its own site.toml, or (a terminal rebuilt from scratch) none.
    std::optional<SiteConfig> cfg;
    std::optional<TimeZone> tz;
    if (fs::exists(siteDir / kSiteToml, ec)) {
        auto loaded = loadSiteConfig(siteDir / kSiteToml);
        if (!loaded) return loaded.error();
        cfg = *loaded;
        if (auto zone = TimeZone::load(cfg->timezone)) tz = std::move(*zone);
    }
    // Which terminal: this database's id and the ids it was restored from. Backups of any of them
    // are this terminal's own.
    const bool haveDb = !missingDatabase(siteDir).has_value();
    std::string current;
    std::vector<std::string> own;
    if (haveDb) {
        try {
            Database db = Database::open(siteDir / kSiteDb);
            current = loadTerminalIdentity(db).id;
            own = terminalLineage(db);
            own.push_back(current);
        } catch (const StoreError&) {
            // A damaged database is what a restore is for: no terminal to compare with.
        }
    }

    BackupChoice choice = chooseBackup(fromGiven, cfg ? cfg->siteId : std::string(), own);
    if (choice.severalSites)
        return Error{"restore.several_sites",
                     "这个文件夹里有几个站点的备份，不知道该用哪一份，什么也没有改。请在 --from 后面写出其中一份备份的文件夹",
                     "this folder holds backups of several sites; nothing was changed. Give one backup folder to --from"};
    if (choice.chosen.empty()) return notBackupError(fromGiven);
    const fs::path from = choice.chosen;
    auto manifest = readBackup(from);
    if (!manifest) return manifest.error();
    for (const char* name : {kSiteDb, kSiteToml, kIdHashKeyFile, kCardKeyFile})
        if (!fs::is_regular_file(from / name, ec))
            return Error{"restore.incomplete", std::string("这份备份不完整：缺少 ") + name + "，什么也没有改",
                         std::string("the backup is incomplete: ") + name + " is missing; nothing was changed"};
    if (cfg && cfg->siteId != manifest->siteId && !options.forceOtherSite)
        return Error{"restore.other_site",
                     "这份备份是另一个站点（" + manifest->siteId + "）的，不是本站（" + cfg->siteId +
                         "）的，什么也没有改。确实要用它，请加 --force-other-site",
                     "this backup is of another site (" + manifest->siteId + ", this is " + cfg->siteId +
                         "); nothing was changed. Add --force-other-site to use it anyway"};
    const bool ownBackup = std::find(own.begin(), own.end(), manifest->terminal) != own.end();
    if (!current.empty() && !ownBackup && !options.forceOtherTerminal)
        return Error{"restore.other_terminal",
                     "这份备份是本站另一台签到机（" + manifest->terminal + "）的，不是这一台（" + current +
                         "）的，什么也没有改。确实要用它，请加 --force-other-terminal",
                     "this backup is of another terminal (" + manifest->terminal + ", this one is " + current +
                         "); nothing was changed. Add --force-other-terminal to use it anyway"};
    if (manifest->seal.empty())
        return Error{"restore.tampered", "这份备份没有校验码（说明文件 manifest.json 被改过？），不能用来恢复，什么也没有改。请换一份备份",
                     "this backup has no seal (manifest.json changed?); nothing was changed. Use another backup"};
    // The seal is checked with this site's own keys when it has them (an edit that came with keys of
    // its own is caught too); a terminal rebuilt from scratch, or another site's backup taken on
    // purpose, can only use the backup's.
    const bool sameSite = cfg && cfg->siteId == manifest->siteId;
    auto keys = SiteKeys::load(sameSite && fs::exists(siteDir / kIdHashKeyFile, ec) ? siteDir : from);
    if (!keys) return keys.error();

    if (!cfg) {
        fs::create_directories(siteDir, ec);
        if (ec || ::chmod(siteDir.c_str(), 0700) != 0)
            return Error{"site.mkdir", "无法创建站点目录 " + siteDir.string(), "cannot create the site directory " + siteDir.string()};
    }
    // The copy goes in under a temporary name in the site directory and is checked there: what is
    // checked is exactly what the rename installs.
    AtomicFile staged(siteDir / kSiteDb);
    if (!staged.ok() || !copyPrivate(from / kSiteDb, staged.tempPath()))
        return Error{"restore.write", "无法把备份复制进站点目录（磁盘满了？），什么也没有改",
                     "cannot copy the backup into the site directory (disk full?); nothing was changed"};
    // Sealed bytes: computed before anything opens the staged copy.
    auto seal = backupSeal(*keys, staged.tempPath(), from / kSiteToml);
    auto checked = inspectCopy(staged.tempPath());
    if (!checked)
        return Error{"restore.damaged", checked.error().message + "，什么也没有改。请换一份备份",
                     checked.error().en + "; nothing was changed. Use another backup"};
    if (!seal || *seal != manifest->seal) return tampered();
    if (checked->terminal != manifest->terminal || checked->records != manifest->records)
        return Error{"restore.damaged", "备份里的数据库和它的说明（manifest.json）对不上，什么也没有改。请换一份备份",
                     "the backup's database does not match its manifest; nothing was changed. Use another backup"};

    RestoreInfo result{*manifest, "", "", choice.others, choice.fromFolder};
    // No two databases ever write under one terminal id (contract 11): the original may still be
    // running, or its card may come back. The put-back copy writes its new records under a fresh id,
    // taken before it is installed, so no process ever sees it under the old one.
    try {
        Database db = Database::open(staged.tempPath());
        result.newTerminal = takeFreshTerminalId(db, nowUnix, own);
    } catch (const StoreError& e) {
        return Error{"restore.write", std::string("无法给恢复的数据库一个新的签到机编号（") + e.what() + "），什么也没有改",
                     std::string("cannot give the restored database a new terminal id (") + e.what() + "); nothing was changed"};
    }

    std::unique_ptr<ExclusiveDbLock> lock;
    if (haveDb) {
        lock = ExclusiveDbLock::take(siteDir / kSiteDb, 3000);
        if (!lock)
            return Error{"restore.in_use",
                         "签到程序正在使用这个站点，不能恢复，什么也没有改。请先关掉签到程序（kiosk run / serve），再恢复",
                         "a running kiosk has this site open; nothing was changed. Stop kiosk run / serve first, then restore"};
        // The replaced database is kept (a hard link: instant, and the rename below cannot lose it).
        // Two restores within a second (a wrong backup, then the right one) must both keep theirs.
        const std::string base = std::string(kSiteDb) + ".before-restore-" + stamp(tz ? &*tz : nullptr, nowUnix);
        result.keptAs = base;
        for (int n = 2; fs::exists(siteDir / result.keptAs, ec); ++n) result.keptAs = base + "-" + std::to_string(n);
        fs::create_hard_link(siteDir / kSiteDb, siteDir / result.keptAs, ec);
        if (ec) fs::copy_file(siteDir / kSiteDb, siteDir / result.keptAs, ec);
        if (ec)
            return Error{"restore.write", "无法保留原来的数据库（磁盘满了？），什么也没有改",
                         "cannot keep the current database (disk full?); nothing was changed"};
    }
    // A rebuilt terminal gets the backup's configuration and keys; a site's own are never replaced.
    for (const char* name : kSiteFiles)
        if (!fs::exists(siteDir / name, ec) && !copyPrivate(from / name, siteDir / name))
            return Error{"restore.write", std::string("无法从备份复制 ") + name + "，数据库没有改动",
                         std::string("cannot copy ") + name + " from the backup; the database is unchanged"};
    if (auto restoredCfg = loadSiteConfig(siteDir / kSiteToml)) {
        auto token = tokenInSiteDir(*restoredCfg);
        if (token && fs::exists(from / *token, ec) && !fs::exists(siteDir / *token, ec) &&
            !copyPrivate(from / *token, siteDir / *token))
            return Error{"restore.write", "无法从备份复制上报口令，数据库没有改动",
                         "cannot copy the upload token from the backup; the database is unchanged"};
    }
    if (!staged.commit())
        return Error{"restore.write", "无法把备份放到位，原来的数据库没有改动", "cannot put the backup in place; the database is unchanged"};
    return result;
}

}  // namespace mh

// [SECTION] The nightly copy
namespace mh {

namespace {
// This terminal's backups in `to`, oldest first; their names end in the local time stamp.
std::vector<fs::path> ownBackups(Site& site, const fs::path& to, const std::string& terminal) {
    std::vector<fs::path> own;
    const std::string prefix = std::string(kBackupPrefix) + site.config().siteId + "-" + terminal + "-";
    for (auto& p : listBackups(to))
        if (p.filename().string().rfind(prefix, 0) == 0) own.push_back(p);
    return own;
}
}  // namespace

Result<NightlyBackup> nightlyBackup(Site& site, std::int64_t nowUnix) {
    NightlyBackup result;
    const SiteConfig& cfg = site.config();
    if (cfg.backupTo.empty()) return result;
    const LocalDateTime now = site.timeZone().toLocal(nowUnix);
    if (now.hour * 60 + now.minute < cfg.endOfDay.minutes) return result;
    std::string terminal;
    try {
        terminal = loadTerminalIdentity(site.db()).id;
    } catch (const StoreError& e) {
        return backupError(e.what(), e.what());
    }
    // Today's end of day as a name stamp: a copy whose stamp is not earlier was made tonight.
    char tonight[32];
    std::snprintf(tonight, sizeof tonight, "%04d%02u%02u-%02d%02d00", now.date.year(), now.date.month(), now.date.day(),
                  cfg.endOfDay.minutes / 60, cfg.endOfDay.minutes % 60);
    auto own = ownBackups(site, cfg.backupTo, terminal);
    if (!own.empty()) {
        std::string n = own.back().filename().string();
        if (n.substr(n.size() - 15) >= tonight) return result;
    }
    auto made = makeBackup(site, cfg.backupTo, nowUnix);
    if (!made) return made.error();
    result.made = true;
    result.info = *made;
    own = ownBackups(site, cfg.backupTo, terminal);
    std::error_code ec;
    for (size_t i = 0; i + size_t(cfg.backupKeep) < own.size(); ++i)
        if (fs::remove_all(own[i], ec) > 0 && !ec) ++result.removed;
    return result;
}

std::string backupAgeText(std::optional<std::int64_t> lastUnix, std::int64_t nowUnix) {
    if (!lastUnix) return "还没有备份过，请检查U盘";
    std::int64_t age = std::max<std::int64_t>(0, nowUnix - *lastUnix);
    const std::int64_t days = age / 86400;
    // A nightly copy is at most a day old; two nights missed means the stick needs a look.
    if (days >= 2) return "已经" + std::to_string(days) + "天没有备份了，请检查U盘";
    if (age < 3600) return "上次备份：" + std::to_string(std::max<std::int64_t>(1, age / 60)) + "分钟前";
    if (age < 86400) return "上次备份：" + std::to_string(age / 3600) + "小时前";
    return "上次备份：1天前";
}

}  // namespace mh

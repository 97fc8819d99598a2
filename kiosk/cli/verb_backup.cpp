// `kiosk backup` / `kiosk restore` (contract 3): parse, call the site_backup use cases, print JSON.
// Exit 0 done; 1 refused (another site's or terminal's backup, a damaged one, the kiosk running);
// 2 bad usage or no site to back up.
#include "cli/cli_common.hpp"
#include "shared/backup/site_backup.hpp"

namespace mh::cli {
namespace {

using J = nlohmann::ordered_json;

J backupJson(const BackupInfo& b) {
    return J{{"backup", b.folder.string()}, {"site_id", b.siteId},   {"terminal", b.terminal},
             {"schema_version", b.schemaVersion}, {"records", b.records}, {"created_at", b.createdAt}};
}

// `backup --to` and `restore --from` alike: the site and the other end of the copy.
struct BackupArgs {
    std::string site = kDefaultSite, path;
    bool forceOtherSite = false, forceOtherTerminal = false;
};

int runBackup(const BackupArgs& a, Context& ctx) {
    const std::string &dir = a.site, &to = a.path;
    auto site = ctx.openSite(dir);
    if (!site) return kUsage;
    auto made = makeBackup(*site, to, ctx.clock.nowUnix());
    if (!made) {
        ctx.error(made.error());
        printJson(J{{"ok", false}, {"error", made.error().code}});
        return kRefused;
    }
    J j{{"ok", true}};
    j.update(backupJson(*made));
    printJson(j);
    ctx.say("备份做好了，已经检查过：" + std::to_string(made->records) + " 条签到记录",
            "backup done and checked: " + std::to_string(made->records) + " check-in records");
    return kDone;
}

int runRestore(const BackupArgs& a, Context& ctx) {
    const std::string &dir = a.site, &from = a.path;
    const RestoreOptions options{a.forceOtherSite, a.forceOtherTerminal};
    auto done = restoreBackup(dir, from, options, ctx.clock.nowUnix());
    if (!done) {
        ctx.error(done.error());
        printJson(J{{"ok", false}, {"error", done.error().code}});
        const std::string& code = done.error().code;
        // Unreadable input: not a backup, an incomplete or edited one, a folder that names no one backup.
        const bool usage = code == "restore.not_backup" || code == "restore.incomplete" || code == "restore.tampered" ||
                           code == "restore.several_sites";
        return usage ? kUsage : kRefused;
    }
    J j{{"ok", true}};
    j.update(backupJson(done->backup));
    j["new_terminal"] = done->newTerminal;
    j["kept_as"] = done->keptAs.empty() ? J(nullptr) : J(done->keptAs);
    J others = J::array();
    for (const auto& o : done->others) others.push_back(o.string());
    j["others"] = others;
    printJson(j);
    if (done->fromFolder) {
        std::string list, listEn;
        for (const auto& o : done->others) list += "\n  " + o.filename().string();
        ctx.say("用的是最新的一份：" + done->backup.folder.filename().string() +
                    (done->others.empty() ? std::string("（那里没有别的本站备份）") : "；那里还有：" + list),
                "used the newest: " + done->backup.folder.filename().string() +
                    (done->others.empty() ? std::string(" (no other backup of this site there)") : "; also there:" + list));
    }
    ctx.say("恢复好了：" + std::to_string(done->backup.records) + " 条签到记录（备份时间 " + done->backup.createdAt +
                "）。这台签到机从现在起用新的编号 " + done->newTerminal + " 记录，备份里的记录仍属于 " + done->backup.terminal,
            "restored: " + std::to_string(done->backup.records) + " check-in records (backup of " + done->backup.createdAt +
                "). New records are written under the new terminal id " + done->newTerminal +
                "; the backup's records stay under " + done->backup.terminal);
    return kDone;
}

}  // namespace

void registerBackupVerbs(CLI::App& app, Context& ctx) {
    Verb<BackupArgs>(app, ctx, "backup", "an online, checked copy of the database, keys and site.toml", runBackup)
        .site()
        .required("--to", &BackupArgs::path, "folder the backup folder is made in (e.g. a USB stick)");
    Verb<BackupArgs>(app, ctx, "restore", "put a backup's database back in place (the replaced one is kept)", runRestore)
        .site()
        .required("--from", &BackupArgs::path, "a backup folder made by kiosk backup, or the folder given to backup --to")
        .flag("--force-other-site", &BackupArgs::forceOtherSite, "accept a backup of another site")
        .flag("--force-other-terminal", &BackupArgs::forceOtherTerminal, "accept a backup of another terminal");
}

}  // namespace mh::cli

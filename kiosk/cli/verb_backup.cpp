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

int runBackup(const std::string& dir, const std::string& to, Context& ctx) {
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

int runRestore(const std::string& dir, const std::string& from, const RestoreOptions& options, Context& ctx) {
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
    struct BackupArgs {
        std::string dir = kDefaultSite, path;
        RestoreOptions options;
    };
    auto b = std::make_shared<BackupArgs>();
    CLI::App* bk = app.add_subcommand("backup", "an online, checked copy of the database, keys and site.toml");
    bk->add_option("--site", b->dir, "site directory")->capture_default_str();
    bk->add_option("--to", b->path, "folder the backup folder is made in (e.g. a USB stick)")->required();
    bk->callback([b, &ctx] { ctx.exitCode = runBackup(b->dir, b->path, ctx); });

    auto r = std::make_shared<BackupArgs>();
    CLI::App* rs = app.add_subcommand("restore", "put a backup's database back in place (the replaced one is kept)");
    rs->add_option("--site", r->dir, "site directory")->capture_default_str();
    rs->add_option("--from", r->path, "a backup folder made by kiosk backup, or the folder given to backup --to")->required();
    rs->add_flag("--force-other-site", r->options.forceOtherSite, "accept a backup of another site");
    rs->add_flag("--force-other-terminal", r->options.forceOtherTerminal, "accept a backup of another terminal");
    rs->callback([r, &ctx] { ctx.exitCode = runRestore(r->dir, r->path, r->options, ctx); });
}

}  // namespace mh::cli

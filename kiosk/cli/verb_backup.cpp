// `kiosk backup` / `kiosk restore` (contract 3): parse, call the site_backup use cases, print JSON.
// Exit 0 done; 1 refused (another site's or terminal's backup, a damaged one, the kiosk running);
// 2 bad usage or no site to back up.
#include "cli/cli_common.hpp"
#include "shared/site/site_backup.hpp"

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
        return done.error().code == "restore.not_backup" || done.error().code == "restore.incomplete" ? kUsage : kRefused;
    }
    J j{{"ok", true}};
    j.update(backupJson(done->backup));
    j["kept_as"] = done->keptAs.empty() ? J(nullptr) : J(done->keptAs);
    printJson(j);
    ctx.say("恢复好了：" + std::to_string(done->backup.records) + " 条签到记录（备份时间 " + done->backup.createdAt + "）",
            "restored: " + std::to_string(done->backup.records) + " check-in records (backup of " + done->backup.createdAt + ")");
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
    rs->add_option("--from", r->path, "a backup folder made by kiosk backup")->required();
    rs->add_flag("--force-other-site", r->options.forceOtherSite, "accept a backup of another site");
    rs->add_flag("--force-other-terminal", r->options.forceOtherTerminal, "accept a backup of another terminal");
    rs->callback([r, &ctx] { ctx.exitCode = runRestore(r->dir, r->path, r->options, ctx); });
}

}  // namespace mh::cli

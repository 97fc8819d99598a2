// Verbs that set a site up: `init` and `roster import`.
#include <iostream>

#include "cli/cli_common.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/site_init.hpp"

namespace mh::cli {
namespace {

struct InitArgs {
    std::string site = kDefaultSite, siteId, name;
};

int runInit(const InitArgs& a, Context& ctx) {
    // The same use case as the first run on the screen (site_init.hpp).
    auto site = initSite(a.site, a.siteId, a.name, ctx.clock, "admin");
    if (!site) {
        ctx.error(site.error());
        return kUsage;
    }
    nlohmann::ordered_json j;
    j["site_id"] = a.siteId;
    j["name"] = a.name;
    j["dir"] = std::filesystem::absolute(a.site).string();
    j["card_public_key"] = (*site)->keys().publicKeyBase32();
    printJson(j);
    ctx.say("站点已创建。下一步：编辑 " + a.site + "/site.toml，然后导入老人名单（kiosk roster import）",
            "Site created. Next: edit " + a.site + "/site.toml, then import the roster (kiosk roster import)");
    return kDone;
}

struct ImportArgs {
    std::string site = kDefaultSite, file, staff = "admin";
};

int runImport(const ImportArgs& a, Context& ctx) {
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto report = importRosterFile(*site, a.file, ctx.today(*site), ctx.nowIso(*site), a.staff);
    if (!report) {
        ctx.error(report.error());
        return kUsage;
    }
    nlohmann::ordered_json j;
    j["added"] = report->added;
    j["updated"] = report->updated;
    j["unchanged"] = report->unchanged;
    if (report->rejectedNotListed > 0) j["rejected_not_listed"] = report->rejectedNotListed;
    if (report->warningsNotListed > 0) j["warnings_not_listed"] = report->warningsNotListed;
    j["rejected"] = nlohmann::ordered_json::array();
    for (const auto& r : report->rejected) {
        nlohmann::ordered_json jr;
        jr["line"] = r.line;
        if (!r.elderId.empty()) jr["elder_id"] = r.elderId;
        jr["reason"] = ctx.pick(r.reason, r.reasonEn);
        j["rejected"].push_back(jr);
    }
    // Warned rows were imported; they are listed the same way so staff can fix them in the sheet.
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : report->warnings) {
        nlohmann::ordered_json jw;
        jw["line"] = w.line;
        if (!w.elderId.empty()) jw["elder_id"] = w.elderId;
        jw["warning"] = ctx.pick(w.reason, w.reasonEn);
        j["warnings"].push_back(jw);
    }
    if (!report->ignoredColumns.empty()) {
        j["ignored_columns"] = report->ignoredColumns;
        std::string cols;
        for (const auto& c : report->ignoredColumns) cols += (cols.empty() ? "" : "、") + c;
        ctx.say("注意：这些列不认识，已忽略：" + cols + "（可用的列见 README）",
                "note: these columns are not known and were ignored: " + cols);
    }
    printJson(j);
    ctx.say("新增 " + std::to_string(report->added) + " 人，更新 " + std::to_string(report->updated) + " 人，未变 " +
                std::to_string(report->unchanged) + " 人，退回 " + std::to_string(report->rejectedCount()) + " 行",
            "added " + std::to_string(report->added) + ", updated " + std::to_string(report->updated) + ", unchanged " +
                std::to_string(report->unchanged) + ", rejected " + std::to_string(report->rejectedCount()));
    for (const auto& r : report->rejected)
        ctx.say("  第" + std::to_string(r.line) + "行：" + r.reason, "  line " + std::to_string(r.line) + ": " + r.reasonEn);
    if (report->rejectedNotListed > 0)
        ctx.say("  ……另有 " + std::to_string(report->rejectedNotListed) + " 行退回，没有逐行列出",
                "  ... and " + std::to_string(report->rejectedNotListed) + " more rejected lines not listed");
    if (report->warningCount() > 0)
        ctx.say("已导入但请注意 " + std::to_string(report->warningCount()) + " 行：",
                "imported, but note " + std::to_string(report->warningCount()) + " lines:");
    for (const auto& w : report->warnings)
        ctx.say("  第" + std::to_string(w.line) + "行：" + w.reason, "  line " + std::to_string(w.line) + ": " + w.reasonEn);
    if (report->warningsNotListed > 0)
        ctx.say("  ……另有 " + std::to_string(report->warningsNotListed) + " 行，没有逐行列出",
                "  ... and " + std::to_string(report->warningsNotListed) + " more not listed");
    return report->rejectedCount() == 0 ? kDone : kRefused;
}

}  // namespace

void registerSiteVerbs(CLI::App& app, Context& ctx) {
    auto init = std::make_shared<InitArgs>();
    CLI::App* i = app.add_subcommand("init", "create a new site: database, default site.toml, signing key");
    i->add_option("--site", init->site, "site directory")->capture_default_str();
    i->add_option("--site-id", init->siteId, "county code + site number, e.g. 141022-001")->required();
    i->add_option("--name", init->name, "site name, e.g. 北关村老年食堂")->required();
    i->callback([init, &ctx] { ctx.exitCode = runInit(*init, ctx); });

    auto imp = std::make_shared<ImportArgs>();
    CLI::App* roster = app.add_subcommand("roster", "the elder roster");
    roster->require_subcommand(1);
    CLI::App* ri = roster->add_subcommand("import", "import or update elders from a CSV file (UTF-8)");
    ri->add_option("--site", imp->site, "site directory")->capture_default_str();
    ri->add_option("--staff", imp->staff, "who imports (for the audit log)");
    ri->add_option("file", imp->file, "roster CSV")->required();
    ri->callback([imp, &ctx] { ctx.exitCode = runImport(*imp, ctx); });
}

}  // namespace mh::cli

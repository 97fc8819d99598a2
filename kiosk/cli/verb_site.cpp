// Verbs that set a site up: `init` and `roster import`.
#include <iostream>

#include "cli/cli_common.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "shared/peers/pairing_join.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/site_init.hpp"

namespace mh::cli {
namespace {

struct InitArgs {
    std::string site = kDefaultSite, siteId, name;
    std::string join, code, listen = "0.0.0.0:7443";  // init --join: a second terminal of a site
};

// `init --join ADDR:PORT --code NNNNNN`: exit 1 for a code that does not work or an answer that
// cannot be used, 2 for bad usage, an unreachable terminal or a directory that cannot be written.
int runJoin(const InitArgs& a, Context& ctx) {
    CurlOptions copt;
    copt.connectTimeoutMs = 5'000;
    copt.totalTimeoutMs = 60'000;  // the roster of a big site, over a slow wireless link
    CurlHttpClient http(copt);
    JoinOptions o;
    o.address = a.join;
    o.code = a.code;
    o.listen = a.listen;
    o.clock = &ctx.clock;
    auto r = joinSite(http, a.site, o);
    if (!r) {
        ctx.error(r.error());
        const std::string& c = r.error().code;
        return c == "join.code" || c == "join.reply" || c == "join.site" || c == "join.unfinished" ? kRefused : kUsage;
    }
    nlohmann::ordered_json j;
    j["site_id"] = r->siteId;
    j["name"] = r->name;
    j["dir"] = std::filesystem::absolute(a.site).string();
    j["terminal"] = r->terminal;
    j["joined_from"] = r->fromTerminal;
    j["rows_copied"] = r->rowsCopied;
    j["peers"] = r->peers;
    j["unreached"] = r->unreached;
    printJson(j);
    ctx.say("已加入站点 " + r->name + "（" + r->siteId + "）：本机编号 " + r->terminal + "，从 " + r->fromTerminal +
                " 复制了设置、密钥和名单。启动本机：kiosk run 或 kiosk serve",
            "joined site " + r->name + " (" + r->siteId + "): this terminal is " + r->terminal + "; settings, keys and roster copied from " +
                r->fromTerminal + ". Start it with kiosk run or kiosk serve");
    for (const auto& p : r->unreached)
        ctx.say("注意：" + p + " 的签到机现在连不上，没能告诉它本机的地址；请在那台机器的 site.toml [peers] addresses 里手工加上本机",
                "note: the terminal at " + p + " could not be reached to learn this one's address; add it to its [peers] addresses by hand");
    if (!r->peerAdded)
        ctx.say("注意：那台签到机没能记下本机的地址：" + r->peerNote, "note: the other terminal could not write down this one's address");
    return kDone;
}

int runInit(const InitArgs& a, Context& ctx) {
    if (!a.join.empty()) {
        if (!a.siteId.empty() || !a.name.empty()) {
            ctx.say("加入已有站点时不写 --site-id 和 --name（它们从那台签到机复制过来）",
                    "--site-id and --name are not given with --join (they are copied from the other terminal)");
            return kUsage;
        }
        if (a.code.empty()) {
            ctx.say("缺少 --code：那台签到机屏幕上（设置页）的六位配对码", "--code is missing: the six-digit pairing code");
            return kUsage;
        }
        return runJoin(a, ctx);
    }
    // Without --site-id this is neither a new site nor a join; an empty --name is Site::init's to refuse.
    if (a.siteId.empty()) {
        ctx.say("新建站点要写 --site-id（站点编号）和 --name（站点名称）；加入已有站点写 --join 地址:端口 --code 配对码",
                "a new site needs --site-id and --name; to join one, --join HOST:PORT --code NNNNNN");
        return kUsage;
    }
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

int runImport(const ImportArgs& a, Context& ctx, Site& site) {
    auto report = importRosterFile(site, a.file, ctx.today(site), ctx.nowIso(site), a.staff);
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
    // Warned rows were imported; they are listed the same way as refused ones so staff can fix
    // them in the sheet.
    auto rows = [&](const auto& list, const char* why) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& r : list) {
            nlohmann::ordered_json jr;
            jr["line"] = r.line;
            if (!r.elderId.empty()) jr["elder_id"] = r.elderId;
            jr[why] = ctx.pick(r.reason, r.reasonEn);
            out.push_back(std::move(jr));
        }
        return out;
    };
    j["rejected"] = rows(report->rejected, "reason");
    j["warnings"] = rows(report->warnings, "warning");
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
    // site.toml naming a village the roster now lacks: said after each import, when it is fixable.
    for (const auto& w : policyVillageWarnings(site)) ctx.say("注意：" + w, "note: " + w);
    return report->rejectedCount() == 0 ? kDone : kRefused;
}

}  // namespace

void registerSiteVerbs(CLI::App& app, Context& ctx) {
    Verb<InitArgs>(app, ctx, "init", "create a new site: database, default site.toml, signing key", runInit)
        .site()
        .option("--site-id", &InitArgs::siteId, "county code + site number, e.g. 141022-001 (a new site)")
        .option("--name", &InitArgs::name, "site name, e.g. 北关村老年食堂 (a new site)")
        .option("--join", &InitArgs::join, "join the site of the terminal at HOST:PORT (it shows the pairing code)")
        .option("--code", &InitArgs::code, "with --join: the six-digit pairing code shown on that terminal")
        .shown("--listen", &InitArgs::listen, "with --join: where this terminal will serve its peers");
    Verb<ImportArgs>(verbGroup(app, "roster", "the elder roster"), ctx, "import", "import or update elders from a CSV file (UTF-8)", runImport)
        .site()
        .option("--staff", &ImportArgs::staff, "who imports (for the audit log)")
        .required("file", &ImportArgs::file, "roster CSV");
}

}  // namespace mh::cli

// `serve`: a terminal without a screen (contract 3, 11). The peer server for the site's other
// terminals with a pairing code for `init --join` (`--code-file F`, 0600, rewritten whenever a new
// code is made), the county uploader and the posting and backup jobs — the same set `run` starts
// beside its window (gui/site_services.hpp) — until SIGTERM or SIGINT. Logs go to stderr (the
// journal); one JSON line on stdout says where it listens (the port matters with --listen ...:0).
#include <signal.h>

#include <iostream>

#include "cli/cli_common.hpp"
#include "kiosk/gui/site_services.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/core/atomic_file.hpp"
#include "shared/site/site_lock.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh::cli {
namespace {

struct ServeArgs {
    std::string site = kDefaultSite, listen, codeFile;
};

bool writeCode(const std::string& file, const std::string& code, const Context& ctx) {
    if (file.empty()) return true;
    if (auto st = writeFileAtomic(file, code + "\n"); !st) {
        ctx.error(st.error());
        return false;
    }
    return true;
}

int runServe(const ServeArgs& a, Context& ctx) {
    if (!a.listen.empty() && !parseHostPort(a.listen, /*allowPortZero=*/true)) {
        ctx.say("--listen 应写成 地址:端口，例如 0.0.0.0:7443", "--listen must be host:port, e.g. 0.0.0.0:7443");
        return kUsage;
    }
    // Blocked before any thread starts, so every thread inherits the mask and the signal waits for
    // sigtimedwait below instead of killing the process mid-write.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto site = ctx.openSite(a.site, /*keepLastGood=*/true);
    if (!site) return kUsage;
    // One run or serve per site directory (site_lock.hpp), held until this function returns.
    auto lock = SiteLock::take(site->dir(), "serve");
    if (!lock) {
        ctx.error(lock.error());
        return kUsage;
    }
    if (!site->configProblem().empty())
        ctx.say("site.toml 有错，按上次正确的设置运行：" + site->configDetail(),
                "site.toml is broken, running on the last good configuration: " + site->configDetail());
    gui::SiteServicesOptions opt;
    opt.listen = a.listen;
    std::optional<gui::SiteServices> built;
    try {
        built.emplace(*site, ctx.clock, curlClientFactory(site->dir()), opt);
    } catch (const StoreError& e) {
        ctx.say(std::string("无法打开站点数据库：") + e.what(), std::string("cannot open the site database: ") + e.what());
        return kUsage;
    }
    gui::SiteServices& services = *built;
    if (auto st = services.start(); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    std::string terminal = loadTerminalIdentity(site->db()).id;
    if (!writeCode(a.codeFile, services.pairingCode().view().code, ctx)) return kUsage;
    nlohmann::ordered_json j;
    j["terminal"] = terminal;
    j["site_id"] = site->config().siteId;
    j["port"] = services.peerPort();
    j["join_address"] = services.joinAddress();
    printJson(j);
    std::cout.flush();
    ctx.say("本机（" + terminal + "）在 " + services.joinAddress() + " 等候同一食堂的其他签到机" +
                (a.codeFile.empty() ? "" : "；配对码写在 " + a.codeFile),
            "terminal " + terminal + " serves the site's other terminals at " + services.joinAddress() +
                (a.codeFile.empty() ? "" : "; pairing code in " + a.codeFile));
    timespec tick{1, 0};
    for (;;) {
        int sig = sigtimedwait(&stopSignals, nullptr, &tick);
        if (sig == SIGTERM || sig == SIGINT) break;
        // A used or expired code is replaced at once (a burnt one after its 10 minutes), so scripts
        // reading the file always find one that can still work.
        if (services.pairingCode().renewIfDue()) writeCode(a.codeFile, services.pairingCode().view().code, ctx);
    }
    services.stop();
    ctx.say("已停止", "stopped");
    return kDone;
}

}  // namespace

void registerServeVerb(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<ServeArgs>();
    CLI::App* s = app.add_subcommand("serve", "headless terminal: peer service, pairing code, uploads and posting (until SIGTERM)");
    s->add_option("--site", a->site, "site directory")->capture_default_str();
    s->add_option("--listen", a->listen, "where to serve the other terminals, host:port (default: [peers] listen)");
    s->add_option("--code-file", a->codeFile, "write the six-digit pairing code to this file (0600)");
    s->callback([a, &ctx] { ctx.exitCode = runServe(*a, ctx); });
}

}  // namespace mh::cli

// `serve`: a terminal without a screen (contract 3, 11). The peer server for the site's other
// terminals, the county uploader and the posting and backup jobs — the same set `run` starts beside
// its window (gui/site_services.hpp) — until SIGTERM or SIGINT. Logs go to stderr (the journal); one
// JSON line on stdout says where it listens (the port matters with --listen ...:0; 0 while closed).
// Pairing codes, for scripts: `--code-file F` shows one code at start by writing it to F (0600); it
// lives 10 minutes and serves one join, and F is deleted when it is used, expires or is burnt. SIGUSR1
// (`kill -USR1 PID`; the pid is in the JSON line) shows a fresh one in F. Without a code shown, a site
// with no [peers] addresses opens no port at all.
#include <signal.h>
#include <unistd.h>

#include <iostream>

#include "cli/cli_common.hpp"
#include "kiosk/app/site_services.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/core/atomic_file.hpp"
#include "shared/site/terminal_facts.hpp"

namespace mh::cli {
namespace {

struct ServeArgs {
    std::string site = kDefaultSite, listen, codeFile;
};

// The code shown in F, and F deleted once that code can no longer be used: F holds a live code or
// nothing.
class CodeFile {
public:
    CodeFile(std::string file, app::SiteServices& services, const Context& ctx) : m_file(std::move(file)), m_services(services), m_ctx(ctx) {}

    bool show() {
        if (m_file.empty()) {
            m_ctx.say("没有 --code-file，配对码无处显示；请用 kiosk serve --code-file 文件 启动",
                      "no --code-file: nowhere to show a pairing code; start serve with --code-file FILE");
            return false;
        }
        auto code = m_services.showPairingCode();
        if (!code) {
            m_ctx.error(code.error());
            return false;
        }
        if (auto st = writeFileAtomic(m_file, *code + "\n"); !st) {
            m_ctx.error(st.error());
            return false;
        }
        m_serial = m_services.pairingCode().view().serial;
        m_ctx.say("配对码写在 " + m_file + "，10 分钟内有效，只能用一次；本机在 " + m_services.joinAddress() + " 等候加入",
                  "pairing code in " + m_file + ", valid 10 minutes, single use; joins are taken at " + m_services.joinAddress());
        return true;
    }
    // Once a second: the file goes when its code can no longer be used.
    void check() {
        if (m_serial == 0) return;
        PairingCodeView v = m_services.pairingCode().view();
        if (v.serial == m_serial && v.usable) return;
        std::error_code ec;
        std::filesystem::remove(m_file, ec);
        m_serial = 0;
        const std::string why = v.state == CodeCheck::Used ? "已用过" : v.state == CodeCheck::Expired ? "已过期" : "已作废";
        m_ctx.say("配对码" + why + "，已删除 " + m_file + "；要再加一台签到机：kill -USR1 " + std::to_string(::getpid()),
                  "the pairing code is no longer valid; " + m_file + " deleted. For another: kill -USR1 " + std::to_string(::getpid()));
    }

private:
    std::string m_file;
    app::SiteServices& m_services;
    const Context& m_ctx;
    std::uint64_t m_serial = 0;  // of the code in the file; 0: no file
};

int runServe(const ServeArgs& a, Context& ctx) {
    if (!a.listen.empty() && !parseHostPort(a.listen, /*allowPortZero=*/true)) {
        ctx.say("--listen 应写成 地址:端口，例如 0.0.0.0:7443", "--listen must be host:port, e.g. 0.0.0.0:7443");
        return kUsage;
    }
    // Blocked before any thread starts, so every thread inherits the mask and the signal waits for
    // sigtimedwait below instead of killing the process mid-write.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // One run or serve per site directory (site_lock.hpp), held until this function returns.
    auto held = ctx.openSiteLocked(a.site, "serve");
    if (!held) return kUsage;
    std::unique_ptr<Site>& site = held->first;
    if (!site->configProblem().empty())
        ctx.say("site.toml 有错，按上次正确的设置运行：" + site->configDetail(),
                "site.toml is broken, running on the last good configuration: " + site->configDetail());
    app::SiteServicesOptions opt;
    opt.listen = a.listen;
    opt.listenOption = "--listen";
    std::optional<app::SiteServices> built;
    try {
        built.emplace(*site, ctx.clock, curlClientFactory(site->dir()), opt);
    } catch (const StoreError& e) {
        ctx.say(std::string("无法打开站点数据库：") + e.what(), std::string("cannot open the site database: ") + e.what());
        return kUsage;
    }
    app::SiteServices& services = *built;
    if (auto st = services.start(); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    CodeFile codeFile(a.codeFile, services, ctx);
    if (!a.codeFile.empty() && !codeFile.show()) return kUsage;
    std::string terminal = terminalIdOf(*site);
    nlohmann::ordered_json j;
    j["terminal"] = terminal;
    j["site_id"] = site->config().siteId;
    j["listening"] = services.listening();
    j["port"] = services.peerPort();
    j["join_address"] = services.joinAddress();
    j["pid"] = ::getpid();
    // The sentence for people first, then the JSON line scripts wait for: once that line is out,
    // everything serve had to say at start is out too.
    if (services.listening())
        ctx.say("本机（" + terminal + "）在 " + services.joinAddress() + " 等候同一食堂的其他签到机",
                "terminal " + terminal + " serves the site's other terminals at " + services.joinAddress());
    else
        ctx.say("本机（" + terminal + "）还没有其他签到机，不开网络端口；要加一台，用 --code-file 显示配对码",
                "terminal " + terminal + " has no other terminals and opens no port; show a pairing code (--code-file) to add one");
    printJson(j);
    std::cout.flush();
    timespec tick{1, 0};
    for (;;) {
        int sig = sigtimedwait(&signals, nullptr, &tick);
        if (sig == SIGTERM || sig == SIGINT) break;
        if (sig == SIGUSR1) codeFile.show();
        codeFile.check();
    }
    services.stop();
    ctx.say("已停止", "stopped");
    return kDone;
}

}  // namespace

void registerServeVerb(CLI::App& app, Context& ctx) {
    Verb<ServeArgs>(app, ctx, "serve", "headless terminal: peer service, pairing code, uploads and posting (until SIGTERM)", runServe)
        .site()
        .option("--listen", &ServeArgs::listen, "where to serve the other terminals, host:port (default: [peers] listen)")
        .option("--code-file", &ServeArgs::codeFile,
                "show a pairing code: write it to this file (0600; 10 minutes, one join; SIGUSR1: a new one)");
}

}  // namespace mh::cli

// The command-line verbs: each file registers its verbs on the app; callbacks store their exit code
// in ctx. What they share with the screens (the context, exit codes, output) is kiosk/app's.
#pragma once
#include <memory>
#include <string>
#include <type_traits>

#include <CLI/CLI.hpp>

#include "kiosk/app/context.hpp"

namespace mh::cli {

using app::assetsDir;
using app::Context;
using app::GuiOptions;
using app::kDefaultSite;
using app::kDone;
using app::kRefused;
using app::kUsage;
using app::printJson;
using app::setupKeysFile;

// One verb on the command line: its subcommand, its arguments (one Args, kept alive by the callback)
// and `run(args, ctx)` as the callback that sets the exit code. Each option is named once through
// the helpers, so a verb's registration is the list of its options and nothing else; the options
// every verb shares (--site, --service, --at) are spelled, and explained in --help, in one place.
template <class Args>
class Verb {
public:
    template <class Run>
    Verb(CLI::App& parent, Context& ctx, const std::string& name, const std::string& help, Run run)
        : m_args(std::make_shared<Args>()), m_app(parent.add_subcommand(name, help)) {
        m_app->callback([args = m_args, &ctx, run] { ctx.exitCode = call(run, *args, ctx); });
    }

    // --site DIR (Args::site), its default shown in --help.
    Verb& site() { return shown("--site", &Args::site, "site directory"); }
    // --service ID (Args::service), required.
    Verb& service() { return required("--service", &Args::service, "service id from site.toml, e.g. lunch"); }
    // --at TIME (Args::at), as Context::parseAt reads it.
    Verb& at(const std::string& help = "local time, e.g. 2026-11-24T11:32 (default: now)") {
        return option("--at", &Args::at, help);
    }
    template <class T>
    Verb& option(const std::string& name, T Args::*field, const std::string& help) {
        m_app->add_option(name, m_args.get()->*field, help);
        return *this;
    }
    template <class T>
    Verb& required(const std::string& name, T Args::*field, const std::string& help) {
        m_app->add_option(name, m_args.get()->*field, help)->required();
        return *this;
    }
    // An option whose default --help shows.
    template <class T>
    Verb& shown(const std::string& name, T Args::*field, const std::string& help) {
        m_app->add_option(name, m_args.get()->*field, help)->capture_default_str();
        return *this;
    }
    // An option with its default shown, refused outside [lo, hi].
    template <class T>
    Verb& ranged(const std::string& name, T Args::*field, const std::string& help, long lo, long hi) {
        m_app->add_option(name, m_args.get()->*field, help)->capture_default_str()->check(CLI::Range(lo, hi));
        return *this;
    }
    Verb& flag(const std::string& name, bool Args::*field, const std::string& help) {
        m_app->add_flag(name, m_args.get()->*field, help);
        return *this;
    }

private:
    // `run(args, ctx)`; a run that works on the site, `run(args, ctx, site)`, gets it opened from
    // --site first (Context::openSite says why it cannot be, and the verb exits 2).
    template <class Run>
    static int call(const Run& run, const Args& a, Context& ctx) {
        if constexpr (std::is_invocable_v<const Run&, const Args&, Context&, Site&>) {
            auto site = ctx.openSite(a.site);
            if (!site) return kUsage;
            return run(a, ctx, *site);
        } else {
            return run(a, ctx);
        }
    }

    std::shared_ptr<Args> m_args;
    CLI::App* m_app;
};

// A verb that only groups others (`card issue`, `policy explain`): exactly one of them must follow.
inline CLI::App& verbGroup(CLI::App& app, const std::string& name, const std::string& help) {
    CLI::App* group = app.add_subcommand(name, help);
    group->require_subcommand(1);
    return *group;
}

void registerSiteVerbs(CLI::App& app, Context& ctx);     // init, roster import
void registerCheckinVerbs(CLI::App& app, Context& ctx);  // scan, void, tally
void registerDemoVerb(CLI::App& app, Context& ctx);      // demo
void registerPostingVerbs(CLI::App& app, Context& ctx);  // posting, donation add
void registerUploadVerb(CLI::App& app, Context& ctx);    // upload
void registerStatusVerb(CLI::App& app, Context& ctx);    // status
void registerScreenshotVerb(CLI::App& app, Context& ctx);  // screenshot
void registerRunVerb(CLI::App& app, Context& ctx);       // run (the full-screen kiosk)
void registerStaffVerbs(CLI::App& app, Context& ctx);    // staff pin
void registerPolicyVerbs(CLI::App& app, Context& ctx);   // policy explain
void registerBackupVerbs(CLI::App& app, Context& ctx);   // backup, restore
void registerCardVerb(CLI::App& app, Context& ctx);      // card issue
void registerDecodeVerb(CLI::App& app, Context& ctx);    // decode
void registerListenVerb(CLI::App& app, Context& ctx);    // listen (camera / replay)
void registerServeVerb(CLI::App& app, Context& ctx);     // serve (headless terminal for the site's peers)
void registerSetupCardVerb(CLI::App& app, Context& ctx); // setup-card (county IT)
void registerClockVerb(CLI::App& app, Context& ctx);     // clock confirm
void registerSafetyVerbs(CLI::App& app, Context& ctx);   // safety add, safety status
void registerMenuVerbs(CLI::App& app, Context& ctx);     // menu set, menu show, menu sheet, kitchen
void registerJournalVerbs(CLI::App& app, Context& ctx);  // journal verify
void registerReviewVerb(CLI::App& app, Context& ctx);    // review (今日核对)
void registerPaperRosterVerb(CLI::App& app, Context& ctx);  // paper-roster (停电签到表)
void registerMealVerb(CLI::App& app, Context& ctx);      // meal (guests, staff, volunteers)
void registerDeliveryVerbs(CLI::App& app, Context& ctx); // delivery, delivery alerts / handled / sheet
void registerSettlementVerb(CLI::App& app, Context& ctx); // settlement (the claim)
void registerFeedbackVerb(CLI::App& app, Context& ctx);  // feedback (the elders' score of a meal)

}  // namespace mh::cli

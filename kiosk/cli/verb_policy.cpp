// `policy explain`: why an elder pays what they pay (contract 3). The logic is the core use case
// explainPolicy; this file only reads options and prints.
#include <iostream>

#include "cli/cli_common.hpp"
#include "shared/policy/policy_explain.hpp"

namespace mh::cli {
namespace {

struct ExplainArgs {
    std::string site = kDefaultSite, elder, service, at;
};

int runExplain(const ExplainArgs& a, Context& ctx) {
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    LocalDateTime when = at->value_or(site->timeZone().toLocal(ctx.clock.nowUnix()));
    auto e = explainPolicy(*site, a.elder, a.service, when);
    if (!e) {
        ctx.error(e.error());
        return e.error().code == "explain.unknown" ? kRefused : kUsage;
    }
    printJson(explanationJson(*e, site->config()));
    if (!ctx.english) std::cerr << e->sentence << "\n";
    return kDone;
}

}  // namespace

void registerPolicyVerbs(CLI::App& app, Context& ctx) {
    CLI::App* policy = app.add_subcommand("policy", "the subsidy policy of site.toml");
    policy->require_subcommand(1);
    auto ex = std::make_shared<ExplainArgs>();
    CLI::App* e = policy->add_subcommand("explain", "which rules match an elder now, which apply, and the split (records nothing)");
    e->add_option("--site", ex->site, "site directory")->capture_default_str();
    e->add_option("--elder", ex->elder, "elder id from the roster")->required();
    e->add_option("--service", ex->service, "service id from site.toml, e.g. lunch")->required();
    e->add_option("--at", ex->at, "local time, e.g. 2026-11-24T11:32 (default: now)");
    e->callback([ex, &ctx] { ctx.exitCode = runExplain(*ex, ctx); });
}

}  // namespace mh::cli

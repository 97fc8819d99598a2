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
    Verb<ExplainArgs>(verbGroup(app, "policy", "the subsidy policy of site.toml"), ctx, "explain",
                      "which rules match an elder now, which apply, and the split (records nothing)", runExplain)
        .site()
        .required("--elder", &ExplainArgs::elder, "elder id from the roster")
        .service()
        .at();
}

}  // namespace mh::cli

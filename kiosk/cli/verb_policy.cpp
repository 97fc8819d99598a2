// `policy explain`: why an elder pays what they pay (contract 3). The logic is the core use case
// explainScan (shared/checkin/scan_preview.hpp); this file only reads options and prints.
#include <iostream>

#include "cli/cli_common.hpp"
#include "shared/checkin/scan_preview.hpp"

namespace mh::cli {
namespace {

struct ExplainArgs {
    std::string site = kDefaultSite, elder, service, at;
    bool delivered = false;
};

int runExplain(const ExplainArgs& a, Context& ctx, Site& site) {
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    LocalDateTime when = at->value_or(site.timeZone().toLocal(ctx.clock.nowUnix()));
    auto e = explainScan(site, ElderId(a.elder), ServiceId(a.service), when, a.delivered);
    if (!e) {
        ctx.error(e.error());
        return e.error().code == "explain.unknown" ? kRefused : kUsage;
    }
    auto j = explanationJson(*e, site.config().policy);
    auto warnings = policyVillageWarnings(site);
    if (!warnings.empty()) j["warnings"] = warnings;
    printJson(j);
    if (!ctx.english) std::cerr << e->sentence << "\n";
    for (const auto& w : warnings) std::cerr << "注意：" << w << "\n";
    return kDone;
}

}  // namespace

void registerPolicyVerbs(CLI::App& app, Context& ctx) {
    Verb<ExplainArgs>(verbGroup(app, "policy", "the subsidy policy of site.toml"), ctx, "explain",
                      "which rules match an elder now, which apply, and the split (records nothing)", runExplain)
        .site()
        .required("--elder", &ExplainArgs::elder, "elder id from the roster")
        .service()
        .at()
        .flag("--delivered", &ExplainArgs::delivered, "a delivered meal (送餐): priced with its delivery fee");
}

}  // namespace mh::cli

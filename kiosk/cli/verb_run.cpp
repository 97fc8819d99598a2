// `run`: the full-screen kiosk on a site.
#include "cli/cli_common.hpp"

namespace mh::cli {

void registerRunVerb(CLI::App& app, Context& ctx) {
    auto site = std::make_shared<std::string>(kDefaultSite);
    CLI::App* r = app.add_subcommand("run", "the full-screen check-in kiosk (MEALHALL_WINDOW=1024x600 for a window)");
    r->add_option("--site", *site, "site directory")->capture_default_str();
    r->callback([site, &ctx] {
        auto s = ctx.openSite(*site);
        ctx.exitCode = s ? runKioskGui(*s, ctx) : kUsage;
    });
}

}  // namespace mh::cli

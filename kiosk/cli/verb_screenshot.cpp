// `screenshot`: renders one kiosk screen offscreen to a PNG (no display needed), for manuals,
// reviews and the pixel tests.
#include <cstdio>

#include "cli/cli_common.hpp"
#include "shared/core/atomic_file.hpp"
#include "kiosk/render/screenshot.hpp"

namespace mh::cli {
namespace {

struct ShotArgs {
    std::string site = kDefaultSite;
    std::string screen;
    std::string out;
    std::string size = "1280x800";
    double diagonal = 0;
    std::string at;
    bool training = false;
};

int runScreenshot(const ShotArgs& a, Context& ctx) {
    render::ScreenshotOptions opt;
    opt.screen = a.screen;
    opt.diagonalInch = a.diagonal;
    opt.training = a.training;
    if (std::sscanf(a.size.c_str(), "%dx%d", &opt.width, &opt.height) != 2) {
        ctx.say("--size 应写成 宽x高，例如 1280x800", "--size must look like 1280x800");
        return kUsage;
    }
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    opt.at = *at;
    // The first-run steps are drawn before any site exists: --site is not read for them.
    bool firstRun = a.screen.rfind("firstrun-", 0) == 0;
    std::unique_ptr<Site> site;
    if (!firstRun && !(site = ctx.openSite(a.site))) return kUsage;
    auto shot = firstRun ? render::renderFirstRunScreen(opt) : render::renderScreen(*site, opt);
    if (!shot) {
        ctx.error(shot.error());
        return kUsage;
    }
    auto saved = writeFileAtomic(a.out, [&](const std::filesystem::path& temp) { return (*shot)->canvas->savePng(temp.string()); });
    if (!saved) {
        ctx.say("无法写入 " + a.out, "cannot write " + a.out);
        return kUsage;
    }
    nlohmann::ordered_json j;
    j["screen"] = a.screen;
    j["out"] = a.out;
    j["width"] = opt.width;
    j["height"] = opt.height;
    j["px_per_mm"] = (*shot)->metrics.pxPerMm;
    printJson(j);
    return kDone;
}

}  // namespace

namespace {
// Every name --screen takes, from the lists the renderer itself checks against.
std::string screenList() {
    std::string out;
    for (const auto* names : {&render::screenNames(), &render::firstRunScreenNames()})
        for (const std::string& n : *names) out += (out.empty() ? "" : ", ") + n;
    return out;
}
}  // namespace

void registerScreenshotVerb(CLI::App& app, Context& ctx) {
    Verb<ShotArgs>(app, ctx, "screenshot", "render one kiosk screen to a PNG, no display needed", runScreenshot)
        .site()
        .required("--screen", &ShotArgs::screen, screenList())
        .required("--out", &ShotArgs::out, "PNG file to write")
        .shown("--size", &ShotArgs::size, "WIDTHxHEIGHT in pixels")
        .option("--diagonal", &ShotArgs::diagonal, "panel diagonal in inches (default: site.toml, else 96 dpi)")
        .flag("--training", &ShotArgs::training, "draw it as training mode (run --at) shows it: inside the 培训模式 frame")
        .at("the time shown, e.g. 2026-11-25T11:32 (default: now)");
}

}  // namespace mh::cli

// `kiosk run` on a directory that was never initialised: the first-run flow on the screen, with the
// wedge scanner and the camera as the normal scan inputs, until the site is in place.

#include "kiosk/gui/gui_app.hpp"
#include "kiosk/gui/first_run_loop.hpp"
#include "kiosk/gui/window_inputs.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/sdl_ui/sdl_window.hpp"
#include "shared/site/setup_card_keys.hpp"

namespace mh::gui {

using app::Context;
using app::GuiOptions;
using app::kDone;
using app::kUsage;

int runFirstRunGui(const std::filesystem::path& dir, Context& ctx, const GuiOptions& options, bool* finished) {
    *finished = false;
    ui::FirstRunOptions opt;
    opt.siteDir = dir;
    if (auto keys = loadTrustedSetupKeys(app::setupKeysFile())) opt.trustedSetupKeys = *keys;
    else {
        opt.setupKeysProblem = keys.error().message;
        ctx.error(keys.error());
    }
    // No site yet: the scan inputs as a default site.toml has them (the first camera found).
    WindowInputs inputs(SiteConfig{}, options.replay);
    if (auto started = inputs.start(); !started) {
        ctx.error(started.error());
        return kUsage;
    }
    ui::ImGuiSession session;
    auto win = openWindow(ctx, "老年食堂签到 · 首次设置",
                          {"没有可用的显示器，无法在屏幕上做首次设置（也可以用 kiosk init 在命令行设置）",
                           "no display available for the first run on the screen (kiosk init works from a shell)",
                           "无法打开画面：", "cannot open the window: "});
    if (!win) return kUsage;
    inputs.windowReady();
    ctx.say("这台自助机还没有设置过：在屏幕上做首次设置", "this terminal was never set up: first run on the screen");
    ui::FirstRunController ctl(opt, ctx.clock);
    FirstRunLoop loop(*win, ctl, inputs.loopInputs());
    while (!ctl.finished() && loop.step()) {
    }
    inputs.stop();
    *finished = ctl.finished();
    return kDone;
}

}  // namespace mh::gui

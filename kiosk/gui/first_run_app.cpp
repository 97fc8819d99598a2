// `kiosk run` on a directory that was never initialised: the first-run flow on the screen, with the
// wedge scanner and the camera as the normal scan inputs, until the site is in place.
#include <SDL.h>

#include <atomic>
#include <cstdlib>

#include "kiosk/gui/gui_app.hpp"
#include "kiosk/gui/first_run_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
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
    SteadyMonoClock mono;
    std::atomic<Uint32> wakeType{0};
    kiosk::LiveInputs inputs(kiosk::liveInputOptions(SiteConfig{}, options.replay), mono);
    auto started = inputs.start([&wakeType] {
        SDL_Event ev{};
        if ((ev.type = wakeType.load()) != 0) SDL_PushEvent(&ev);
    });
    if (!started) {
        ctx.error(started.error());
        return kUsage;
    }
    if (!platform::SdlWindow::displayAvailable()) {
        ctx.say("没有可用的显示器，无法在屏幕上做首次设置（也可以用 kiosk init 在命令行设置）",
                "no display available for the first run on the screen (kiosk init works from a shell)");
        return kUsage;
    }
    ui::ImGuiSession session;
    std::unique_ptr<platform::SdlWindow> win;
    try {
        int w = 0, h = 0;
        if (const char* env = std::getenv("MEALHALL_WINDOW")) std::sscanf(env, "%dx%d", &w, &h);
        win = std::make_unique<platform::SdlWindow>("老年食堂签到 · 首次设置", w, h);
    } catch (const std::exception& e) {
        ctx.say(std::string("无法打开画面：") + e.what(), std::string("cannot open the window: ") + e.what());
        return kUsage;
    }
    if (Uint32 t = SDL_RegisterEvents(1); t != Uint32(-1)) wakeType = t;
    ctx.say("这台自助机还没有设置过：在屏幕上做首次设置", "this terminal was never set up: first run on the screen");
    ui::FirstRunController ctl(opt, ctx.clock);
    SDL_StartTextInput();
    LoopInputs loopInputs{[&inputs](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                               [&inputs](std::int64_t ms) { inputs.onEnter(ms); },
                               [&inputs](ui::CommandQueue& q) { inputs.drainInto(q); },
                               [&inputs] { return inputs.status().zh; }};
    FirstRunLoop loop(*win, ctl, std::move(loopInputs));
    while (!ctl.finished() && loop.step()) {
    }
    SDL_StopTextInput();
    wakeType = 0;
    inputs.stop();
    *finished = ctl.finished();
    return kDone;
}

}  // namespace mh::gui

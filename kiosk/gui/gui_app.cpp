// The running kiosk: an event-driven loop that sleeps in SDL_WaitEventTimeout and draws only when an
// event, the minute or the result timer asks for it, so an idle kiosk uses next to no CPU.
#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <iostream>

#include "cli/cli_common.hpp"
#include "kiosk/gui/kiosk_speaker.hpp"
#include "kiosk/gui/ops_services.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/net/curl_http_client.hpp"
#include "platform/sdl_ui/sdl_window.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/store/database_health.hpp"

namespace mh::cli {

namespace {
// Parses "1024x600"; 0x0 (full screen) when empty or malformed.
std::pair<int, int> windowSize(const std::string& text) {
    int w = 0, h = 0;
    if (text.empty() || std::sscanf(text.c_str(), "%dx%d", &w, &h) != 2) return {0, 0};
    return {w, h};
}
}  // namespace

int runKioskGui(Site& site, Context& ctx, bool* shown, const Clock* clockIn, const GuiOptions& options) {
    const std::string& replay = options.replay;
    const Clock& clock = clockIn ? *clockIn : ctx.clock;
    if (shown) *shown = false;
    // The camera (or replay) starts before the window, so a bad --replay folder is reported first.
    // Its threads wake the loop with a user event once the window's event queue exists.
    SteadyMonoClock mono;
    std::atomic<Uint32> wakeType{0};
    kiosk::LiveInputs inputs(kiosk::liveInputOptions(site.config(), replay), mono);
    auto started = inputs.start([&wakeType] {
        SDL_Event ev{};
        if ((ev.type = wakeType.load()) != 0) SDL_PushEvent(&ev);
    });
    if (!started) {
        ctx.error(started.error());
        return kUsage;
    }
    if (!platform::SdlWindow::displayAvailable()) {
        ctx.say("没有可用的显示器（未设置 DISPLAY），无法打开签到画面", "no display available (DISPLAY is not set)");
        return kUsage;
    }
    ui::ImGuiSession session;
    std::unique_ptr<platform::SdlWindow> win;
    try {
        const char* env = std::getenv("MEALHALL_WINDOW");
        auto [w, h] = windowSize(env ? env : "");
        win = std::make_unique<platform::SdlWindow>("老年食堂签到", w, h);
    } catch (const std::exception& e) {
        ctx.say(std::string("无法打开签到画面：") + e.what(), std::string("cannot open the kiosk window: ") + e.what());
        return kUsage;
    }
    if (shown) *shown = true;
    if (Uint32 t = SDL_RegisterEvents(1); t != Uint32(-1)) wakeType = t;

    gui::KioskSpeaker speaker;
    if (!speaker.available())
        ctx.say("没有声音（" + speaker.problem() + "），签到照常进行", "no sound (" + speaker.problem() + "); check-in goes on");
    ui::KioskController ctl(site, clock, &speaker);
    ctl.state().soundAvailable = speaker.available();
    StaffPin staffPin(site.db(), clock);
    ctl.setPinChecker(ui::staffPinChecker(staffPin));
    // Custody: a damaged database is shown to staff at once, not found out at the next failed write.
    std::string checkDetail;
    ctl.state().databaseProblem = databaseProblem(site.db(), &checkDetail);
    if (!ctl.state().databaseProblem.empty())
        ctx.say("数据库检查发现损坏：" + checkDetail, "the database check found damage: " + checkDetail);
    ctl.state().training = options.training;
    // Uploads and the monthly posting run on their own threads for as long as the window is up; a
    // training copy has neither (nothing of it may reach the county or the printer).
    std::optional<gui::OpsServices> ops;
    if (!options.training) {
        ops.emplace(site.dir(), clock, curlClientFactory(site.dir()));
        ctl.setOpsLink(ops->link());
        ops->start();
    }
    bool warmed = false;
    ui::FontSet fonts;
    ui::CommandQueue queue;
    ui::Metrics metrics = ui::Metrics::of(win->width(), win->height(), site.config().diagonalInch, win->dpi());
    SDL_StartTextInput();

    int framesWanted = 2;  // ImGui settles a tap over two frames
    bool running = true;
    std::uint64_t framesDrawn = 0;
    while (running) {
        if (framesWanted > 0) {
            if (ui::ensureFonts(fonts, metrics, ctl.state())) win->uploadFonts();
            win->newFrame();
            ui::buildFrame(ctl.state(), fonts, metrics, queue);
            win->present();
            ++framesDrawn;
            --framesWanted;
            if (!queue.empty()) {
                ctl.applyAll(queue);
                framesWanted = 2;
            }
            if (framesDrawn == 1)
                if (const char* e = std::getenv("MEALHALL_EXIT_AFTER_FIRST_FRAME"); e && *e) break;
            if (!warmed && framesWanted == 0) {
                // After the first frame is up: synthesise the fixed results once, so a scan speaks at once.
                for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked,
                                  Outcome::Closed, Outcome::Duplicate, Outcome::Ineligible}) {
                    ScanResult r;
                    r.outcome = o;
                    if (speaker.available()) speaker.pcm(gui::KioskSpeaker::pinyinFor(r));
                    if (o == Outcome::Unknown && speaker.available()) {
                        r.registrationStopped = true;  // an inactive elder hears a sentence of their own
                        speaker.pcm(gui::KioskSpeaker::pinyinFor(r));
                    }
                }
                warmed = true;
            }
        }
        // Sleep until an event, or until the clock line or the result timer needs a redraw.
        int timeoutMs = framesWanted > 0 ? 0 : int(std::clamp<std::int64_t>(ctl.secondsToNextChange(), 0, 60) * 1000 + 50);
        if (ctl.state().screen == ui::ScreenId::Roster) timeoutMs = std::min(timeoutMs, 1000);  // camera status for staff
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeoutMs)) {
            do {
                if (!win->handle(e)) running = false;
                if (e.type == SDL_TEXTINPUT) inputs.onText(e.text.text, e.text.timestamp);
                if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER))
                    inputs.onEnter(e.key.timestamp);
                if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_q && (e.key.keysym.mod & KMOD_CTRL)) running = false;
                if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                    metrics = ui::Metrics::of(win->width(), win->height(), site.config().diagonalInch, win->dpi());
            } while (SDL_PollEvent(&e));
            framesWanted = 2;
        }
        // Wedge scans (just above) and camera scans (posted by its threads) take the same path.
        inputs.drainInto(queue);
        if (!queue.empty()) {
            ctl.applyAll(queue);
            framesWanted = 2;
        }
        if (auto st = inputs.status().zh; st != ctl.state().inputStatus) {
            ctl.state().inputStatus = st;
            if (ctl.state().screen == ui::ScreenId::Roster) framesWanted = std::max(framesWanted, 1);
        }
        if (ctl.tick()) framesWanted = std::max(framesWanted, 1);
    }
    SDL_StopTextInput();
    wakeType = 0;
    inputs.stop();  // join the camera threads while SDL is still up
    return kDone;
}

}  // namespace mh::cli

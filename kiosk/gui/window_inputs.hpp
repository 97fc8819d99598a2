// The live scan inputs (kiosk/input: wedge scanner, camera or replay) as a window's frame loop uses
// them, the same for the kiosk and the first run: started before the window, so a bad --replay
// folder is reported first; their threads wake the loop with an SDL user event once the window's
// event queue exists; stopped (camera threads joined) while SDL is still up.
#pragma once
#include <SDL.h>

#include <atomic>
#include <memory>
#include <string>

#include "kiosk/app/context.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "platform/sdl_ui/sdl_window.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site_config.hpp"

namespace mh::gui {

class WindowInputs {
public:
    WindowInputs(const SiteConfig& config, const std::string& replay);
    WindowInputs(const WindowInputs&) = delete;

    // Starts the inputs; the error names the camera or replay folder that could not start.
    Status start();
    // The window is up: from now on a scan wakes the loop at once. Starts SDL text input.
    void windowReady();
    // What the frame loop hands the scanner's keystrokes to and drains the scans from.
    [[nodiscard]] LoopInputs loopInputs();
    // Stops text input and joins the inputs' threads: call while SDL is still up. (An early return
    // that skips it still joins them, in LiveInputs' destructor, declared after the wake type.)
    void stop();

private:
    SteadyMonoClock m_mono;
    std::atomic<Uint32> m_wakeType{0};
    kiosk::LiveInputs m_inputs;
};

// The window's size from $MEALHALL_WINDOW ("1024x600"); 0x0 (full screen) when unset or malformed.
std::pair<int, int> windowSizeFromEnv();

// What to tell the person at the terminal when the window cannot be opened.
struct WindowWords {
    std::string noDisplayZh, noDisplayEn;  // no display at all
    std::string cannotZh, cannotEn;        // SDL refused; its reason follows
};

// Opens the kiosk's window at windowSizeFromEnv(); null, with the reason said, when there is no
// display or SDL cannot open one.
std::unique_ptr<platform::SdlWindow> openWindow(const app::Context& ctx, const std::string& title, const WindowWords& words);

}  // namespace mh::gui

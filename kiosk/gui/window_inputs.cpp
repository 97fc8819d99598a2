// The live scan inputs of a window's frame loop (see window_inputs.hpp).
#include "kiosk/gui/window_inputs.hpp"

#include <cstdio>
#include <cstdlib>

namespace mh::gui {

WindowInputs::WindowInputs(const SiteConfig& config, const std::string& replay)
    : m_inputs(kiosk::liveInputOptions(config, replay), m_mono) {}

Status WindowInputs::start() {
    return m_inputs.start([this] {
        SDL_Event ev{};
        if ((ev.type = m_wakeType.load()) != 0) SDL_PushEvent(&ev);
    });
}

void WindowInputs::windowReady() {
    if (Uint32 t = SDL_RegisterEvents(1); t != Uint32(-1)) m_wakeType = t;
    SDL_StartTextInput();
}

LoopInputs WindowInputs::loopInputs() {
    return LoopInputs{[this](const char* t, std::int64_t ms) { m_inputs.onText(t, ms); },
                      [this](std::int64_t ms) { m_inputs.onEnter(ms); },
                      [this](ui::CommandQueue& q) { m_inputs.drainInto(q); },
                      [this] { return m_inputs.status().zh; }};
}

void WindowInputs::stop() {
    SDL_StopTextInput();
    m_wakeType = 0;
    m_inputs.stop();  // joins the camera threads
}

std::pair<int, int> windowSizeFromEnv() {
    const char* env = std::getenv("MEALHALL_WINDOW");
    int w = 0, h = 0;
    if (!env || !*env || std::sscanf(env, "%dx%d", &w, &h) != 2) return {0, 0};
    return {w, h};
}

std::unique_ptr<platform::SdlWindow> openWindow(const app::Context& ctx, const std::string& title, const WindowWords& words) {
    if (!platform::SdlWindow::displayAvailable()) {
        ctx.say(words.noDisplayZh, words.noDisplayEn);
        return nullptr;
    }
    try {
        auto [w, h] = windowSizeFromEnv();
        return std::make_unique<platform::SdlWindow>(title, w, h);
    } catch (const std::exception& e) {
        ctx.say(words.cannotZh + e.what(), words.cannotEn + e.what());
        return nullptr;
    }
}

}  // namespace mh::gui

// The kiosk's event loop (see kiosk_loop.hpp).
#include "kiosk/gui/kiosk_loop.hpp"

#include <SDL.h>

#include <algorithm>

#include "platform/sdl_ui/panel_size.hpp"

namespace mh::gui {

KioskLoop::KioskLoop(platform::SdlWindow& win, ui::KioskController& ctl, double diagonalInch, LoopInputs inputs)
    : m_win(win), m_ctl(ctl), m_diagonalInch(diagonalInch), m_inputs(std::move(inputs)) {
    remeasure();
}

void KioskLoop::remeasure() {
    // site.toml's diagonal wins; else the panel's own EDID (a 7" panel is not 96 dpi); else what the
    // display server says (Metrics ignores a DPI too small to be real).
    double edid = 0;
    if (auto panel = platform::connectedPanelSize()) edid = panel->diagonalInch();
    m_picked = m_ctl.state().pickedDiagonalInch;
    bool known = false;
    m_metrics = ui::Metrics::choose(m_win.width(), m_win.height(), m_diagonalInch, m_picked, edid, m_win.dpi(), &known);
    m_ctl.state().panelSizeKnown = known;
    m_framesWanted = std::max(m_framesWanted, 1);
}

EventsSeen drainEvents(platform::SdlWindow& win, const LoopInputs& inputs, SDL_Event e) {
    EventsSeen seen;
    do {
        if (!win.handle(e)) seen.running = false;
        if (e.type == SDL_TEXTINPUT && inputs.onText) inputs.onText(e.text.text, e.text.timestamp);
        if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER) &&
            inputs.onEnter)
            inputs.onEnter(e.key.timestamp);
        if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_q && (e.key.keysym.mod & KMOD_CTRL)) seen.running = false;
        if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) seen.resized = true;
        // A hovering mouse is no one at the screen; a finger on it always is.
        if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP || e.type == SDL_MOUSEWHEEL ||
            (e.type == SDL_MOUSEMOTION && e.motion.state != 0) || e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP ||
            e.type == SDL_FINGERMOTION)
            seen.touched = true;
    } while (SDL_PollEvent(&e));
    return seen;
}

bool KioskLoop::step(int maxWaitMs) {
    if (m_framesWanted > 0) {
        if (ui::ensureFonts(m_fonts, m_metrics, m_ctl.state())) m_win.uploadFonts();
        m_win.newFrame();
        m_layout = {};
        ui::buildFrame(m_ctl.state(), m_fonts, m_metrics, m_queue, &m_layout);
        m_win.present();
        ++m_framesDrawn;
        --m_framesWanted;
        if (!m_queue.empty()) {
            m_ctl.applyAll(m_queue);
            m_framesWanted = 2;
        }
        if (!m_warmed && m_framesWanted == 0) {
            m_warmed = true;
            if (afterFirstFrame) afterFirstFrame();
        }
    }
    // Sleep until an event, or until the clock line, the result timer or a staff timeout needs a redraw.
    int timeoutMs = m_framesWanted > 0 ? 0 : int(std::clamp<std::int64_t>(m_ctl.secondsToNextChange(), 0, 60) * 1000 + 50);
    if (m_ctl.state().screen == ui::ScreenId::Roster) timeoutMs = std::min(timeoutMs, 1000);  // camera status for staff
    timeoutMs = std::min(timeoutMs, maxWaitMs);
    bool running = true;
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, timeoutMs)) {
        EventsSeen seen = drainEvents(m_win, m_inputs, e);
        running = seen.running;
        if (seen.resized) remeasure();
        // Scrolling or reading with a finger on the list keeps the staff screens open, not only taps.
        if (seen.touched) m_ctl.noteTouch();
        m_framesWanted = 2;
    }
    // Wedge scans (just above) and camera scans (posted by its threads) take the same path.
    if (m_inputs.drainInto) m_inputs.drainInto(m_queue);
    if (!m_queue.empty()) {
        m_ctl.applyAll(m_queue);
        m_framesWanted = 2;
    }
    if (m_inputs.status)
        if (auto st = m_inputs.status(); st != m_ctl.state().inputStatus) {
            m_ctl.state().inputStatus = st;
            if (m_ctl.state().screen == ui::ScreenId::Roster) m_framesWanted = std::max(m_framesWanted, 1);
        }
    if (m_ctl.tick()) m_framesWanted = std::max(m_framesWanted, 1);
    if (m_ctl.state().pickedDiagonalInch != m_picked) remeasure();  // staff picked the panel size
    return running;
}

}  // namespace mh::gui

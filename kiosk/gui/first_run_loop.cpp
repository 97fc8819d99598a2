// The first run's event loop (see first_run_loop.hpp).
#include "kiosk/gui/first_run_loop.hpp"

#include <SDL.h>

#include <algorithm>

#include "kiosk/ui/screen_first_run.hpp"
#include "platform/sdl_ui/panel_size.hpp"

namespace mh::gui {

FirstRunLoop::FirstRunLoop(platform::SdlWindow& win, ui::FirstRunController& ctl, LoopInputs inputs)
    : m_win(win), m_ctl(ctl), m_inputs(std::move(inputs)) {
    remeasure();
    // The bar starts at the kiosk's best guess of 10 cm, so a panel that reports its size needs no drag.
    m_ctl.state().barPx = m_metrics.mm(100);
}

void FirstRunLoop::remeasure() {
    double edid = 0;
    if (auto panel = platform::connectedPanelSize()) edid = panel->diagonalInch();
    m_picked = m_ctl.state().pickedDiagonalInch;
    m_metrics = ui::Metrics::choose(m_win.width(), m_win.height(), 0, m_picked, edid, m_win.dpi(), nullptr);
    m_ctl.state().screenW = m_win.width();
    m_ctl.state().screenH = m_win.height();
    m_framesWanted = std::max(m_framesWanted, 1);
}

bool FirstRunLoop::step(int maxWaitMs) {
    if (m_framesWanted > 0) {
        if (ui::ensureFirstRunFonts(m_fonts, m_metrics, m_ctl.state())) m_win.uploadFonts();
        m_win.newFrame();
        m_layout = {};
        ui::buildFirstRunFrame(m_ctl.state(), m_fonts, m_metrics, m_queue, &m_layout);
        m_win.present();
        --m_framesWanted;
        if (!m_queue.empty()) {
            m_ctl.applyAll(m_queue);
            m_framesWanted = 2;
        }
    }
    bool running = true;
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, m_framesWanted > 0 ? 0 : maxWaitMs)) {
        EventsSeen seen = drainEvents(m_win, m_inputs, e);
        running = seen.running;
        if (seen.resized) remeasure();
        m_framesWanted = 2;
    }
    // Scans from the wedge scanner and the camera arrive as the kiosk's ScanCommands.
    if (m_inputs.drainInto) {
        ui::CommandQueue scans;
        m_inputs.drainInto(scans);
        for (auto& c : scans.take())
            if (auto* s = std::get_if<ui::ScanCommand>(&c)) {
                m_ctl.apply(ui::FrScan{s->payload});
                m_framesWanted = 2;
            }
    }
    // The panel size confirmed: the remaining steps are drawn at the real millimetres.
    if (m_ctl.state().pickedDiagonalInch != m_picked) remeasure();
    return running;
}

}  // namespace mh::gui

// The first run's event loop on a window: draws the current step, turns taps into FirstRunCommands
// and scans (wedge scanner or camera, through the normal scan inputs) into FrScan, until the flow is
// finished or the window closes. Like KioskLoop it sleeps in SDL_WaitEventTimeout between events.
#pragma once
#include <cstdint>

#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/ui/first_run_controller.hpp"

namespace mh::gui {

class FirstRunLoop {
public:
    FirstRunLoop(platform::SdlWindow& win, ui::FirstRunController& ctl, LoopInputs inputs);
    // False once the window was asked to close (or Ctrl+Q).
    bool step(int maxWaitMs = 1000);
    [[nodiscard]] const ui::Metrics& metrics() const { return m_metrics; }
    // Where the last frame drew its texts and targets (tests tap buttons found there).
    [[nodiscard]] const ui::DrawnLayout& layout() const { return m_layout; }

private:
    void remeasure();

    platform::SdlWindow& m_win;
    ui::FirstRunController& m_ctl;
    LoopInputs m_inputs;
    ui::FontSet m_fonts;
    ui::FirstRunQueue m_queue;
    ui::Metrics m_metrics;
    ui::DrawnLayout m_layout;
    int m_framesWanted = 2;
    double m_picked = 0;
};

}  // namespace mh::gui

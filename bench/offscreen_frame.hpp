// One kiosk frame drawn offscreen the way the running kiosk draws it (fonts rebuilt when new
// glyphs arrive, ImGui frame, software pixels): shared by the GUI latency benchmarks.
#pragma once
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/sdl_ui/software_canvas.hpp"

namespace mh::bench {

class OffscreenFrame {
public:
    OffscreenFrame(const ui::KioskState& state, int width, int height, double diagonalInch)
        : m_metrics(ui::Metrics::of(width, height, diagonalInch)), m_canvas(m_metrics.width, m_metrics.height) {
        ui::ensureFonts(m_fonts, m_metrics, state);
        m_canvas.uploadFonts();
    }
    // Draws `state` as the kiosk would present it next.
    void draw(const ui::KioskState& state) {
        if (ui::ensureFonts(m_fonts, m_metrics, state)) m_canvas.uploadFonts();
        ui::buildFrame(state, m_fonts, m_metrics, m_queue);
        m_canvas.drawImGui();
    }

private:
    ui::Metrics m_metrics;
    ui::FontSet m_fonts;
    platform::SoftwareCanvas m_canvas;
    ui::CommandQueue m_queue;
};

}  // namespace mh::bench

// The running kiosk's event loop, apart from the process plumbing of `kiosk run`, so tests can drive
// the very loop the kiosk runs (SDL's offscreen driver, events pushed by the test). It sleeps in
// SDL_WaitEventTimeout and draws only when an event, the minute or a timer asks for it.
#pragma once
#include <SDL.h>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/sdl_ui/sdl_window.hpp"

namespace mh::gui {

// What the loop needs of the scan inputs (kiosk::LiveInputs in the kiosk): key events for the wedge
// scanner, the scans waiting, and the camera line for staff.
struct LoopInputs {
    std::function<void(const char* text, std::int64_t eventMs)> onText;
    std::function<void(std::int64_t eventMs)> onEnter;
    std::function<void(ui::CommandQueue&)> drainInto;
    std::function<std::string()> status;
};

// Hands every waiting SDL event to the window and the scanner's keystrokes to `inputs`, starting
// with `first`. `running` turns false on a close request or Ctrl+Q; `resized` when the window changed
// size. Shared by the kiosk's loop and the first-run loop, so a wedge scanner types the same in both.
struct EventsSeen {
    bool running = true;
    bool resized = false;
    bool touched = false;  // a finger (or mouse button) went down, up or dragged, or the wheel turned
};
EventsSeen drainEvents(platform::SdlWindow& win, const LoopInputs& inputs, SDL_Event first);

class KioskLoop {
public:
    // `diagonalInch`: site.toml's [display] diagonal_inch (0: ask the panel, see panel_size.hpp).
    KioskLoop(platform::SdlWindow& win, ui::KioskController& ctl, double diagonalInch, LoopInputs inputs);

    // Draws what is due, then waits for events at most `maxWaitMs` (less when a timer is due) and
    // applies them. False once the window was asked to close (or Ctrl+Q).
    bool step(int maxWaitMs = 60000);
    // Once after the first frame is up and settled (the speaker warms its voice cache there).
    std::function<void()> afterFirstFrame;

    [[nodiscard]] const ui::Metrics& metrics() const { return m_metrics; }
    // Where the last frame drew its texts and targets (tests find buttons and results there).
    [[nodiscard]] const ui::DrawnLayout& layout() const { return m_layout; }
    [[nodiscard]] std::uint64_t framesDrawn() const { return m_framesDrawn; }

private:
    void remeasure();

    platform::SdlWindow& m_win;
    ui::KioskController& m_ctl;
    double m_diagonalInch;
    LoopInputs m_inputs;
    ui::FontSet m_fonts;
    ui::CommandQueue m_queue;
    ui::Metrics m_metrics;
    ui::DrawnLayout m_layout;
    int m_framesWanted = 2;  // ImGui settles a tap over two frames
    std::uint64_t m_framesDrawn = 0;
    bool m_warmed = false;
    double m_picked = 0;  // the staff-picked size the metrics were made with
};

}  // namespace mh::gui

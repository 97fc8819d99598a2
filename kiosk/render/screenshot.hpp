// Renders one kiosk screen offscreen (no display, no GPU) for `kiosk screenshot` and the pixel tests.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/sdl_ui/software_canvas.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh::render {

struct ScreenshotOptions {
    std::string screen = "checkin";
    int width = 1280;
    int height = 800;
    double diagonalInch = 0;               // 0: site.toml's [display] diagonal_inch, else 96 dpi
    std::optional<LocalDateTime> at;       // the clock shown; none: now
    bool training = false;                 // as `run --at` shows it: the 培训模式 band
    std::string databaseProblem;           // as the start-up check reports a damaged database
};

// checkin, accepted, delivered, duplicate, unknown, invalid, revoked, closed, ineligible, pin, the
// staff tabs roster, missing, manual, settings, and storage-full (a scan the store could not write);
// void-reason and void-confirm: voiding today's first record, its reasons and then its confirmation.
const std::vector<std::string>& screenNames();
// The screens behind the PIN (the PIN pad itself included): staff sizes, and their lists scroll.
bool isStaffScreen(const std::string& name);

// A rendered screen. Members are destroyed in reverse: the canvas before the ImGui context.
struct Shot {
    std::unique_ptr<ui::ImGuiSession> session;
    ui::FontSet fonts;
    ui::Metrics metrics;
    ui::DrawnLayout layout;
    std::unique_ptr<platform::SoftwareCanvas> canvas;
};

// Errors: an unknown screen name or a size outside 320..4096 (usage).
Result<std::unique_ptr<Shot>> renderScreen(Site& site, const ScreenshotOptions& opt);
// Draws a state the real controller reached (a test's scans) the same way, at opt's size (its
// screen and training fields are not used; `siteDiagonalInch` when opt gives none).
std::unique_ptr<Shot> renderState(ui::KioskState state, const ScreenshotOptions& opt, double siteDiagonalInch);

// Paints `frame` (one ImGui frame of some screen, given where to keep its layout) onto a fresh canvas
// of opt's size. The fonts must be built for shot.metrics already.
void paintShot(Shot& shot, const ScreenshotOptions& opt, const std::function<void(ui::DrawnLayout*)>& frame);

// The first-run steps (first_run_shots.cpp), drawn from sample states: no site needed.
const std::vector<std::string>& firstRunScreenNames();
Result<std::unique_ptr<Shot>> renderFirstRunScreen(const ScreenshotOptions& opt);

}  // namespace mh::render

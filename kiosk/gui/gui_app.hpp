// The screens' entry points: the full-screen kiosk on an open site (gui_app.cpp) and the first-run
// flow on a directory never set up (first_run_app.cpp). main.cpp hands them to the verbs as
// app::Screens, so kiosk/cli never includes this folder.
#pragma once
#include <filesystem>

#include "kiosk/app/context.hpp"

namespace mh::gui {

// See app::Screens::kiosk. `clock` null: the context's clock.
int runKioskGui(Site& site, app::Context& ctx, bool* shown = nullptr, const Clock* clock = nullptr,
                const app::GuiOptions& options = {});
// See app::Screens::firstRun.
int runFirstRunGui(const std::filesystem::path& dir, app::Context& ctx, const app::GuiOptions& options, bool* finished);

}  // namespace mh::gui

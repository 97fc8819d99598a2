// The first-run screens (issue 14): one step per screen, big keys, nothing needs a physical keyboard.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/first_run_state.hpp"

namespace mh::ui {

// Every text the first-run screens may show for this state: what the font atlas must hold.
std::vector<std::string> firstRunTexts(const FirstRunState& st);

// Builds the atlas when it lacks a character of the state's texts; true when rebuilt.
bool ensureFirstRunFonts(FontSet& fonts, const Metrics& m, const FirstRunState& st);

// NewFrame, the current step's screen, Render (as buildFrame does for the kiosk).
void buildFirstRunFrame(const FirstRunState& st, const FontSet& fonts, const Metrics& m, FirstRunQueue& out,
                        DrawnLayout* layout = nullptr);

}  // namespace mh::ui

// One ImGui frame of the kiosk, with or without a window: the same path for the running kiosk,
// screenshots and the headless tests (Debian's 1.86 has no imgui_impl_null).
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/draw_context.hpp"

namespace mh::ui {

// Owns an ImGui context for the kiosk (no imgui.ini, touch-sized style) and makes it current.
class ImGuiSession {
public:
    ImGuiSession();
    ~ImGuiSession();
    ImGuiSession(const ImGuiSession&) = delete;
    ImGuiSession& operator=(const ImGuiSession&) = delete;

private:
    ImGuiContext* m_ctx;
};

// Texts of the state that are not fixed (names, services, messages): what the atlas must hold.
std::vector<std::string> dynamicTexts(const KioskState& state);

// Builds or rebuilds the atlas when the state brings characters it lacks. True when rebuilt (the
// renderer must upload the texture again).
bool ensureFonts(FontSet& fonts, const Metrics& m, const KioskState& state);

// NewFrame, draw, Render. The caller sets io.DisplaySize / input before (a backend or a test).
void buildFrame(const KioskState& state, const FontSet& fonts, const Metrics& m, CommandQueue& out,
                DrawnLayout* layout = nullptr);

}  // namespace mh::ui

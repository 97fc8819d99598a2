// One full-screen ImGui window holding whichever screen the state names.
#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/theme.hpp"

namespace mh::ui {

void drawKiosk(const KioskState& state, DrawContext& ctx) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({float(ctx.metrics.width), float(ctx.metrics.height)});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(kBackground));
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    switch (state.screen) {
        case ScreenId::Checkin: drawCheckinScreen(state, ctx); break;
        case ScreenId::Result: drawResultScreen(state, ctx); break;
        case ScreenId::Pin: drawPinScreen(state, ctx); break;
        case ScreenId::Roster: drawRosterScreen(state, ctx); break;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace mh::ui

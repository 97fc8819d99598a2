// One full-screen ImGui window holding whichever screen the state names.
#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
// Over whatever screen is up: the training band across the top, and on the waiting screen a mark for
// staff when the start-up check found the database damaged. Drawn last so no screen can hide them.
void drawCustodyMarks(const KioskState& state, DrawContext& ctx) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float W = float(ctx.metrics.width), H = float(ctx.metrics.height);
    float px = ctx.fonts.sizes.minBodyPx, pad = ctx.mm(1.5f);
    if (state.training) {
        float bandH = px * 1.2f + 2 * pad;
        dl->AddRectFilled({0, 0}, {W, bandH}, kAmber);
        float tpx = fitPx(ctx.fonts.body, px, px * 0.6f, kTrainingBand, W - 2 * pad);
        drawTextCentred(ctx, ctx.fonts.body, tpx, W / 2, pad, kText, kTrainingBand, "training");
    }
    if (!state.databaseProblem.empty() && state.screen == ScreenId::Checkin) {
        float y = H - px * 1.2f - ctx.mm(4);
        ImVec2 sz = textSize(ctx.fonts.body, px, kDatabaseMark);
        dl->AddRectFilled({ctx.mm(4) - pad, y - pad}, {ctx.mm(4) + sz.x + pad, y + sz.y + pad}, kRed);
        drawText(ctx, ctx.fonts.body, px, {ctx.mm(4), y}, kButtonText, kDatabaseMark, "database-mark");
    }
}
}  // namespace

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
        case ScreenId::Choose: drawChooseScreen(state, ctx); break;
    }
    drawCustodyMarks(state, ctx);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace mh::ui

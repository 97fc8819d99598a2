// One full-screen ImGui window holding whichever screen the state names.
#include "kiosk/ui/draw_context.hpp"
#include "kiosk/ui/screen_staff.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace mh::ui {

namespace {
// `run --at`: the amber frame around the screen, in its own space (Panel::rect leaves it out, and
// the screens' window does not reach under it, so a tap there reaches nothing).
void drawTrainingFrame(DrawContext& ctx) {
    TrainingFrame fr = trainingFrame(ctx.metrics, ctx.fonts);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    float W = float(ctx.metrics.width), H = float(ctx.metrics.height);
    dl->AddRectFilled(fr.band.min, fr.band.max, kAmber);
    dl->AddRectFilled({0, fr.inner.min.y}, {fr.inner.min.x, H}, kAmber);
    dl->AddRectFilled({fr.inner.max.x, fr.inner.min.y}, {W, H}, kAmber);
    dl->AddRectFilled({fr.inner.min.x, fr.inner.max.y}, {fr.inner.max.x, H}, kAmber);
    dl->AddText(ctx.fonts.staff, fr.text.px, fr.text.at, kText, kTrainingBand);
    if (ctx.layout) {
        ImVec2 ts = textSize(ctx.fonts.staff, fr.text.px, kTrainingBand);
        ctx.layout->texts.push_back({"training", fr.text.at, {fr.text.at.x + ts.x, fr.text.at.y + ts.y}});
        ctx.layout->pictures.push_back({"training-band", fr.band.min, fr.band.max});
        ctx.layout->pictures.push_back({"training-inner", fr.inner.min, fr.inner.max});
    }
}

// On the waiting screen, a mark for staff when the start-up check found the database damaged.
// Drawn last so no screen can hide it.
void drawDatabaseMark(const KioskState& state, DrawContext& ctx) {
    if (state.databaseProblem.empty() || state.screen != ScreenId::Checkin) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Rect r = ctx.panel().rect();
    float px = ctx.fonts.sizes.minBodyPx, pad = ctx.mm(1.5f);
    float x = r.min.x + ctx.mm(4), y = r.max.y - px * 1.2f - ctx.mm(4);
    ImVec2 sz = textSize(ctx.fonts.body, px, kDatabaseMark);
    dl->AddRectFilled({x - pad, y - pad}, {x + sz.x + pad, y + sz.y + pad}, kRed);
    drawText(ctx, ctx.fonts.body, px, {x, y}, kButtonText, kDatabaseMark, "database-mark");
}
}  // namespace

void drawKiosk(const KioskState& state, DrawContext& ctx) {
    ctx.training = state.training;
    Rect r = ctx.panel().rect();
    ImGui::SetNextWindowPos(r.min);
    ImGui::SetNextWindowSize(r.size());
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
        case ScreenId::Feedback: drawFeedbackScreen(state, ctx); break;
    }
    drawDatabaseMark(state, ctx);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (state.training) drawTrainingFrame(ctx);
}

}  // namespace mh::ui

// The staff tabs other than the roster, drawn inside the staff screen's scrolling area.
#pragma once
#include "kiosk/ui/draw_context.hpp"

namespace mh::ui {

void drawMissingTab(const KioskState& st, DrawContext& ctx, float width);
void drawManualTab(const KioskState& st, DrawContext& ctx, float width);
void drawSettingsTab(const KioskState& st, DrawContext& ctx, float width);

}  // namespace mh::ui

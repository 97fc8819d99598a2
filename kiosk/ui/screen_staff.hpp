// The staff tabs other than the roster, drawn inside the staff screen's scrolling area.
#pragma once
#include "kiosk/ui/draw_context.hpp"

namespace mh::ui {

void drawMissingTab(const KioskState& st, DrawContext& ctx, float width);
// 补录纸质名单 (screen_paper_entry.cpp): the toggle on the 补签 tab and, while it is on, the service and
// the time on the paper. Returns the heading over the elder finder ("" while off).
std::string drawPaperEntry(const KioskState& st, DrawContext& ctx, float width);
std::vector<std::string> paperEntryTexts();  // its fixed words (for the font atlas)
void drawElderFinder(const KioskState& st, DrawContext& ctx, float width, const std::string& head);
void drawManualTab(const KioskState& st, DrawContext& ctx, float width);
// 更多: a big button for each page in kMorePages (staff_layout.hpp).
void drawMoreTab(DrawContext& ctx, float width);
void drawSettingsTab(const KioskState& st, DrawContext& ctx, float width);
// 安全检查 (screen_safety.cpp): what is overdue and due today, and a check in a few taps.
void drawSafetyTab(const KioskState& st, DrawContext& ctx, float width);
// Its fixed words (for the font atlas).
std::vector<std::string> safetyTexts();
// 访客/职工/志愿者 (screen_others.cpp): meals nobody claims a subsidy for, and today's list.
void drawOthersTab(const KioskState& st, DrawContext& ctx, float width);
std::vector<std::string> othersTexts();  // its fixed words (for the font atlas)
// 送餐 (screen_delivery.cpp): today's delivered meals with 送到了 / 不在家 / 拒收, and the alerts.
void drawDeliveryTab(const KioskState& st, DrawContext& ctx, float width);
std::vector<std::string> deliveryTexts();  // its fixed words (for the font atlas)
// 本周菜谱 (screen_menu.cpp): the week's meals, and one meal's dishes picked from the site's list.
void drawMenuTab(const KioskState& st, DrawContext& ctx, float width);
std::vector<std::string> menuTexts(const KioskState& st);
// 今日核对 (screen_review.cpp): today's review items, each with 处理好了; handled ones greyed.
void drawReviewTab(const KioskState& st, DrawContext& ctx, float width);
std::vector<std::string> reviewTexts();  // its fixed words (for the font atlas)
// The clock section's fixed words (for the font atlas).
extern const char* const kClockConfirmHint;
extern const char* const kClockConfirmButton;

// Back office (screen_ops.cpp): upload status and donation balance on the settings tab, the donation
// form, the warnings at the top of the roster, and the notice on the idle waiting screen.
void drawUploadSection(const KioskState& st, DrawContext& ctx, float width);
void drawPeersSection(const KioskState& st, DrawContext& ctx, float width);  // pairing code, other terminals
void drawDonationSection(const KioskState& st, DrawContext& ctx, float width);
void drawDonationForm(const KioskState& st, DrawContext& ctx, float width);
void drawOpsWarnings(const KioskState& st);
// The idle notice (last month's figures) in the box min..max of the waiting screen.
void drawNotice(const KioskState& st, DrawContext& ctx, ImVec2 min, ImVec2 max);
// Every text the back office may draw, for the font atlas.
std::vector<std::string> opsTexts(const KioskState& st);

}  // namespace mh::ui

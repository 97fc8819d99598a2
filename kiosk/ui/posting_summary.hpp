// The few public lines of a month's posting that the idle screen shows: counts and money only, never
// a name (the full posting with masked names is the PNG/PDF on the notice board).
#pragma once
#include "kiosk/ui/ops_state.hpp"
#include "shared/posting/monthly_figures.hpp"

namespace mh::ui {

// Short lines, most important first, each narrow enough for a 7" panel at elder text size.
PostingSummary postingSummary(const MonthlyFigures& f);
// The notice's title as seen on `today`: 上月公示 · 10月 for last month's figures, 本月公示 · 11月
// for this month's, else 9月公示 (issue 12: last month's figures were titled 本月).
std::string noticeTitle(const PostingSummary& p, LocalDate today);

}  // namespace mh::ui

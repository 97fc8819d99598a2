// Idle-screen lines from the month's figures.
#include "kiosk/ui/posting_summary.hpp"

#include <cstdio>

namespace mh::ui {

PostingSummary postingSummary(const MonthlyFigures& f) {
    PostingSummary s;
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02u", f.year, f.month);
    s.month = month;
    s.title = std::to_string(f.month) + "月公示";
    s.lines.push_back("助餐 " + std::to_string(f.meals) + " 人次");
    if (f.mealsDelivered > 0) s.lines.push_back("其中送餐 " + std::to_string(f.mealsDelivered) + " 人次");
    s.lines.push_back("用餐老人 " + std::to_string(f.mealElders) + " 人");
    for (const auto& svc : f.services)
        if (svc.kind == "service" && svc.count > 0) s.lines.push_back(svc.name + " " + std::to_string(svc.count) + " 次");
    if (f.donationsCount > 0) s.lines.push_back("社会捐赠 " + formatYuan2(f.donationsFen) + " 元");
    return s;
}

std::string noticeTitle(const PostingSummary& p, LocalDate today) {
    int y = 0, m = 0;
    if (std::sscanf(p.month.c_str(), "%d-%d", &y, &m) != 2 || m < 1 || m > 12) return p.title;
    int monthsAgo = (int(today.year()) - y) * 12 + (int(today.month()) - m);
    std::string mm = std::to_string(m) + "月";
    if (monthsAgo == 1) return "上月公示 · " + mm;
    if (monthsAgo == 0) return "本月公示 · " + mm;
    return mm + "公示";
}

}  // namespace mh::ui

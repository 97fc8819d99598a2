// Idle-screen lines from the month's figures.
#include "kiosk/ui/posting_summary.hpp"

#include <cstdio>

namespace mh::ui {

bool hasAnythingToPost(const MonthlyFigures& f) {
    return f.meals > 0 || f.servedElders > 0 || f.donationsCount > 0;
}

PostingSummary postingSummary(const MonthlyFigures& f) {
    PostingSummary s;
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02u", f.year, f.month);
    s.month = month;
    s.title = "本月公示（" + std::to_string(f.month) + "月）";
    s.lines.push_back("助餐 " + std::to_string(f.meals) + " 人次");
    if (f.mealsDelivered > 0) s.lines.push_back("其中送餐 " + std::to_string(f.mealsDelivered) + " 人次");
    s.lines.push_back("用餐老人 " + std::to_string(f.mealElders) + " 人");
    for (const auto& svc : f.services)
        if (svc.kind == "service" && svc.count > 0) s.lines.push_back(svc.name + " " + std::to_string(svc.count) + " 次");
    if (f.donationsCount > 0) s.lines.push_back("社会捐赠 " + formatYuan2(f.donationsFen) + " 元");
    return s;
}

}  // namespace mh::ui

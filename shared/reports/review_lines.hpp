// The daily review's items as staff read them on the 今日核对 page: one plain Chinese line each
// (张*兰 午餐 两台都记了, 张*兰 午餐 纸质补录 11:32, 停用的卡刷了 3 次, 送餐没送到, 时钟调过).
#pragma once
#include <string>

#include "shared/reports/daily_review.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

// `cfg` names the services (午餐 for lunch). Handled or not is for the screen to show.
std::string reviewItemLine(const ReviewItem& item, const SiteConfig& cfg);

}  // namespace mh

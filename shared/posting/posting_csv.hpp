// The monthly posting as CSV (contract 9): UTF-8 with BOM so Excel and WPS open it as Chinese,
// header 姓名,村 then one column per service named as in site.toml, one row per elder, last row 合计.
#pragma once
#include <string>

#include "shared/posting/monthly_figures.hpp"

namespace mh {

std::string postingCsv(const MonthlyFigures& f);

}  // namespace mh

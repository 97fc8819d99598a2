// The posting's 收费标准: the prices and the subsidy rules in force in a month, in plain Chinese,
// generated from site.toml so villagers can check every figure on the notice against them.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

// One line per item: the prices first, then each rule in force on some day of [first, last] in
// file order, then how the rules combine. Public: describes rules, never a person.
std::vector<std::string> feeScheduleLines(const SiteConfig& cfg, LocalDate first, LocalDate last);

}  // namespace mh

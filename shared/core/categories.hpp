// Elder categories (contract 4): the codes used in rosters, policy and tallies, and their Chinese names.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/coded_names.hpp"

namespace mh {

using CategoryInfo = CodedName;  // {"dibao", "低保"}

[[nodiscard]] const std::vector<CategoryInfo>& allCategories();
// Accepts a code ("dibao", any case) or a Chinese name ("低保"); returns the code.
[[nodiscard]] std::optional<std::string> categoryCode(std::string_view codeOrName);
[[nodiscard]] std::string_view categoryNameZh(std::string_view code);

}  // namespace mh

// Diet needs (contract 14, roster column 饮食): what the cook must know about an elder. Shown to staff
// and on the kitchen's day list only, never on a screen elders can see or in the posting.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/coded_names.hpp"

namespace mh {

using DietInfo = CodedName;  // {"low_salt", "低盐"}

[[nodiscard]] const std::vector<DietInfo>& allDiets();
// A code ("low_salt", any case) or a Chinese name ("低盐"); returns the code.
[[nodiscard]] std::optional<std::string> dietCode(std::string_view codeOrName);
[[nodiscard]] std::string_view dietNameZh(std::string_view code);
// "低盐、软食" for {"low_salt", "soft"}; empty for none.
[[nodiscard]] std::string dietNamesZh(const std::vector<std::string>& codes);

}  // namespace mh

#include "shared/core/diets.hpp"

namespace mh {

const std::vector<DietInfo>& allDiets() {
    static const std::vector<DietInfo> k{{"low_salt", "低盐"}, {"low_sugar", "低糖"}, {"soft", "软食"}, {"halal", "清真"}};
    return k;
}

std::optional<std::string> dietCode(std::string_view text) { return codeIn(allDiets(), text); }

std::string_view dietNameZh(std::string_view code) { return nameZhIn(allDiets(), code); }

std::string dietNamesZh(const std::vector<std::string>& codes) {
    std::string s;
    for (const auto& c : codes) s += (s.empty() ? "" : "、") + std::string(dietNameZh(c));
    return s;
}

}  // namespace mh

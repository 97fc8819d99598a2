#include "shared/core/diets.hpp"

#include "shared/core/text.hpp"

namespace mh {

const std::vector<DietInfo>& allDiets() {
    static const std::vector<DietInfo> k{{"low_salt", "低盐"}, {"low_sugar", "低糖"}, {"soft", "软食"}, {"halal", "清真"}};
    return k;
}

std::optional<std::string> dietCode(std::string_view text) {
    auto t = trim(text);
    std::string lower(t);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    for (const auto& d : allDiets())
        if (lower == d.code || t == d.zh) return std::string(d.code);
    return std::nullopt;
}

std::string_view dietNameZh(std::string_view code) {
    for (const auto& d : allDiets())
        if (code == d.code) return d.zh;
    return code;
}

std::string dietNamesZh(const std::vector<std::string>& codes) {
    std::string s;
    for (const auto& c : codes) s += (s.empty() ? "" : "、") + std::string(dietNameZh(c));
    return s;
}

}  // namespace mh

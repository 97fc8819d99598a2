#include "shared/core/categories.hpp"

#include "shared/core/text.hpp"

namespace mh {

const std::vector<CategoryInfo>& allCategories() {
    static const std::vector<CategoryInfo> k{
        {"tekun", "特困"},    {"dibao", "低保"},      {"dibao_edge", "低保边缘"}, {"kunnan", "经济困难"},
        {"shineng", "失能"},  {"banshineng", "半失能"}, {"zhongcan", "重残"},     {"jisheng", "计划生育特殊家庭"},
        {"youfu", "优抚对象"}, {"duju", "独居"},        {"kongchao", "空巢"},     {"liushou", "留守"},
    };
    return k;
}

std::optional<std::string> categoryCode(std::string_view text) {
    auto t = trim(text);
    std::string lower(t);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    for (const auto& c : allCategories())
        if (lower == c.code || t == c.zh) return std::string(c.code);
    return std::nullopt;
}

std::string_view categoryNameZh(std::string_view code) {
    for (const auto& c : allCategories())
        if (code == c.code) return c.zh;
    return code;
}

}  // namespace mh

#include "shared/core/categories.hpp"

namespace mh {

const std::vector<CategoryInfo>& allCategories() {
    static const std::vector<CategoryInfo> k{
        {"tekun", "特困"},    {"dibao", "低保"},      {"dibao_edge", "低保边缘"}, {"kunnan", "经济困难"},
        {"shineng", "失能"},  {"banshineng", "半失能"}, {"zhongcan", "重残"},     {"jisheng", "计划生育特殊家庭"},
        {"youfu", "优抚对象"}, {"duju", "独居"},        {"kongchao", "空巢"},     {"liushou", "留守"},
    };
    return k;
}

std::optional<std::string> categoryCode(std::string_view text) { return codeIn(allCategories(), text); }

std::string_view categoryNameZh(std::string_view code) { return nameZhIn(allCategories(), code); }

}  // namespace mh

#include "shared/policy/policy_words.hpp"

#include "shared/core/categories.hpp"
#include "shared/core/money.hpp"

namespace mh {
namespace {

std::string joinCategories(const std::vector<std::string>& codes, const char* sep) {
    std::string out;
    for (size_t i = 0; i < codes.size(); ++i) out += (i ? sep : "") + std::string(categoryNameZh(codes[i]));
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

}  // namespace

std::string dateZh(LocalDate d) {
    return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string payerZh(Share s) {
    switch (s) {
        case Share::Government: return "政府";
        case Share::Collective: return "村集体";
        case Share::Donation: return "社会捐赠";
        case Share::Family: return "家庭";
        case Share::Elder: break;
    }
    return "老人";
}

std::string ruleWhoZh(const RuleDef& rule) {
    std::vector<std::string> parts;
    if (!rule.villages.empty()) parts.push_back(join(rule.villages, "、"));
    if (!rule.categories.empty()) parts.push_back(joinCategories(rule.categories, "或"));
    if (!rule.allCategories.empty()) parts.push_back(joinCategories(rule.allCategories, "且"));
    std::string who = join(parts, "的");
    std::string age;
    if (rule.minAge > 0 && rule.maxAge) age = std::to_string(rule.minAge) + "至" + std::to_string(*rule.maxAge) + "岁";
    else if (rule.minAge > 0) age = std::to_string(rule.minAge) + "岁以上";
    else if (rule.maxAge) age = std::to_string(*rule.maxAge) + "岁及以下";
    if (!age.empty()) who += who.empty() ? age + "老人" : "且" + age;
    if (who.empty()) who = "所有老人";
    if (!rule.notCategories.empty()) who += "，" + joinCategories(rule.notCategories, "、") + "除外";
    return who;
}

std::string ruleServicesZh(const RuleDef& rule, const SiteConfig& cfg) {
    if (rule.services.empty()) return "所有收费服务";
    std::vector<std::string> names;
    for (const auto& id : rule.services) {
        const ServiceDef* s = cfg.findService(id);
        names.push_back(s ? s->name : id);
    }
    return join(names, "、");
}

std::string ruleMoneyZh(const RuleDef& rule) {
    if (rule.elderFen)
        return "老人每次只需付" + formatYuanShort(*rule.elderFen) + "元，其余由" + payerZh(rule.remainder) + "补贴";
    if (rule.eligibilityOnly()) return "可按原价就餐（无补贴）";
    std::vector<std::string> parts;
    for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family})
        if (rule.shares.at(s) > 0) parts.push_back(payerZh(s) + "补贴" + formatYuanShort(rule.shares.at(s)) + "元");
    return "每次" + join(parts, "、") + "，其余老人自付";
}

std::string ruleLimitsZh(const RuleDef& rule) {
    std::vector<std::string> parts;
    if (rule.perDay) parts.push_back("每天限" + std::to_string(*rule.perDay) + "次");
    if (rule.perMonth) parts.push_back("每月限" + std::to_string(*rule.perMonth) + "次");
    if (rule.monthCapFen) parts.push_back("每月最多" + formatYuanShort(*rule.monthCapFen) + "元");
    if (rule.from && rule.until) parts.push_back(dateZh(*rule.from) + "至" + dateZh(*rule.until) + "执行");
    else if (rule.from) parts.push_back(dateZh(*rule.from) + "起执行");
    else if (rule.until) parts.push_back("执行到" + dateZh(*rule.until));
    return join(parts, "，");
}

std::string ruleLineZh(const RuleDef& rule, const SiteConfig& cfg) {
    // The name first, as the posting's counts by rule name it, so a villager can match the two.
    std::string line = rule.name + "（" + ruleWhoZh(rule) + "）：" + ruleServicesZh(rule, cfg) + "，" + ruleMoneyZh(rule);
    std::string limits = ruleLimitsZh(rule);
    if (!limits.empty()) line += "，" + limits;
    return line;
}

}  // namespace mh

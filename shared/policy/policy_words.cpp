#include "shared/policy/policy_words.hpp"

#include <algorithm>

#include "shared/core/categories.hpp"
#include "shared/core/money.hpp"

namespace mh {
namespace {

std::string joinCategories(const std::vector<std::string>& codes, const char* sep) {
    std::string out;
    for (size_t i = 0; i < codes.size(); ++i) out += (i ? sep : "") + std::string(categoryNameZh(codes[i]));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& y : v)
        if (y == x) return true;
    return false;
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

std::string ruleWhoZh(const Conditions& rule) {
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

std::string ruleServicesZh(const Conditions& rule, const PolicyConfig& cfg) {
    if (rule.services.empty()) return "所有收费服务";
    std::vector<std::string> names;
    for (const auto& id : rule.services) {
        const PolicyService* s = cfg.findService(id);
        names.push_back(s ? s->name : id);
    }
    return join(names, "、");
}

std::string ruleDaysZh(const Conditions& rule) {
    static const char* const zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    if (!rule.days) return "";
    // Runs of consecutive days read as a range (周一至周五), the rest one by one.
    std::vector<std::string> parts;
    for (int w = 0; w < 7;) {
        if (!(rule.days & (1u << w))) {
            ++w;
            continue;
        }
        int end = w;
        while (end + 1 < 7 && (rule.days & (1u << (end + 1)))) ++end;
        if (end - w >= 2) parts.push_back(std::string(zh[w]) + "至" + zh[end]);
        else
            for (int i = w; i <= end; ++i) parts.push_back(zh[i]);
        w = end + 1;
    }
    return join(parts, "、");
}

std::string ruleUseZh(const Conditions& rule, const PolicyConfig& cfg) {
    std::string when = ruleDaysZh(rule);
    if (rule.workdaysOnly) when += (when.empty() ? "" : "的") + std::string("工作日（法定节假日除外）");
    std::string what = ruleServicesZh(rule, cfg);
    if (rule.delivered) what = (*rule.delivered ? "送餐" : "堂食") + (rule.services.empty() ? std::string() : what);
    if (rule.minPriceFen) what += "（餐费" + formatYuanShort(*rule.minPriceFen) + "元及以上）";
    return when.empty() ? what : when + "的" + what;
}

std::string ruleMoneyZh(const RuleDef& rule, const PolicyConfig& cfg) {
    if (rule.elderFen)
        return "老人每次只需付" + formatYuanShort(*rule.elderFen) + "元，其余由" + payerZh(rule.remainder) + "补贴";
    if (rule.eligibilityOnly()) return "可按原价就餐（无补贴）";
    // Rule 3 cuts a rule's shares at the price: say so where some price it covers is below them.
    bool cut = false;
    for (const auto& s : cfg.services) {
        if (s.priceFen == Fen{0} || (!rule.services.empty() && !has(rule.services, s.id))) continue;
        Fen lowest = rule.delivered && *rule.delivered ? s.priceFor(true) : s.priceFen;
        if (rule.minPriceFen) lowest = std::max(lowest, *rule.minPriceFen);
        cut = cut || lowest <= rule.shares.total();
    }
    std::vector<std::string> parts;
    for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family})
        if (rule.shares.at(s) > Fen{0}) parts.push_back(payerZh(s) + "补贴" + formatYuanShort(rule.shares.at(s)) + "元");
    if (!cut) return "每次" + join(parts, "、") + "，其余老人自付";
    // As papers say it: "每次政府补贴最多15元，不超过餐费"; several payers: their sum is what is cut.
    if (parts.size() == 1)
        for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family})
            if (rule.shares.at(s) > Fen{0}) return "每次" + payerZh(s) + "补贴最多" + formatYuanShort(rule.shares.at(s)) + "元，不超过餐费";
    return "每次" + join(parts, "、") + "，合计不超过餐费";
}

std::string ruleLimitsZh(const RuleDef& rule) {
    std::vector<std::string> parts;
    if (rule.perDay) parts.push_back("每天限" + std::to_string(*rule.perDay) + "次");
    if (rule.perMonth) parts.push_back("每月限" + std::to_string(*rule.perMonth) + "次");
    if (rule.monthCapFen) parts.push_back("每月最多" + formatYuanShort(*rule.monthCapFen) + "元");
    if (!rule.countsTowardDaily) parts.push_back("不占每天的补贴次数");
    if (rule.from && rule.until) parts.push_back(dateZh(*rule.from) + "至" + dateZh(*rule.until) + "执行");
    else if (rule.from) parts.push_back(dateZh(*rule.from) + "起执行");
    else if (rule.until) parts.push_back("执行到" + dateZh(*rule.until));
    return join(parts, "，");
}

std::string ruleLineZh(const RuleDef& rule, const PolicyConfig& cfg) {
    // The name first, as the posting's counts by rule name it, so a villager can match the two.
    std::string line = rule.name + "（" + ruleWhoZh(rule) + "）：" + ruleUseZh(rule, cfg) + "，" + ruleMoneyZh(rule, cfg);
    std::string limits = ruleLimitsZh(rule);
    if (!limits.empty()) line += "，" + limits;
    return line;
}

std::string operatingLineZh(const OperatingDef& op, const PolicyConfig& cfg) {
    std::string line = op.name + "：";
    std::string who = ruleWhoZh(op);
    if (who != "所有老人") line += who + "的";
    line += ruleUseZh(op, cfg) + "，";
    line += (op.per == OperatingPer::Meal ? "每餐" : "每人每天") + formatYuanShort(op.fen) + "元";
    line += "（政府付给食堂，不算在老人的餐费里）";
    if (op.from && op.until) line += "，" + dateZh(*op.from) + "至" + dateZh(*op.until) + "执行";
    else if (op.from) line += "，" + dateZh(*op.from) + "起执行";
    else if (op.until) line += "，执行到" + dateZh(*op.until);
    return line;
}

}  // namespace mh

// Plain Chinese for the policy: who a rule is for, what it pays, its limits. One wording shared by
// `policy explain` (the sentence staff read to an elder) and the posting's 收费标准, so the notice
// board and the kiosk never describe one rule two ways.
#pragma once
#include <string>

#include "shared/core/dates.hpp"
#include "shared/policy/policy_config.hpp"

namespace mh {

// "2027年1月1日"
std::string dateZh(LocalDate d);
// "低保或低保边缘且80岁以上，特困除外"; "所有老人" when the rule states no condition on the person.
std::string ruleWhoZh(const Conditions& rule);
// "午餐、晚餐"; "所有收费服务" when the rule names none.
std::string ruleServicesZh(const Conditions& rule, const PolicyConfig& cfg);
// "周一至周五", "周一、周三": the weekdays of `days`; empty when every day.
std::string ruleDaysZh(const Conditions& rule);
// When and how: "工作日（法定节假日除外）的送餐午餐（餐费10元及以上）".
std::string ruleUseZh(const Conditions& rule, const PolicyConfig& cfg);
// "每次政府补贴6元、村集体补贴2元，其余老人自付" / "每次政府补贴最多15元，不超过餐费" (when the
// rule's shares can cover a whole price it covers: rule 3 cuts them at the price; with several payers
// "每次政府补贴4元、村集体补贴1元，合计不超过餐费") / "老人每次只需付1元，其余由政府补贴" /
// "可按原价就餐（无补贴）"
std::string ruleMoneyZh(const RuleDef& rule, const PolicyConfig& cfg);
// "每天限1次，每月最多70元，2027年1月1日起执行"; empty when the rule has no limit or dates.
std::string ruleLimitsZh(const RuleDef& rule);
// The whole line: "养老服务补贴（经济困难且80岁以上）：午餐、晚餐，每次政府补贴3元，其余老人自付，每月最多70元"
std::string ruleLineZh(const RuleDef& rule, const PolicyConfig& cfg);
// An operating subsidy on its own line under its name:
// "运营补贴：送餐午餐，每餐2元（政府付给食堂，老人不用付）"
std::string operatingLineZh(const OperatingDef& op, const PolicyConfig& cfg);
// The share's name in a sentence: 政府, 村集体, 社会捐赠, 家庭.
std::string payerZh(Share s);

}  // namespace mh

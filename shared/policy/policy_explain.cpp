#include "shared/policy/policy_explain.hpp"

#include <algorithm>

#include "shared/core/categories.hpp"
#include "shared/core/money_json.hpp"
#include "shared/core/text.hpp"
#include "shared/policy/policy_history.hpp"
#include "shared/policy/policy_words.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh {
namespace {

std::string_view verdictKey(RuleVerdict v) {
    switch (v) {
        case RuleVerdict::Applied: return "applied";
        case RuleVerdict::FreeService: return "free_service";
        case RuleVerdict::NotService: return "not_this_service";
        case RuleVerdict::NotYetInForce: return "not_in_force_yet";
        case RuleVerdict::Expired: return "expired";
        case RuleVerdict::NotCategory: return "category";
        case RuleVerdict::Age: return "age";
        case RuleVerdict::Village: return "village";
        case RuleVerdict::NotOnDay: return "not_this_weekday";
        case RuleVerdict::NotWorkday: return "not_a_workday";
        case RuleVerdict::Delivery: return "delivery";
        case RuleVerdict::BelowPrice: return "below_min_price";
        case RuleVerdict::DailySubsidised: return "subsidised_per_day_used";
        case RuleVerdict::DayLimit: return "per_day_used";
        case RuleVerdict::MonthLimit: return "per_month_used";
        case RuleVerdict::CapSpent: return "month_cap_spent";
        case RuleVerdict::LostInGroup: return "lost_in_group";
        case RuleVerdict::PriceCovered: break;
    }
    return "price_covered";
}

// The rule's conditions held: what happened to it is about limits or other rules, worth telling.
bool matched(RuleVerdict v) {
    switch (v) {
        case RuleVerdict::Applied:
        case RuleVerdict::DailySubsidised:
        case RuleVerdict::DayLimit:
        case RuleVerdict::MonthLimit:
        case RuleVerdict::CapSpent:
        case RuleVerdict::LostInGroup:
        case RuleVerdict::PriceCovered: return true;
        default: return false;
    }
}

std::string paidZh(const Shares& s) {
    std::string out;
    for (Share k : {Share::Government, Share::Collective, Share::Donation, Share::Family})
        if (s.at(k) > Fen{0}) out += (out.empty() ? "" : "、") + payerZh(k) + yuanZh(s.at(k));
    return out;
}

// "「低保高龄」补贴8元（政府6元、村集体2元）" for each rule that paid, in the order applied.
std::string paidPartsZh(const std::vector<RulePaid>& applied) {
    std::string s;
    for (const auto& p : applied) {
        s += s.empty() ? "" : "，";
        if (p.total() == Fen{0}) s += "符合「" + p.rule + "」的就餐条件（这条没有补贴）";
        else s += "「" + p.rule + "」补贴" + yuanZh(p.total()) + "（" + paidZh(p.shares) + "）";
    }
    return s;
}

// The use already recorded that day, as it was recorded (its split is fixed): never a new scan.
std::string recordedSentence(const PolicyExplanation& e) {
    const CheckinRecord& r = *e.recorded;
    std::string time = r.at.size() >= 16 ? r.at.substr(11, 5) : "";
    std::string s = e.maskedName + std::to_string(e.at.date.month()) + "月" + std::to_string(e.at.date.day()) + "日的" +
                    e.service->name + "已经签到过了" + (time.empty() ? "" : "（" + time + "）") + "：";
    if (r.priceFen == Fen{0}) return s + "免费，不用付钱。再刷会提示重复。";
    s += yuanZh(r.priceFen) + (r.delivered ? "（含送餐费）" : "") + "，";
    if (r.rules.empty()) s += "没有补贴，";
    else s += paidPartsZh(r.rules) + "，";
    s += r.shares.elder > Fen{0} ? "您付了" + yuanZh(r.shares.elder) : "您没有付钱";
    return s + "。再刷会提示重复。";
}

// Why nothing applies, when nothing does: the reason an elder can act on first.
std::string nothingAppliesZh(const PolicyExplanation& e) {
    const PolicyDecision& d = e.decision;
    for (const auto& o : d.outcomes)
        if (o.verdict == RuleVerdict::Age && !e.facts.birth) return "没有登记出生日期，年龄补贴不能用，请找工作人员补登";
    return "没有可以享受的补贴";
}

// "，本月还剩2元" for a rule whose month cap is partly used (after this use).
std::string capLeftZh(const RuleOutcome& o) {
    if (!o.rule->monthCapFen || o.monthPaidBefore == Fen{0}) return "";
    Fen left = *o.rule->monthCapFen - o.monthPaidBefore - o.paid.total();
    if (left <= Fen{0}) return "，「" + o.rule->name + "」本月额度用完了";
    return "，「" + o.rule->name + "」本月还剩" + yuanZh(left);
}

std::string sentenceFor(const PolicyExplanation& e, const PolicyConfig& cfg) {
    if (e.recorded) return recordedSentence(e);
    const PolicyDecision& d = e.decision;
    const Fen price = d.priceFen;
    std::string s = e.maskedName + std::to_string(e.at.date.month()) + "月" + std::to_string(e.at.date.day()) + "日" +
                    e.service->name;
    if (price == Fen{0}) return s + "免费，不用付钱。";
    s += yuanZh(price) + "：";
    if (d.ineligible) s += nothingAppliesZh(e) + "，本站只为符合条件的老人供餐";
    else if (d.applied.empty()) s += nothingAppliesZh(e) + "，按原价付" + yuanZh(d.shares.elder);
    else {
        s += paidPartsZh(d.applied);
        s += d.shares.elder > Fen{0} ? "，您付" + yuanZh(d.shares.elder) : "，您不用付钱";
        for (const auto& o : d.outcomes)
            if (o.verdict == RuleVerdict::Applied) s += capLeftZh(o);
    }
    // Why the other rules the elder fits did not pay: the part an elder usually asks about. Rules
    // that lost to the same rule of their group are said together.
    std::vector<const RuleDef*> winners;
    for (const auto& o : d.outcomes) {
        if (!matched(o.verdict) || o.verdict == RuleVerdict::Applied) continue;
        if (o.verdict != RuleVerdict::LostInGroup) {
            s += "。「" + o.rule->name + "」" + verdictZh(o, e.facts, e.at.date, cfg);
            continue;
        }
        if (std::find(winners.begin(), winners.end(), o.lostTo) != winners.end()) continue;
        winners.push_back(o.lostTo);
        std::string losers;
        for (const auto& other : d.outcomes)
            if (other.verdict == RuleVerdict::LostInGroup && other.lostTo == o.lostTo) losers += "「" + other.rule->name + "」";
        s += "。" + losers + verdictZh(o, e.facts, e.at.date, cfg);
    }
    if (!e.open)
        s += "。这个时间不在" + e.service->name + "的供应时间（" + e.window + "）内，刷卡会提示未开放";
    return s + "。";
}

}  // namespace

std::string yuanZh(Fen fen) { return formatYuanShort(fen) + "元"; }

std::string verdictZh(const RuleOutcome& o, const ElderFacts& elder, LocalDate day, const PolicyConfig& cfg) {
    const RuleDef& r = *o.rule;
    switch (o.verdict) {
        case RuleVerdict::Applied:
            return o.paid.total() == Fen{0} ? "符合条件，可以就餐（这条规则没有补贴）" : "补贴" + formatYuanShort(o.paid.government + o.paid.collective + o.paid.donation + o.paid.family) + "元（" + paidZh(o.paid) + "）";
        case RuleVerdict::FreeService: return "这项服务免费，不用补贴";
        case RuleVerdict::NotService: return "只适用于" + ruleServicesZh(r, cfg);
        case RuleVerdict::NotYetInForce: return "从" + dateZh(*r.from) + "起才执行";
        case RuleVerdict::Expired: return "已于" + dateZh(*r.until) + "到期";
        case RuleVerdict::NotCategory: return "只适用于" + ruleWhoZh(r);
        case RuleVerdict::Age:
            if (!elder.birth) return "没有登记出生日期，年龄补贴不能用，请找工作人员补登";
            return "只适用于" + ruleWhoZh(r) + "，老人现在" + std::to_string(ageOn(*elder.birth, day)) + "岁";
        case RuleVerdict::Village: return "只适用于" + ruleWhoZh(r);
        case RuleVerdict::NotOnDay: return "只在" + ruleDaysZh(r) + "执行";
        case RuleVerdict::NotWorkday: return "只在工作日（法定节假日除外）执行";
        case RuleVerdict::Delivery: return *r.delivered ? "只适用于送餐" : "只适用于在食堂就餐";
        case RuleVerdict::BelowPrice: return "只适用于" + yuanZh(*r.minPriceFen) + "以上的餐";
        case RuleVerdict::DailySubsidised:
            return "今天已经享受过补贴（每人每天限" + std::to_string(cfg.subsidisedPerDay.value_or(0)) + "次）";
        case RuleVerdict::DayLimit: return "今天已用过" + std::to_string(o.usesToday) + "次（每天限" + std::to_string(*r.perDay) + "次）";
        case RuleVerdict::MonthLimit:
            return "本月已用过" + std::to_string(o.usesThisMonth) + "次（每月限" + std::to_string(*r.perMonth) + "次）";
        case RuleVerdict::CapSpent: return "本月" + formatYuanShort(*r.monthCapFen) + "元额度已用完";
        case RuleVerdict::LostInGroup:
            return std::string("和「") + o.lostTo->name + "」不重复享受，" +
                   (cfg.pick == Pick::Highest ? "按就高原则享受「" : "按顺序享受「") + o.lostTo->name + "」";
        case RuleVerdict::PriceCovered: break;
    }
    return "餐费已由其他补贴付清";
}

Result<PolicyExplanation> explainPolicy(const PolicyConfig& cfg, Database& db, const ExplainRequest& req) {
    const std::string &elderId = req.elderId.str(), &serviceId = req.serviceId.str();
    const PolicyService* svc = cfg.findService(serviceId);
    if (!svc)
        return Error{"usage.service", "没有这个服务：" + serviceId + "（见 site.toml 中的 [[service]]）",
                     "no such service: " + serviceId + " (see [[service]] in site.toml)"};
    try {
        auto elder = ElderStore(db).byElderId(req.elderId);
        if (!elder || !elder->active)
            return Error{"explain.unknown", "名册里没有编号为 " + elderId + " 的老人（或已停用）",
                         "no active elder " + elderId + " in the roster"};
        PolicyExplanation e;
        e.elderId = elder->elderId;
        e.maskedName = maskName(elder->name);
        e.service = svc;
        e.at = req.at;
        e.open = req.open;
        e.window = req.window;
        CheckinStore checkins(db);
        e.facts = ElderFacts{elder->categories, elder->birth, elder->village};
        // The history a scan would see now, and the one decide every scan goes through.
        e.decision = decide(cfg, policyUse(*svc, req.at.date, req.delivered, req.open), e.facts,
                            policyHistory(checkins, cfg, req.elderId, req.at.date));
        e.recorded = checkins.counted(req.elderId, req.serviceId, req.at.date.iso());
        e.alreadyToday = e.recorded.has_value();
        e.sentence = sentenceFor(e, cfg);
        return e;
    } catch (const StoreError& err) {
        return Error{"store.error", std::string("数据库出错：") + err.what(), std::string("database error: ") + err.what()};
    }
}

nlohmann::ordered_json explanationJson(const PolicyExplanation& e, const PolicyConfig& cfg) {
    using J = nlohmann::ordered_json;
    const PolicyDecision& d = e.decision;
    J j;
    j["elder_id"] = e.elderId;
    j["name"] = e.maskedName;
    j["service"] = e.service->id;
    j["at"] = e.at.iso();
    j["price_fen"] = d.priceFen;
    j["open"] = e.open;
    j["already_today"] = e.alreadyToday;
    j["ineligible"] = d.ineligible;
    if (!d.applied.empty()) {
        j["rule"] = d.applied.front().rule;
        j["rules"] = J::array();
        for (const auto& p : d.applied) j["rules"].push_back(p.rule);
    }
    j["shares_fen"] = sharesJson(d.shares);
    if (!cfg.operating.empty()) j["operating_fen"] = d.operatingFen;
    if (e.recorded) {
        J rec;
        rec["record_id"] = e.recorded->recordId;
        rec["at"] = e.recorded->at;
        rec["price_fen"] = e.recorded->priceFen;
        J names = J::array();
        for (const auto& p : e.recorded->rules) names.push_back(p.rule);
        rec["rules"] = std::move(names);
        rec["shares_fen"] = sharesJson(e.recorded->shares);
        j["recorded"] = std::move(rec);
    }
    J matchedRules = J::array();
    for (const auto& o : d.outcomes)
        if (matched(o.verdict)) matchedRules.push_back(o.rule->name);
    j["matched"] = std::move(matchedRules);
    J detail = J::array();
    for (const auto& o : d.outcomes) {
        J r;
        r["rule"] = o.rule->name;
        r["group"] = o.rule->group;
        r["status"] = std::string(verdictKey(o.verdict));
        r["matched"] = matched(o.verdict);
        if (o.verdict == RuleVerdict::Applied) {
            r["paid_fen"] = o.paid.government + o.paid.collective + o.paid.donation + o.paid.family;
            Shares paid = o.paid;
            paid.elder = Fen{0};
            r["shares_fen"] = sharesJson(paid);
        }
        if (o.verdict == RuleVerdict::LostInGroup && o.lostTo) r["lost_to"] = o.lostTo->name;
        if (o.rule->perDay) r["uses_today"] = o.usesToday;
        if (o.rule->perMonth) r["uses_this_month"] = o.usesThisMonth;
        if (o.rule->monthCapFen) {
            r["month_paid_fen"] = o.monthPaidBefore;
            r["month_cap_fen"] = *o.rule->monthCapFen;
        }
        r["why"] = verdictZh(o, e.facts, e.at.date, cfg);
        detail.push_back(std::move(r));
    }
    j["details"] = std::move(detail);
    j["sentence"] = e.sentence;
    return j;
}

}  // namespace mh

#include "shared/posting/fee_schedule.hpp"

#include <map>

#include "shared/core/money.hpp"
#include "shared/policy/policy_words.hpp"

namespace mh {

std::vector<std::string> feeScheduleLines(const SiteConfig& cfg, LocalDate first, LocalDate last) {
    std::vector<std::string> out;
    std::string priced, free;
    for (const auto& s : cfg.services) {
        if (s.priceFen > Fen{0})
            priced += (priced.empty() ? "" : "，") + s.name + formatYuanShort(s.priceFen) + "元" +
                      (s.deliveryFen > Fen{0} ? "（送餐另加" + formatYuanShort(s.deliveryFen) + "元）" : "");
        else free += (free.empty() ? "" : "、") + s.name;
    }
    std::string prices = "价格：" + (priced.empty() ? std::string("全部免费") : priced);
    if (!priced.empty() && !free.empty()) prices += "；" + free + "免费";
    out.push_back(prices + "。");

    const PolicyConfig& policy = cfg.policy;
    std::map<std::string, int> perGroup;
    for (const auto& r : policy.rules) {
        // In force on some day of the month: it started by the month's end and had not ended by its start.
        if ((r.from && last < *r.from) || (r.until && *r.until < first)) continue;
        out.push_back(ruleLineZh(r, policy) + "。");
        ++perGroup[r.group];
    }
    // Each operating subsidy on its own line under its name: money the operator gets, not the elder.
    std::vector<std::string> operating;
    for (const auto& op : policy.operating)
        if (!((op.from && last < *op.from) || (op.until && *op.until < first))) operating.push_back(operatingLineZh(op, policy) + "。");
    if (perGroup.empty()) {
        out.push_back("本月没有补贴规则，按价格付费。");
        out.insert(out.end(), operating.begin(), operating.end());
        return out;
    }
    // How the rules combine, in one line: a notice board has little room.
    std::string notes;
    bool shared = false;
    for (const auto& [g, n] : perGroup) shared = shared || n > 1;
    if (shared)
        notes += policy.pick == Pick::Highest ? "同时符合同一类中几项的，按就高原则只享受其中一项，不重复享受；"
                                           : "同时符合同一类中几项的，只享受排在前面的一项，不重复享受；";
    if (perGroup.size() > 1) notes += "不同类的补贴可以同时享受，但合计不超过价格；";
    if (policy.subsidisedPerDay) notes += "每人每天限享受补贴" + std::to_string(*policy.subsidisedPerDay) + "次；";
    notes += policy.unsubsidised == Unsubsidised::Refuse ? "不符合以上条件的老人，本站暂不提供服务。"
                                                      : "不符合以上条件的老人按价格付费。";
    out.push_back(notes);
    out.insert(out.end(), operating.begin(), operating.end());
    return out;
}

}  // namespace mh

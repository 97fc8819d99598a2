#include "shared/tally/tally_json.hpp"

#include "shared/core/money_json.hpp"

namespace mh {

nlohmann::ordered_json tallyJson(const DailyTally& t) {
    using J = nlohmann::ordered_json;
    J j;
    j["schema"] = "mealhall.tally.v2";
    j["site_id"] = t.siteId;
    j["terminal"] = t.terminal;
    j["date"] = t.date.iso();
    j["revision"] = t.revision;
    j["generated_at"] = t.generatedAt;
    J services = J::array();
    for (const auto& s : t.services) {
        J js;
        js["id"] = s.id.str();
        js["kind"] = s.kind;
        js["count"] = s.count;
        js["delivered"] = s.delivered;
        js["voided"] = s.voided;
        js["price_fen"] = s.priceFen;
        js["shares_fen"] = sharesJson(s.shares);
        if (t.operating) js["operating_fen"] = s.operatingFen;
        js["by_rule"] = J::object();
        for (const auto& [k, v] : s.byRule) js["by_rule"][k] = v;
        js["by_category"] = J::object();
        for (const auto& [k, v] : s.byCategory) js["by_category"][k] = v;
        js["refused"] = J::object();  // contract 13: refused scans of the day by outcome
        for (const auto& [k, v] : s.refused) js["refused"][k] = v;
        // Contract 12 (2026-12-06): other meals by kind (kinds with none omitted), and 代领.
        js["others"] = J::object();
        for (const char* kind : {"guest", "staff", "volunteer"})
            if (auto it = s.others.find(kind); it != s.others.end())
                js["others"][kind] = J{{"count", it->second.count}, {"paid_fen", it->second.paidFen}};
        js["proxy"] = s.proxy;
        services.push_back(std::move(js));
    }
    j["services"] = std::move(services);
    J records = J::array();
    for (const auto& r : t.records) {
        J jr;
        jr["record_id"] = r.recordId;
        jr["elder_id"] = r.elderId.str();
        jr["service"] = r.service.str();
        jr["at"] = r.at;
        if (r.enteredAt) jr["entered_at"] = *r.enteredAt;  // hand-timed (scan --at): when it was really written
        if (!r.source.empty()) jr["source"] = r.source;     // card, id, legacy, manual or paper (the power-cut sheet)
        jr["delivered"] = r.delivered;
        if (r.rule) jr["rule"] = *r.rule;
        if (!r.rules.empty()) {
            jr["rules"] = J::array();
            for (const auto& p : r.rules) jr["rules"].push_back(p.rule);
        }
        jr["price_fen"] = r.priceFen;
        jr["shares_fen"] = sharesJson(r.shares);
        if (t.operating) jr["operating_fen"] = r.operatingFen;
        if (r.proxyName) jr["proxy"] = J{{"name", *r.proxyName}, {"relation", r.proxyRelation.value_or("")}};
        if (r.delivered) jr["delivery"] = r.deliveryOutcome == std::optional<std::string>("delivered") ? "delivered" : "pending";
        records.push_back(std::move(jr));
    }
    j["records"] = std::move(records);
    if (t.journal) {
        J jj;
        jj["seq"] = t.journal->seq;
        jj["head"] = t.journal->head;
        if (!t.journal->sig.empty()) jj["sig"] = t.journal->sig;
        if (!t.journal->problem.empty()) jj["problem"] = t.journal->problem;
        j["journal"] = std::move(jj);
    }
    return j;
}

nlohmann::ordered_json scanResultJson(const ScanResult& r, bool english) {
    nlohmann::ordered_json j;
    j["outcome"] = std::string(outcomeKey(r.outcome));
    if (r.recordId) j["record_id"] = *r.recordId;
    if (!r.elderId.empty()) {
        j["elder_id"] = r.elderId.str();
        j["name"] = r.maskedName;
    }
    j["service"] = r.service.str();
    j["delivered"] = r.delivered;
    if (r.accepted()) {
        if (r.rule) j["rule"] = *r.rule;
        if (!r.rules.empty()) j["rules"] = r.rules;
        j["price_fen"] = r.priceFen.value_or(Fen{0});
        j["shares_fen"] = sharesJson(r.shares.value_or(Shares{}));
        j["at"] = r.at;
        if (!r.source.empty()) j["source"] = r.source;
        if (r.proxy) j["proxy"] = {{"name", r.proxy->name}, {"relation", r.proxy->relation}};
    }
    j["message"] = english ? r.messageEn : r.message;
    // The kiosk's log line of a scan the store could not write: the cause, and that staff must act.
    if (r.storeFault != StoreFault::None) {
        j["fault"] = r.storeFault == StoreFault::Full ? "store_full" : "store_failed";
        j["needs_staff"] = true;
    }
    return j;
}

}  // namespace mh

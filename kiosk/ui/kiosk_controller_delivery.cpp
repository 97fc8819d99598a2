// 送餐 on the 更多 page (contract 12): today's delivered meals from the route sheet, what the driver
// found recorded through the same use case as `delivery --record --outcome --by` (recordDelivery; by
// the staff screen, as its other actions are recorded), and the visit alerts with 已处理 for a note
// (markConcernHandled, as `delivery handled`). Each asks first.
#include <exception>
#include <string>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/eats/delivery_outcomes.hpp"
#include "shared/eats/route_sheet.hpp"
#include "shared/staff/staff_audit.hpp"

namespace mh::ui {

namespace {

std::string outcomeName(const std::string& outcome) {
    return outcome == "delivered" ? "已送到" : outcome == "not_home" ? "不在家" : outcome == "refused" ? "拒收" : outcome;
}

std::string stopText(const RouteStop& s) {
    std::string t = drawable(s.maskedName);
    for (const std::string* part : {&s.village, &s.phone, &s.service})
        if (!part->empty()) t += "  " + drawable(*part);
    return t;
}

}  // namespace

void KioskController::loadDelivery() {
    DeliveryPage& p = m_state.delivery;
    p.stops.clear();
    p.alerts.clear();
    try {
        for (const RouteStop& s : routeSheet(m_site, m_state.now.date).stops)
            p.stops.push_back({s.recordId, stopText(s), s.outcome.empty() ? "" : outcomeName(s.outcome)});
        for (const DeliveryAlert& a : deliveryAlerts(m_site, m_state.now.date)) {
            // Staff call the family: the full name and the phone (this screen is behind the PIN).
            std::string text = drawable(a.name) + (a.village.empty() ? "" : "（" + drawable(a.village) + "）") + " " + a.phone + " " +
                               outcomeName(a.outcome);
            if (a.day != m_state.now.date.iso() && !a.day.empty()) text += "（" + a.day.substr(5) + "）";
            if (!a.note.empty()) text += " · 备注：" + drawable(a.note);
            p.alerts.push_back({a.outcomeId, text, !a.note.empty()});
        }
    } catch (const std::exception& e) {  // the store's error: nothing listed, said so
        m_state.staffMessage = std::string("数据库读不出来：") + e.what();
        m_state.staffMessageIsProblem = true;
    }
}

void KioskController::askDeliveryOutcome(std::int64_t recordId, const std::string& outcome) {
    if (outcome != "delivered" && outcome != "not_home" && outcome != "refused") return;
    for (const DeliveryStopLine& s : m_state.delivery.stops)
        if (s.recordId == recordId) {
            std::vector<std::string> lines{s.text, "送餐结果：" + outcomeName(outcome)};
            if (outcome != "delivered") lines.push_back("这顿饭作废，不算补贴；老人列入今天要回访的名单");
            ask({"记下送餐结果吗？", lines, "确认"}, [this, recordId, outcome] { recordDeliveryOutcome(recordId, outcome); });
            return;
        }
    m_state.staffMessage = "这顿送餐已经不在今天的名单上";
    m_state.staffMessageIsProblem = true;
}

void KioskController::recordDeliveryOutcome(std::int64_t recordId, const std::string& outcome) {
    auto r = recordDelivery(m_site, m_clock, DeliveryRequest{recordId, outcome, kStaffScreenActor, "", std::nullopt});
    if (!r) {
        m_state.staffMessage = "没有记下：" + r.error().message;
        m_state.staffMessageIsProblem = true;
    } else {
        m_state.staffMessage = "已记下：" + drawable(r->maskedName) + " " + outcomeName(outcome) + (r->voided ? "，这顿已作废" : "");
        m_state.staffMessageIsProblem = false;
        // Today's meal (the list is today's): a day already frozen gets a new revision, sent at once.
        m_ops.recordChanged(m_state.now.date, m_state.now);
    }
    loadDelivery();
}

void KioskController::askDeliveryHandled(std::int64_t outcomeId) {
    for (const DeliveryAlertLine& a : m_state.delivery.alerts)
        if (a.outcomeId == outcomeId && a.handleable) {
            ask({"这条备注已经处理好了吗？", {a.text}, "确认已处理"}, [this, outcomeId] {
                Status s = markConcernHandled(m_site, m_clock, outcomeId, kStaffScreenActor);
                m_state.staffMessage = s ? "已处理" : "没有记下：" + s.error().message;
                m_state.staffMessageIsProblem = !s;
                loadDelivery();
            });
            return;
        }
}

}  // namespace mh::ui

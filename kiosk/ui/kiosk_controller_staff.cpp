// The staff area of the controller: the PIN pad that is the gate, and the commands behind it
// (roster, missing regulars, manual check-in, voids, delivered mode). KioskController::apply hands
// StaffCommands over only with the StaffPass its PIN gate makes, so none of this can run from the
// elders' screens.
#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/checkin/door_services.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/reports/day_roster.hpp"
#include "shared/staff/staff_audit.hpp"
#include "shared/staff/staff_queries.hpp"

namespace mh::ui {

void KioskController::openPinPad() {
    m_state.screen = ScreenId::Pin;
    m_state.pinDigits.clear();
    m_state.pinMessage.clear();
}

void KioskController::pinDigit(char digit) {
    if (m_state.pinDigits.size() < 12) m_state.pinDigits += digit;
    m_state.pinMessage.clear();
}

void KioskController::pinBackspace() {
    if (!m_state.pinDigits.empty()) m_state.pinDigits.pop_back();
}

void KioskController::submitPin() {
    // No checker: the pad stays locked, as with no PIN set.
    PinAnswer a = m_pinChecker ? m_pinChecker(m_state.pinDigits) : PinAnswer{"还没有设置工作人员密码", PinAnswer::Kind::NotSet};
    // The digits are never logged, right or wrong: a wrong PIN is often the right one mistyped.
    m_state.pinDigits.clear();
    m_state.pinMessage = a.sentence;
    switch (a.kind) {
        case PinAnswer::Kind::Ok: audit("staff.login", "", ""); break;
        case PinAnswer::Kind::Wrong: audit("staff.login.failed", "", "wrong PIN"); break;
        case PinAnswer::Kind::LockedNow:
            audit("staff.login.locked", "", "wrong PIN; pad locked after " + std::to_string(StaffPin::kMaxFailures) + " in a row");
            break;
        case PinAnswer::Kind::Locked: audit("staff.login.refused", "", "pad locked"); break;
        case PinAnswer::Kind::NotSet: audit("staff.login.refused", "", "no staff PIN set"); break;
    }
    if (a.kind == PinAnswer::Kind::Ok) {
        // What food safety needs now (overdue, or due within the hour) stands first (contract 14).
        loadSafety();
        m_state.staffTab = m_state.safetyNeedsStaff ? StaffTab::Safety : StaffTab::Roster;
        m_state.safetyForm = {};
        loadStaffTab();
        m_state.screen = ScreenId::Roster;
    }
}

void KioskController::closeStaff(const std::string& why) {
    if (m_state.screen == ScreenId::Roster) audit("staff.logout", "", why);
    m_state.screen = ScreenId::Checkin;
    m_state.pinDigits.clear();
    m_state.pinMessage.clear();
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
    cancelAction();
    m_state.paper = {};
    m_state.staffTab = StaffTab::Roster;
}

void KioskController::audit(const std::string& action, const std::string& subject, const std::string& detail) {
    // The action itself has happened already (a login, a volume step); a log that cannot be written
    // is told to staff rather than undoing it.
    if (!auditStaffAction(m_site, m_clock, action, subject, detail)) m_state.staffMessage = kAuditNotWritten;
}

void KioskController::showStaffTab(StaffTab tab) {
    m_state.staffTab = tab;
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
    m_state.paper = {};  // 补录纸质名单 is a mode of one visit to the 补签 tab, never left on
    cancelAction();
    loadStaffTab();
}

void KioskController::loadRoster() {
    m_state.roster.clear();
    // Records another terminal also counted while the two could not talk come marked (contract 11),
    // so staff void one of each with a reason.
    for (const DayRosterService& s : dayRoster(m_site, m_state.now.date)) {
        RosterService& svc = m_state.roster.emplace_back(RosterService{s.name, {}, s.counted});
        // A voided row is settled: only the pair's other record still needs staff.
        for (const DayRosterRow& r : s.rows)
            svc.rows.push_back({r.recordId, drawable(r.name), r.time, r.delivered, r.voided, r.doubled && !r.voided, r.diets,
                                 drawable(r.proxy)});
    }
}

void KioskController::loadStaffTab() {
    switch (m_state.staffTab) {
        case StaffTab::Roster:
            loadRoster();
            // The roster's heading warns of a donation balance running out and an upload needing staff.
            loadBackOffice();
            break;
        case StaffTab::Missing: {
            m_state.missing.clear();
            if (m_state.service.id.empty()) break;  // a site with no meal: nobody is "missing" from one
            for (auto& m : regularsMissing(m_site.db(), ServiceId(m_state.service.id), m_state.now.date))
                m_state.missing.push_back({drawable(m.name), drawable(m.village), m.phone, m.daysCame});
            break;
        }
        case StaffTab::Manual: {
            // 补签 records any service open now, the door's or one staff book (at_door = false);
            // staff pick which on the tab (issue 23).
            m_state.manualServices.clear();
            for (const ServiceDef* s : openServicesAt(m_site.config(), m_state.now.wallTime()))
                m_state.manualServices.push_back({s->id, s->name, s->opens.text() + "–" + s->closes.text()});
            // Preset to what the door takes when that is one service (the meal at lunch), or to the
            // only one open; else staff tap the service first.
            m_state.manualServiceId = m_state.doorServices.size() == 1   ? m_state.doorServices.front().id
                                      : m_state.manualServices.size() == 1 ? m_state.manualServices.front().id
                                                                           : "";
            m_state.surnames = surnameInitials(m_site.db());
            m_state.villages = villages(m_site.db());
            m_state.choices.clear();
            m_state.idDigits.clear();
            break;
        }
        case StaffTab::Safety: loadSafety(); break;
        case StaffTab::Review: loadReview(); break;
        case StaffTab::More: break;
        case StaffTab::Others: loadOthers(); break;
        case StaffTab::Delivery: loadDelivery(); break;
        case StaffTab::Menu:
            m_state.menuWeek = MenuWeek{};  // opened afresh: today's week, nothing being edited
            loadMenuWeek();
            break;
        case StaffTab::Settings:
        case StaffTab::Donation:
            loadClock();
            loadPrinters();
            loadBackOffice();
            break;
    }
}

void KioskController::idDigit(char digit) {
    if (m_state.idDigits.size() >= 4) m_state.idDigits.clear();
    m_state.idDigits += digit;
    if (m_state.idDigits.size() == 4) showChoices(findElders(m_site.db(), ElderKey::IdLast4, m_state.idDigits));
}

void KioskController::showChoices(std::vector<Elder> found) {
    m_state.choices.clear();
    for (auto& e : found) m_state.choices.push_back({e.elderId, drawable(e.name), drawable(e.village)});
    m_state.staffMessage = found.empty() ? "没有找到" : "";
}

void KioskController::manualCheckIn(const std::string& elderId) {
    tick();
    std::string serviceId = m_state.manualServiceId;
    bool offered = false;
    for (const auto& c : m_state.manualServices) offered = offered || c.id == serviceId;
    if (m_state.manualServices.empty()) {
        // Nothing open: the engine refuses it as closed, with the next meal's hours.
        serviceId = m_state.service.id;
        offered = !serviceId.empty();
    }
    if (!offered) {
        m_state.staffMessage = m_state.manualServices.empty() ? "现在没有开放的服务" : "先点上面要补签哪一项";
        return;
    }
    auto r = m_engine.checkInManually(ElderId(elderId), ServiceId(serviceId), std::nullopt, m_state.deliveredMode,
                                      kStaffScreenActor);
    if (!r) {
        m_state.staffMessage = r.error().message;
        return;
    }
    // Staff see the same sentence an elder would, with the full name.
    m_state.staffMessage = r->message;
    m_state.choices.clear();
    m_state.idDigits.clear();
    if (r->accepted()) m_ops.recordChanged(m_state.now.date, m_state.now);
}

void KioskController::voidRecord(const std::string& reason) {
    if (!m_state.voiding) return;
    auto r = m_engine.voidRecord(*m_state.voiding, reason, kStaffScreenActor);
    // A void of a day whose tally is already frozen makes a new revision: send it without waiting.
    if (r)
        if (auto day = LocalDate::parse(r->day)) m_ops.recordChanged(*day, m_engine.now());
    m_state.staffMessage = r ? "已作废：" + reason : r.error().message;
    m_state.voiding.reset();
    loadRoster();
}

void KioskController::toggleDelivered() {
    m_state.deliveredMode = !m_state.deliveredMode;
    audit(m_state.deliveredMode ? "kiosk.delivered.on" : "kiosk.delivered.off", "", "");
}

}  // namespace mh::ui

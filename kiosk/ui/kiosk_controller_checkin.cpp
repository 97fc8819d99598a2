// The check-in area of the controller, open to anyone at the kiosk: a scan through CheckInEngine, the
// result screen and its voice, and the way back to 请刷卡.
#include "kiosk/ui/kiosk_controller.hpp"
#include <utility>

#include "shared/site/setup_card.hpp"

namespace mh::ui {

void KioskController::showResult(const ScanResult& r) {
    m_state.result = r;
    m_state.resultShownAt = m_clock.nowUnix();
    m_state.screen = ScreenId::Result;
}

void KioskController::scan(const std::string& payload) {
    // County IT's setup card on the settings tab replaces the county connection (issue 14); anywhere
    // else it is no elder's card and the engine refuses it like any other.
    if (m_state.screen == ScreenId::Roster && m_state.staffTab == StaffTab::Settings && looksLikeSetupCard(payload))
        if (auto pass = staffGate()) {
            acceptSetupCard(payload, *pass);
            return;
        }
    // A card read while a staff screen is up is an elder waiting to eat: it is checked in and its
    // result shown at once (issue 12: a card at the PIN pad was silently dropped). A staff session
    // that was open ends here; staff open it again with the PIN.
    if (m_state.screen == ScreenId::Pin || m_state.screen == ScreenId::Roster) closeStaff("a card was scanned");
    // The faces after the last meal never hold up the next elder: they go, untapped, scoring nothing.
    if (m_state.screen == ScreenId::Feedback) backToWaiting();
    tick();
    // Which services this card may take (door_services.hpp): one is recorded at once; with several
    // the elder picks on the screen, and nothing is recorded before the tap (issue 23).
    const std::vector<ServiceChoice>& door = m_state.doorServices;
    if (door.size() > 1) {
        auto card = m_engine.readCard(payload, ServiceId(door.front().id));
        if (!card) {
            storeFailed(card.error(), door.front());
            return;
        }
        if (card->refusal) {
            backToWaiting();
            showScanResult(std::move(*card->refusal));
            return;
        }
        // The same card shown again while its picker is up picks nothing: the elder still chooses.
        if (m_state.screen == ScreenId::Choose && m_state.pick->elderId == card->elderId.str()) return;
        // Another elder's card: the one before walked away without choosing; this one chooses now.
        m_unreadableInRow = 0;
        m_pickPayload = payload;
        m_state.result.reset();
        m_state.pick = DoorPick{card->elderId.str(), card->maskedName, door, m_clock.nowUnix()};
        m_state.screen = ScreenId::Choose;
        if (m_speaker) {
            std::vector<std::string> names;
            for (const auto& c : door) names.push_back(c.name);
            m_speaker->sayChoices(names);
        }
        return;
    }
    backToWaiting();
    // One door service open: it; none: the next meal, which the engine refuses as closed with its hours.
    std::string serviceId = door.size() == 1 ? door.front().id : m_state.service.id;
    if (serviceId.empty()) return;
    recordScan(payload, serviceId);
}

void KioskController::pickDoorService(const std::string& serviceId) {
    if (m_state.screen != ScreenId::Choose || !m_state.pick) return;
    bool offered = false;
    for (const auto& c : m_state.pick->options) offered = offered || c.id == serviceId;
    if (!offered) return;
    std::string payload = std::exchange(m_pickPayload, {});
    backToWaiting();
    recordScan(payload, serviceId);
}

void KioskController::storeFailed(const Error& e, const ServiceChoice& service) {
    // The store failed (disk full): nothing was recorded (the engine's transaction rolled back);
    // the elder is sent to the staff, on screen and by voice, and the log names the cause.
    ScanResult fail;
    fail.outcome = Outcome::Invalid;
    fail.service = ServiceId(service.id);
    fail.serviceName = service.name;
    fail.message = e.message;
    fail.messageEn = e.en;
    fail.storeFault = e.code == "store.full" ? StoreFault::Full : e.code == "store.busy" ? StoreFault::None : StoreFault::Failed;
    m_unreadableInRow = 0;
    backToWaiting();
    showResult(fail);
    if (m_scanLog) m_scanLog(fail);
    if (m_speaker) m_speaker->sayResult(fail);
}

void KioskController::recordScan(const std::string& payload, const std::string& serviceId) {
    // In delivered-meal mode a volunteer scans the cards of elders whose meals are carried to them.
    auto r = m_engine.scan(ScanRequest{payload, ServiceId(serviceId), std::nullopt, m_state.deliveredMode});
    if (!r) {
        const ServiceDef* svc = m_site.config().findService(serviceId);
        storeFailed(r.error(), {serviceId, svc ? svc->name : serviceId, ""});
        return;
    }
    showScanResult(std::move(*r));
}

void KioskController::showScanResult(ScanResult shown) {
    // One unreadable card is often a shaky hand; the second in a row is a damaged card, and trying
    // again will not help: the elder is sent to the staff instead of retrying forever.
    m_unreadableInRow = shown.outcome == Outcome::Invalid ? m_unreadableInRow + 1 : 0;
    shown.repeatedFailure = shown.outcome == Outcome::Invalid && m_unreadableInRow >= 2;
    showResult(shown);
    if (m_scanLog) m_scanLog(shown);
    if (m_speaker) m_speaker->sayResult(shown);
    askFeedback(shown);
}

void KioskController::replayVoice() {
    if (m_speaker && m_state.result) m_speaker->sayResult(*m_state.result);
    m_state.resultShownAt = m_clock.nowUnix();  // listening again: keep the screen up
}

void KioskController::backToWaiting() {
    m_state.screen = ScreenId::Checkin;
    m_state.result.reset();
    // Leaving the picker untapped (返回, the timeout) records nothing.
    m_state.pick.reset();
    m_pickPayload.clear();
    // Leaving the faces untapped (the timeout, the next card) scores nothing.
    m_state.feedback.reset();
}

}  // namespace mh::ui

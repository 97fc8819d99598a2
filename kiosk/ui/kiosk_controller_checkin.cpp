// The check-in area of the controller, open to anyone at the kiosk: a scan through CheckInEngine, the
// result screen and its voice, and the way back to 请刷卡.
#include "kiosk/ui/kiosk_controller.hpp"
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
    tick();
    if (m_state.service.id.empty()) return;
    // In delivered-meal mode a volunteer scans the cards of elders whose meals are carried to them.
    auto r = m_engine.scan(ScanRequest{payload, m_state.service.id, std::nullopt, m_state.deliveredMode});
    if (!r) {
        // The store failed (disk full): nothing was recorded (the engine's transaction rolled back);
        // the elder is sent to the staff, on screen and by voice, and the log names the cause.
        ScanResult fail;
        fail.outcome = Outcome::Invalid;
        fail.service = m_state.service.id;
        fail.serviceName = m_state.service.name;
        fail.message = r.error().message;
        fail.messageEn = r.error().en;
        const std::string& code = r.error().code;
        fail.storeFault = code == "store.full" ? StoreFault::Full : code == "store.busy" ? StoreFault::None : StoreFault::Failed;
        m_unreadableInRow = 0;
        showResult(fail);
        if (m_scanLog) m_scanLog(fail);
        if (m_speaker) m_speaker->sayResult(fail);
        return;
    }
    ScanResult shown = *r;
    // One unreadable card is often a shaky hand; the second in a row is a damaged card, and trying
    // again will not help: the elder is sent to the staff instead of retrying forever.
    m_unreadableInRow = shown.outcome == Outcome::Invalid ? m_unreadableInRow + 1 : 0;
    shown.repeatedFailure = shown.outcome == Outcome::Invalid && m_unreadableInRow >= 2;
    showResult(shown);
    if (m_scanLog) m_scanLog(shown);
    if (m_speaker) m_speaker->sayResult(shown);
}

void KioskController::replayVoice() {
    if (m_speaker && m_state.result) m_speaker->sayResult(*m_state.result);
    m_state.resultShownAt = m_clock.nowUnix();  // listening again: keep the screen up
}

void KioskController::backToWaiting() {
    m_state.screen = ScreenId::Checkin;
    m_state.result.reset();
}

}  // namespace mh::ui

// The back office of the controller, behind the PIN: uploads, posting and donations (through
// OpsPanel, which calls the use cases in shared/), the kiosk settings staff change on the settings tab
// (volume, panel size, printer: kiosk_prefs.hpp keeps each with its audit entry) and the county setup card.
#include <algorithm>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ops_panel.hpp"
#include "shared/site/clock_check.hpp"
#include "shared/checkin/clock_confirm.hpp"
#include "shared/site/setup_card_apply.hpp"
#include "shared/staff/staff_audit.hpp"
#include "shared/posting/posting_print.hpp"
#include "shared/staff/kiosk_prefs.hpp"

namespace mh::ui {

void KioskController::loadSettings() {
    // The volume staff last set survives a restart; delivered mode does not (kiosk_prefs.hpp). The
    // panel size staff picked counts where site.toml and the panel say nothing.
    KioskPrefs prefs = loadKioskPrefs(m_site);
    if (prefs.volume) m_state.volume = *prefs.volume;
    if (prefs.panelInch) m_state.pickedDiagonalInch = *prefs.panelInch;
}

void KioskController::loadBackOffice() {
    m_ops.loadUpload(m_state.ops);
    m_ops.loadDonation(m_state.ops, m_state.now.date);
}

void KioskController::loadPrinters() {
    m_state.printer = postingPrinter(m_site);
    m_state.printers = m_ops.printers();
}

void KioskController::applyOps(const OpsCommand& c) { m_ops.apply(c, m_state); }

void KioskController::pickDiagonal(double inch) {
    if (inch <= 3 || inch >= 100 || inch == m_state.pickedDiagonalInch) return;
    const std::string before = panelInchText(m_state.pickedDiagonalInch, false);
    m_state.pickedDiagonalInch = inch;
    if (!savePanelSize(m_site, kStaffScreenActor, nowIso(), before, panelInchText(inch, false)))
        m_state.staffMessage = kAuditNotWritten;
}

void KioskController::volumeStep(int delta) {
    int before = m_state.volume;
    m_state.volume = std::clamp(m_state.volume + delta, 0, 100);
    if (m_speaker) m_speaker->setVolume(m_state.volume);
    if (m_state.volume != before && !saveVolume(m_site, kStaffScreenActor, nowIso(), before, m_state.volume))
        m_state.staffMessage = kAuditNotWritten;
}

void KioskController::pickPrinter(const std::string& name) {
    std::string before = postingPrinter(m_site);
    if (name == before || name.size() > 127) return;
    m_state.printer = name;
    // The sentence below says what staff will see next month; a failed save shows on the next visit.
    (void)savePostingPrinter(m_site, kStaffScreenActor, nowIso(), before, name);
    m_state.staffMessage = name.empty() ? "月度公示以后不送打印机" : "月度公示以后送打印机 " + name;
}

void KioskController::loadClock() {
    m_state.clockProblem.clear();
    m_state.clockConfirmable = false;
    m_state.clockCorrected.clear();
    try {
        if (auto wrong = clockProblem(m_site.db(), m_clock.nowUnix())) {
            m_state.clockProblem = wrong->message;
            // A clock earlier than the site is never right (clock_confirm.hpp, invariant 1): no button.
            m_state.clockConfirmable = wrong->code != "clock.before_site";
        }
        for (const ClockCorrection& c : clockCorrections(m_site.db(), 5)) {
            std::string ids;
            for (size_t i = 0; i < c.records.size() && i < 10; ++i) ids += (i ? "、" : "") + std::to_string(c.records[i]);
            if (c.records.size() > 10) ids += "……";
            m_state.clockCorrected.push_back(shortLocalTime(c.confirmedAt) + " 校准时间前，时钟偏快时记下了 " +
                                             std::to_string(c.records.size()) + " 条记录（记录号 " + ids + "），请核对");
        }
    } catch (const StoreError&) {
        // The clock line is advice; an unreadable database is shown by the database line above it.
    }
}

void KioskController::confirmClockNow() {
    try {
        auto c = confirmClock(m_site, m_clock.nowUnix(), kStaffScreenActor, kStaffScreenActor);
        m_state.staffMessage = c ? "已确认时间正确，现在可以刷卡了" +
                                       (c->records.empty() ? std::string()
                                                           : "；时钟偏快时记下的 " + std::to_string(c->records.size()) + " 条记录请核对")
                                 : c.error().message;
    } catch (const StoreError&) {
        m_state.staffMessage = "没有记下时间确认（数据库写入失败）";
    }
    loadClock();
}

void KioskController::acceptSetupCard(const std::string& payload, StaffPass /*pass*/) {
    if (!m_setupKeysProblem.empty()) {
        m_state.staffMessage = m_setupKeysProblem;
        return;
    }
    auto card = verifySetupCard(payload, m_setupKeys, m_site.timeZone().toLocal(m_clock.nowUnix()).date, m_site.config().siteId);
    if (!card) {
        m_state.staffMessage = card.error().message;
        auditStaffAction(m_site, m_clock, "setup.card.refused", m_site.config().siteId, card.error().code);
        return;
    }
    auto applied = applySetupCard(m_site, *card, m_site.timeZone().isoWithOffset(m_clock.nowUnix()), kStaffScreenActor);
    if (!applied) {
        m_state.staffMessage = applied.error().message;
        return;
    }
    // The uploader opens the site afresh on each run: woken now, it sends with the new connection.
    m_ops.apply(OpsCommand{UploadNow{}}, m_state);
    m_ops.loadUpload(m_state.ops);
    m_state.staffMessage = "已换成新的县平台接入：" + applied->newEndpoint + "，正在上报";
}

}  // namespace mh::ui

// The staff area of the controller: the commands behind the PIN (roster, manual check-in, voids,
// settings, the back office's OpsPanel). KioskController::apply hands them over only with the
// StaffPass its PIN gate makes, so none of this can run from the elders' screens.
#include <algorithm>
#include <cstdio>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/site/setup_card_apply.hpp"
#include "shared/staff/staff_audit.hpp"
#include "shared/staff/staff_queries.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/kiosk_settings.hpp"

namespace mh::ui {

void KioskController::applyStaff(const StaffCommand& c, StaffPass /*pass: the PIN gate let staff in*/) {
    std::visit(
        [this](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, ShowStaffTab>) {
                m_state.staffTab = cmd.tab;
                m_state.staffMessage.clear();
                m_state.voiding.reset();
                loadStaffTab();
            } else if constexpr (std::is_same_v<T, FindBySurname>) {
                showChoices(findElders(m_site.db(), ElderKey::Surname, cmd.surname));
            } else if constexpr (std::is_same_v<T, FindByVillage>) {
                showChoices(findElders(m_site.db(), ElderKey::Village, cmd.village));
            } else if constexpr (std::is_same_v<T, IdDigit>) {
                if (m_state.idDigits.size() >= 4) m_state.idDigits.clear();
                m_state.idDigits += cmd.digit;
                if (m_state.idDigits.size() == 4) showChoices(findElders(m_site.db(), ElderKey::IdLast4, m_state.idDigits));
            } else if constexpr (std::is_same_v<T, IdBackspace>) {
                if (!m_state.idDigits.empty()) m_state.idDigits.pop_back();
            } else if constexpr (std::is_same_v<T, ManualCheckIn>) {
                manualCheckIn(cmd.elderId);
            } else if constexpr (std::is_same_v<T, StartVoid>) {
                m_state.voiding = cmd.recordId;
            } else if constexpr (std::is_same_v<T, VoidWithReason>) {
                voidRecord(cmd.reason);
            } else if constexpr (std::is_same_v<T, CancelVoid>) {
                m_state.voiding.reset();
            } else if constexpr (std::is_same_v<T, ToggleDelivered>) {
                m_state.deliveredMode = !m_state.deliveredMode;
                audit(m_state.deliveredMode ? "kiosk.delivered.on" : "kiosk.delivered.off", "", "");
            } else if constexpr (std::is_same_v<T, OpsCommand>) {
                m_ops.apply(cmd, m_state);
            } else if constexpr (std::is_same_v<T, PickDiagonal>) {
                if (cmd.inch <= 3 || cmd.inch >= 100 || cmd.inch == m_state.pickedDiagonalInch) return;
                char before[32], now[32];
                std::snprintf(before, sizeof before, "%g", m_state.pickedDiagonalInch);
                std::snprintf(now, sizeof now, "%g", cmd.inch);
                m_state.pickedDiagonalInch = cmd.inch;
                std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix()), value = now;
                audit("kiosk.diagonal", "", std::string(before) + " -> " + now,
                      [&](Database& db) { KioskSettings(db).set(KioskSettings::kDiagonal, value, at); });
            } else if constexpr (std::is_same_v<T, PickPrinter>) {
                std::string before = effectivePostingPrinter(m_site.db(), m_site.config().postingPrinter);
                if (cmd.name == before || cmd.name.size() > 127) return;
                m_state.printer = cmd.name;
                std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix()), now = cmd.name;
                auto shown = [](const std::string& p) { return p.empty() ? std::string("(none)") : p; };
                audit("kiosk.printer", "", shown(before) + " -> " + shown(now),
                      [&](Database& db) { KioskSettings(db).set(KioskSettings::kPrinter, now, at); });
                m_state.staffMessage = now.empty() ? "月度公示以后不送打印机" : "月度公示以后送打印机 " + now;
            } else if constexpr (std::is_same_v<T, VolumeStep>) {
                int before = m_state.volume;
                m_state.volume = std::clamp(m_state.volume + cmd.delta, 0, 100);
                if (m_speaker) m_speaker->setVolume(m_state.volume);
                if (m_state.volume != before) {
                    std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix()), now = std::to_string(m_state.volume);
                    audit("kiosk.volume", "", std::to_string(before) + " -> " + now,
                          [&](Database& db) { KioskSettings(db).set(KioskSettings::kVolume, now, at); });
                }
            }
        },
        c);
}

void KioskController::showChoices(std::vector<Elder> found) {
    m_state.choices.clear();
    for (auto& e : found) m_state.choices.push_back({e.elderId, drawable(e.name), drawable(e.village)});
    m_state.staffMessage = found.empty() ? "没有找到" : "";
}

void KioskController::manualCheckIn(const std::string& elderId) {
    tick();
    if (m_state.service.id.empty()) {
        m_state.staffMessage = "现在没有开放的服务";
        return;
    }
    auto r = m_engine.checkInManually(elderId, m_state.service.id, std::nullopt, m_state.deliveredMode, kStaffScreenActor);
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
    auto rec = CheckinStore(m_site.db()).byId(*m_state.voiding);
    auto r = m_engine.voidRecord(*m_state.voiding, reason, kStaffScreenActor);
    // A void of a day whose tally is already frozen makes a new revision: send it without waiting.
    if (r && rec)
        if (auto day = LocalDate::parse(rec->day)) m_ops.recordChanged(*day, m_engine.now());
    m_state.staffMessage = r ? "已作废：" + reason : r.error().message;
    m_state.voiding.reset();
    loadRoster();
}

void KioskController::acceptSetupCard(const std::string& payload, StaffPass /*pass*/) {
    if (!m_setupKeysProblem.empty()) {
        m_state.staffMessage = m_setupKeysProblem;
        return;
    }
    auto card = verifySetupCard(payload, m_setupKeys, m_site.config().siteId);
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

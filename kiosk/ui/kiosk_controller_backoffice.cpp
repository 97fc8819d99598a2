// The back office of the controller, behind the PIN: uploads, posting and donations (through
// OpsPanel, which calls the use cases in shared/) and the kiosk settings staff change on the settings
// tab (volume, panel size), each kept in KioskSettings with its audit entry.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/store/kiosk_settings.hpp"

namespace mh::ui {

void KioskController::loadSettings() {
    // The volume staff last set survives a restart; delivered mode does not (kiosk_settings.hpp).
    try {
        if (auto v = KioskSettings(m_site.db()).getInt(KioskSettings::kVolume, 0, 100)) m_state.volume = *v;
    } catch (const StoreError&) {
        // An unreadable setting is not worth a kiosk that does not start: the default volume.
    }
    try {
        // The panel size staff picked on the settings tab, where site.toml and the panel say nothing.
        if (auto d = KioskSettings(m_site.db()).get(KioskSettings::kDiagonal)) {
            double v = std::strtod(d->c_str(), nullptr);
            if (v > 3 && v < 100) m_state.pickedDiagonalInch = v;
        }
    } catch (const StoreError&) {
    }
}

void KioskController::loadBackOffice() {
    m_ops.loadUpload(m_state.ops);
    m_ops.loadDonation(m_state.ops, m_state.now.date);
}

void KioskController::applyOps(const OpsCommand& c) { m_ops.apply(c, m_state); }

void KioskController::pickDiagonal(double inch) {
    if (inch <= 3 || inch >= 100 || inch == m_state.pickedDiagonalInch) return;
    char before[32], now[32];
    std::snprintf(before, sizeof before, "%g", m_state.pickedDiagonalInch);
    std::snprintf(now, sizeof now, "%g", inch);
    m_state.pickedDiagonalInch = inch;
    std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix()), value = now;
    audit("kiosk.diagonal", "", std::string(before) + " -> " + now,
          [&](Database& db) { KioskSettings(db).set(KioskSettings::kDiagonal, value, at); });
}

void KioskController::volumeStep(int delta) {
    int before = m_state.volume;
    m_state.volume = std::clamp(m_state.volume + delta, 0, 100);
    if (m_speaker) m_speaker->setVolume(m_state.volume);
    if (m_state.volume != before) {
        std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix()), now = std::to_string(m_state.volume);
        audit("kiosk.volume", "", std::to_string(before) + " -> " + now,
              [&](Database& db) { KioskSettings(db).set(KioskSettings::kVolume, now, at); });
    }
}

}  // namespace mh::ui

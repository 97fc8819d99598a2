// The kiosk's own settings (see kiosk_prefs.hpp).
#include "shared/staff/kiosk_prefs.hpp"

#include <cstdio>
#include <cstdlib>

#include "shared/store/audit_log.hpp"
#include "shared/store/kiosk_settings.hpp"

namespace mh {
namespace {

// The setting and its entry land together or not at all.
bool saveWithAudit(Site& site, const std::string& key, const std::string& value, const std::string& actor,
                   const std::string& nowIso, const std::string& action, const std::string& detail) {
    try {
        Transaction tx(site.db());
        KioskSettings(site.db()).set(key, value, nowIso);
        AuditLog(site.db()).append(nowIso, actor, action, "", detail);
        tx.commit();
        return true;
    } catch (const StoreError&) {
        return false;
    }
}

}  // namespace

KioskPrefs loadKioskPrefs(Site& site) {
    KioskPrefs p;
    try {
        p.volume = KioskSettings(site.db()).getInt(KioskSettings::kVolume, 0, 100);
    } catch (const StoreError&) {
    }
    try {
        if (auto d = KioskSettings(site.db()).get(KioskSettings::kDiagonal)) {
            double v = std::strtod(d->c_str(), nullptr);
            if (v > 3 && v < 100) p.panelInch = v;
        }
    } catch (const StoreError&) {
    }
    return p;
}

std::string panelInchText(double inch, bool measured) {
    char text[32];
    std::snprintf(text, sizeof text, measured ? "%.1f" : "%g", inch);
    return text;
}

bool savePanelSize(Site& site, const std::string& actor, const std::string& nowIso, const std::string& before,
                   const std::string& now) {
    return saveWithAudit(site, KioskSettings::kDiagonal, now, actor, nowIso, "kiosk.diagonal", before + " -> " + now);
}

bool saveVolume(Site& site, const std::string& actor, const std::string& nowIso, int before, int now) {
    return saveWithAudit(site, KioskSettings::kVolume, std::to_string(now), actor, nowIso, "kiosk.volume",
                         std::to_string(before) + " -> " + std::to_string(now));
}

bool savePostingPrinter(Site& site, const std::string& actor, const std::string& nowIso, const std::string& before,
                        const std::string& now) {
    auto shown = [](const std::string& p) { return p.empty() ? std::string("(none)") : p; };
    return saveWithAudit(site, KioskSettings::kPrinter, now, actor, nowIso, "kiosk.printer", shown(before) + " -> " + shown(now));
}

}  // namespace mh

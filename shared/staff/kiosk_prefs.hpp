// The kiosk's own settings that staff change on the screen (volume, panel size, posting printer)
// and the first run sets (panel size): read them at start, and change one with its audit entry in
// the same transaction, so the log never misses a change that took effect.
#pragma once
#include <optional>
#include <string>

#include "shared/site/site.hpp"

namespace mh {

// What a restart must keep. Delivered-meal mode is deliberately not here: a kiosk restarted in it
// would record every elder at the counter as a delivered meal.
struct KioskPrefs {
    std::optional<int> volume;        // 0..100; none: never set (or unreadable)
    std::optional<double> panelInch;  // the panel diagonal staff measured; none: never set
};
// Never throws: an unreadable setting is not worth a kiosk that does not start (the defaults then).
KioskPrefs loadKioskPrefs(Site& site);

// The panel size as it is stored and logged: "%g" on the settings tab, "%.1f" for the first run's
// measured bar (a measurement, not a button).
std::string panelInchText(double inch, bool measured);

// Each stores the new value and appends "before -> now" to the audit log as `actor`, at `nowIso`,
// in one transaction. False when the store failed (nothing changed then).
bool savePanelSize(Site& site, const std::string& actor, const std::string& nowIso, const std::string& before,
                   const std::string& now);
bool saveVolume(Site& site, const std::string& actor, const std::string& nowIso, int before, int now);
// `now` empty: the posting is no longer printed.
bool savePostingPrinter(Site& site, const std::string& actor, const std::string& nowIso, const std::string& before,
                        const std::string& now);

}  // namespace mh

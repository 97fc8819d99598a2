// Writes what staff did on the kiosk's own screens to the audit log, as actor "staff-screen", so
// that the log tells the screen apart from the CLI and from the elders' own scans.
#pragma once
#include <functional>
#include <string>

#include "shared/site/site.hpp"
#include "shared/ports/clock.hpp"

namespace mh {

inline constexpr const char* kStaffScreenActor = "staff-screen";

// Appends one entry stamped with the site's local time. `alongside` (may be empty) runs in the same
// transaction, so a setting and its entry land together. Returns false when the store failed:
// the kiosk carries on (a full disk must not stop the volume buttons), the caller may say so.
bool auditStaffAction(Site& site, const Clock& clock, const std::string& action, const std::string& subject,
                      const std::string& detail, const std::function<void(Database&)>& alongside = {});

}  // namespace mh

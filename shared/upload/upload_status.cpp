#include "shared/upload/upload_status.hpp"

#include "shared/upload/upload_outbox.hpp"

namespace mh {

UploadStatus readUploadStatus(Site& site) {
    UploadOutbox box(site);
    UploadStatus s;
    s.configured = !site.config().uploadEndpoint.empty();
    s.lastSuccessAt = box.state(upload_keys::kLastSuccessAt).value_or("");
    s.daysPending = box.pendingDays();
    auto st = site.db().prepare("SELECT MIN(day) FROM upload_outbox WHERE state = 'pending'");
    if (st.step()) s.oldestPendingDay = st.optText(0).value_or("");
    s.lastError = box.state(upload_keys::kLastError).value_or("");
    s.lastErrorEn = box.state(upload_keys::kLastErrorEn).value_or("");
    s.lastErrorAt = box.state(upload_keys::kLastErrorAt).value_or("");
    s.needsStaff = box.state(upload_keys::kNeedsStaff).value_or("0") == "1";
    s.rosterPulledAt = box.state(upload_keys::kRosterPulledAt).value_or("");
    s.rosterError = box.state(upload_keys::kRosterError).value_or("");
    return s;
}

}  // namespace mh

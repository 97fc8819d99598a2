// Staff-screen audit entries (see staff_audit.hpp).
#include "shared/staff/staff_audit.hpp"

#include "shared/store/audit_log.hpp"

namespace mh {

bool auditStaffAction(Site& site, const Clock& clock, const std::string& action, const std::string& subject,
                      const std::string& detail, const std::function<void(Database&)>& alongside) {
    Database& db = site.db();
    try {
        Transaction tx(db);
        if (alongside) alongside(db);
        AuditLog(db).append(site.timeZone().isoWithOffset(clock.nowUnix()), kStaffScreenActor, action, subject, detail);
        tx.commit();
        return true;
    } catch (const StoreError&) {
        return false;
    }
}

}  // namespace mh

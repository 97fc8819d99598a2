// `kiosk init` and the first run share this (see site_init.hpp).
#include "shared/site/site_init.hpp"

#include "shared/store/audit_log.hpp"

namespace mh {

Result<std::unique_ptr<Site>> initSite(const std::filesystem::path& dir, const std::string& siteId,
                                       const std::string& name, const Clock& clock, const std::string& actor) {
    auto site = Site::init(dir, siteId, name);
    if (!site) return site.error();
    AuditLog((*site)->db()).append((*site)->timeZone().isoWithOffset(clock.nowUnix()), actor, "site.init", siteId, name);
    return site;
}

}  // namespace mh

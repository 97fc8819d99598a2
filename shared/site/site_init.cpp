// `kiosk init` and the first run share this (see site_init.hpp).
#include "shared/site/site_init.hpp"

#include "shared/site/first_run_site.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {

Result<std::unique_ptr<Site>> initSiteInPlace(const std::filesystem::path& dir, const std::string& siteId,
                                              const std::string& name, const Clock& clock, const std::string& actor) {
    auto site = Site::init(dir, siteId, name);
    if (!site) return site.error();
    AuditLog((*site)->db()).append((*site)->timeZone().isoWithOffset(clock.nowUnix()), actor, "site.init", siteId, name);
    return site;
}

Result<std::unique_ptr<Site>> initSite(const std::filesystem::path& dir, const std::string& siteId,
                                       const std::string& name, const Clock& clock, const std::string& actor) {
    // An earlier init (or first run) killed during its final move is finished first: that site then
    // stands in DIR, and this one is refused as site.exists like any second init.
    if (auto rolled = finishInterruptedFirstRun(dir); !rolled) return rolled.error();
    auto staged = FirstRunStaging::begin(dir, siteId, name, clock, actor);
    if (!staged) return staged.error();
    if (auto done = (*staged)->commit("", actor, /*firstRunDone=*/false); !done) return done.error();
    return Site::open(dir);
}

}  // namespace mh

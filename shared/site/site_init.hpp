// The one use case behind `kiosk init` and the first run on the screen: Site::init (database,
// default site.toml, keys) and its audit entry "site.init", stamped in the new site's time zone.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

// `kiosk init`: the new site is built in DIR/.first-run and moved into place at the end, exactly as
// the first run on the screen builds it (first_run_site.hpp), so a kill or power cut at any point
// either leaves a finished site or nothing that blocks the next init: a half-built staging directory
// is removed by the next try, and a move cut short is completed by it (or by `run` or any verb that
// opens the site). Errors as Site::init's. `actor`: who made it ("admin" for the command line).
Result<std::unique_ptr<Site>> initSite(const std::filesystem::path& dir, const std::string& siteId,
                                       const std::string& name, const Clock& clock, const std::string& actor);

// Site::init and the audit entry, in place: only for a staging directory (FirstRunStaging).
Result<std::unique_ptr<Site>> initSiteInPlace(const std::filesystem::path& dir, const std::string& siteId,
                                              const std::string& name, const Clock& clock, const std::string& actor);

}  // namespace mh

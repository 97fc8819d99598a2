// The one use case behind `kiosk init` and the first run on the screen: Site::init (database,
// default site.toml, keys) and its audit entry "site.init", stamped in the new site's time zone.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

// Errors as Site::init's. `actor`: who made it ("admin" for the command line, "first-run").
Result<std::unique_ptr<Site>> initSite(const std::filesystem::path& dir, const std::string& siteId,
                                       const std::string& name, const Clock& clock, const std::string& actor);

}  // namespace mh

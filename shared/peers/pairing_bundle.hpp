// What a joining terminal receives from the terminal it joins (contract 11, `init --join`): the
// site's site.toml, its secret files (ID-hash key, card-signing key, county token) and the tables
// that make the new terminal serve the same elders (the roster, and the staff PIN so staff type the
// same PIN at either door). Check-ins are not in it: those travel by the peers' record feed.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct SiteBundle {
    std::string siteToml;                                    // the file as it is, comments and all
    std::vector<std::pair<std::string, std::string>> files;  // file name in the site dir -> content
    nlohmann::json tables = nlohmann::json::object();        // table -> [ {column: value} ]
    std::string fromTerminal;                                 // the giver's terminal id
    std::vector<std::string> peers;                           // the giver's [peers] addresses
};

// The tables a bundle carries, in the order they are copied.
inline constexpr const char* kBundleTables[] = {"elders", "staff_pin"};

// Reads everything from an open site (its site.toml text from disk). Throws StoreError.
SiteBundle makeSiteBundle(Site& site);
nlohmann::json bundleToJson(const SiteBundle& b);
// Refuses a bundle with a file name that could leave the site directory or a table it does not know.
Result<SiteBundle> bundleFromJson(const nlohmann::json& j);

// Copies the bundle's tables into `db` (inside the caller's transaction). Throws StoreError.
int importBundleTables(Database& db, const nlohmann::json& tables);

}  // namespace mh

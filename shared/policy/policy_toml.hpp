// The policy's tables of site.toml ([policy], [[rule]], [[operating]], [calendar]) read into a
// PolicyConfig. site_config hands over the parsed root table and keeps the result; every mistake is
// reported through the same TomlReader, with its line, in Chinese.
#pragma once
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "shared/core/toml_reader.hpp"
#include "shared/policy/policy_config.hpp"

namespace mh {

// The keys of the root table the policy owns.
inline constexpr std::string_view kPolicyTables[] = {"policy", "rule", "operating", "calendar"};

// `cfg.services` must already hold the site's services (rules may name only those).
void readPolicy(TomlReader& r, const toml::table& root, PolicyConfig& cfg);

// One sentence per rule or operating subsidy naming a village no roster elder has (a misspelt
// village makes a subsidy silently vanish), naming the villages known. Empty when the roster has no
// villages at all (nothing imported yet).
std::vector<std::string> unknownVillageWarnings(const PolicyConfig& cfg, const std::vector<std::string>& knownVillages);

}  // namespace mh

// Writing [peers] into a human-edited site.toml (contract 11): `init --join` and the terminal it joins
// add each other's address. The file is edited as text, not re-serialised, so the comments and the
// layout county IT wrote survive; only the `addresses` (and, when asked, `listen`) line changes.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/result.hpp"

namespace mh {

// `text` with [peers] addresses set to `addresses` (and `listen` set when given): the `addresses =`
// line (a multi-line array included) is replaced in place, a missing one is put right under the
// [peers] header, and a missing [peers] table is appended at the end. Everything else is kept as is.
std::string withPeersInToml(const std::string& text, const std::vector<std::string>& addresses,
                            const std::optional<std::string>& listen = std::nullopt);

// Adds `address` to [peers] addresses of DIR/site.toml unless it is there already: the new text is
// parsed before it replaces the file (atomically, 0600), and it becomes site.toml.last-good as well,
// since it loads. Fails, changing nothing, when the present site.toml does not load.
Status addPeerToSiteToml(const std::filesystem::path& siteDir, const std::string& address);

// Which of [peers] and its `listen` DIR/site.toml has, so a message about the listener names the
// setting to change where it exists (both false when the file does not parse or is missing).
struct PeersTomlKeys {
    bool table = false;
    bool listen = false;
};
PeersTomlKeys peersKeysInSiteToml(const std::filesystem::path& siteDir);

}  // namespace mh

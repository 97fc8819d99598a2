// Applying a verified setup card to a site: the county connection it carries replaces the site's
// ([upload] endpoint in site.toml, the token in [upload] token_file), audited. One home for the first
// run and the staff settings tab.
#pragma once
#include <string>
#include <string_view>

#include "shared/core/result.hpp"
#include "shared/site/setup_card.hpp"
#include "shared/site/site.hpp"

namespace mh {

// site.toml's text with [upload] endpoint set to `endpoint`, everything else (comments included)
// as it was: the line is replaced in place, or added under [upload], or an [upload] table is appended.
// Errors: setup.toml when the result would not load (the old text stays in use).
Result<std::string> withUploadEndpoint(std::string_view tomlText, const std::string& endpoint);

struct AppliedSetupCard {
    std::string oldEndpoint, newEndpoint;
};

// Writes the token (0600, temp file then rename) and then site.toml's endpoint, and appends an audit
// entry "setup.card" (actor, old -> new endpoint, issue date; never the token). The card must be for
// this site (setup.site). The Site object keeps its loaded configuration: the uploader opens the
// site afresh on each run and so takes the new connection then.
Result<AppliedSetupCard> applySetupCard(Site& site, const SetupCard& card, const std::string& atIso,
                                        const std::string& actor);

}  // namespace mh

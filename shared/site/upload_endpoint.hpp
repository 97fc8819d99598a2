// Checking the county's upload address (site.toml [upload] endpoint, or the one a setup card carries)
// before anything is sent to it. Beside the site, not the uploader: the setup card checks it too, and
// the site layer sits below shared/upload.
#pragma once
#include <string>

#include "shared/core/result.hpp"

namespace mh {

// The endpoint normalised (lower-case scheme, "." and ".." resolved, no trailing '/'), or
// upload.endpoint with a plain sentence: only https://, or http:// to this machine (127.0.0.1, ::1,
// localhost); never a user name, password, query or fragment (contract 8).
Result<std::string> checkEndpoint(const std::string& endpoint);

}  // namespace mh

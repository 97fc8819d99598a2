// Where and as whom the site uploads: [upload] endpoint from site.toml and the token from
// [upload] token_file in the site directory (read again on every run, so a fixed token needs no restart).
#pragma once
#include <string>

#include "shared/core/result.hpp"
#include "shared/core/url.hpp"            // urlEncode, for the callers that build query strings
#include "shared/site/site.hpp"
#include "shared/site/upload_endpoint.hpp"  // checkEndpoint, which loadUploadTarget applies

namespace mh {

struct UploadTarget {
    std::string endpoint;  // without a trailing '/'
    std::string token;
    std::string caBundle;  // empty: the system's CA store

    [[nodiscard]] std::string url(const std::string& path) const { return endpoint + path; }
    [[nodiscard]] std::string bearer() const { return "Bearer " + token; }
};

// Errors (plain Chinese for staff): upload.unconfigured (no endpoint: uploads stay pending),
// upload.token_file (missing or empty token file),
// upload.endpoint (see checkEndpoint in shared/site/upload_endpoint.hpp).
Result<UploadTarget> loadUploadTarget(const Site& site);

}  // namespace mh

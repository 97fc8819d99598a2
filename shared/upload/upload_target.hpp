// Where and as whom the site uploads: [upload] endpoint from site.toml and the token from
// [upload] token_file in the site directory (read again on every run, so a fixed token needs no restart).
#pragma once
#include <string>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

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
// upload.endpoint (see checkEndpoint).
Result<UploadTarget> loadUploadTarget(const Site& site);

// The endpoint as libcurl will use it (normalised, no trailing '/'), or upload.endpoint with a plain
// sentence: only https://, or http:// to this machine (127.0.0.1, ::1, localhost); never a user name,
// password, query or fragment (contract 8).
Result<std::string> checkEndpoint(const std::string& endpoint);

// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
std::string urlEncode(const std::string& s);

}  // namespace mh

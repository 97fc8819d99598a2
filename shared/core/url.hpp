// Splitting an http(s) URL into its parts, and percent-encoding a query value: plain code, so the core
// needs no network library to check an address. The splitter is deliberately narrower than a browser
// or libcurl: it accepts only the unambiguous forms, and for every URL it accepts, the host it reports
// is the host libcurl (platform/net) connects to (tests/upload/test_url_matches_curl.cpp holds the two to that).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mh {

struct UrlParts {
    std::string scheme;    // lower case ("https")
    bool hasUserinfo = false;  // anything before an '@' in the authority (a user name, a password)
    std::string host;      // as written: "platform.example.gov.cn", "127.0.0.1", "[::1]"
    std::string port;      // digits without leading zeros; empty when none
    std::string path;      // "/" at least; "." and ".." segments resolved
    std::string query;     // after '?', empty when none or empty
    std::string fragment;  // after '#', empty when none or empty

    // scheme://host[:port]path[?query][#fragment] (the userinfo is never written back).
    [[nodiscard]] std::string withoutUserinfo() const;
};

// nullopt for anything that is not `scheme://authority[path][?query][#fragment]` with a plain host:
// no scheme or not followed by "//", spaces, control characters or backslashes anywhere, an empty or
// percent-encoded host, a host with characters outside letters, digits and "-._~", a numeric host
// other than a plain dotted quad ("127.1" and "0x7f000001" mean 127.0.0.1 to a resolver), a bracketed
// host that is not an IPv6 address, a port that is not a number up to 65535.
std::optional<UrlParts> splitUrl(std::string_view url);

// Percent-encodes a query value: RFC 3986's unreserved A-Z a-z 0-9 - . _ ~ stay as they are,
// every other byte (UTF-8 byte by byte) becomes %XX in upper-case hex.
std::string urlEncode(std::string_view s);

}  // namespace mh

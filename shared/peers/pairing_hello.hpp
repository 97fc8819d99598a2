// A terminal that just joined introduces itself to the site's other terminals (contract 11: each
// lists all the others). The code-holder writes the joiner down itself; a third terminal learns of it
// from this message: POST /peer/v1/hello with the port it listens on, signed with the site's key that
// the join handed over, and fresh (5 minutes), so only a terminal of this site can add itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "shared/site/site_keys.hpp"

namespace mh {

inline constexpr const char* kHelloPath = "/peer/v1/hello";
inline constexpr std::int64_t kHelloFreshSeconds = 300;

std::string makeHello(const SiteKeys& keys, int listenPort, const std::string& terminal, std::int64_t nowUnix);

// The port the sender listens on, when the message is signed with this site's key and fresh.
std::optional<int> checkHello(const std::string& body, const SiteKeys& keys, std::int64_t nowUnix);

}  // namespace mh

// The new terminal's side of `init --join` (contract 11): proves it knows the code shown on a
// terminal of the site, receives the site's configuration, keys and roster sealed to itself, and
// becomes a terminal of that site with its own database and terminal id.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/http_client.hpp"

namespace mh {

struct JoinOptions {
    std::string address;  // the code-holder, "host:port"
    std::string code;     // six digits
    std::string listen = "0.0.0.0:7443";  // where this terminal will serve its peers ([peers] listen)
    const Clock* clock = nullptr;  // for the audit entry and the hellos' time (none: neither)
};

struct JoinResult {
    std::string siteId, name;
    std::string terminal;      // this terminal's new id
    std::string fromTerminal;  // the code-holder's
    int rowsCopied = 0;        // roster and staff rows
    std::vector<std::string> peers;  // [peers] addresses now in this terminal's site.toml
    bool peerAdded = true;     // the code-holder wrote this terminal into its own site.toml
    std::string peerNote;      // why not, in Chinese
    std::vector<std::string> unreached;  // other terminals that could not be told of this one (hello)
};

// Error codes: "join.usage" (bad address, code or directory: exit 2), "join.unreachable" (exit 2),
// "join.code" (wrong, expired, burnt, used or no code shown, or too many wrong tries: exit 1),
// "join.reply" and "join.site" (the other side's answer could not be used: exit 1), "join.unfinished"
// (the other side did not confirm the join: exit 1), "site.*" (this directory could not be written:
// exit 2). On failure the directory is left empty (removed again when this call created it).
// The site is made with the marker kJoinUnfinished in it and no [peers] addresses; the code-holder is
// then told the join is done (only then does it write this terminal down), and only after that are
// the addresses written and the marker removed. A directory holding the marker (a join killed
// half-way) is cleared and joined into again.
Result<JoinResult> joinSite(HttpClient& http, const std::filesystem::path& dir, const JoinOptions& options);

}  // namespace mh

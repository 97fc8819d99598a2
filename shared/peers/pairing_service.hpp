// The code-holder's side of `init --join` (contract 11): answers POST /peer/v1/join. A request
// proves it knows the pairing code (pairing_crypto.hpp); the answer is the site's bundle sealed to
// the joiner, and the joiner's address (its IP as the transport saw it, and the port it says it will
// listen on) is added to this terminal's [peers] addresses.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "shared/peers/pairing_code.hpp"
#include "shared/ports/peer_handler.hpp"

namespace mh {

inline constexpr const char* kJoinPath = "/peer/v1/join";

class PairingService {
public:
    // `code` must outlive this. `onJoined(address)`: after a terminal joined and its address was
    // written to site.toml (the peer sync may re-read it); called on the server's thread.
    PairingService(std::filesystem::path siteDir, PairingCode& code, const Clock& clock,
                   std::function<void(const std::string& address)> onJoined = {});

    // /peer/v1/join: 200 with the sealed bundle; 400 malformed; 401 {"error": "wrong_code" | "burnt" |
    // "expired" | "used"}; 500 {"error": "site"} when this terminal's own site cannot be read.
    // /peer/v1/hello (pairing_hello.hpp): 200 and the sender written down; 401 when not signed by
    // this site's key, stale, or a replay of one already taken.
    PeerReply handle(const PeerRequest& request);

    // The last thing that happened, for the staff screen and the log: 已配对 192.168.1.22:7443 ...
    [[nodiscard]] std::string lastEvent() const;

private:
    std::filesystem::path m_dir;
    PairingCode& m_code;
    const Clock& m_clock;
    PeerReply hello(const PeerRequest& request);
    std::function<void(const std::string&)> m_onJoined;
    mutable std::mutex m_mutex;  // one join at a time (site.toml is edited); also guards m_lastEvent
    std::string m_lastEvent;
    std::map<std::string, std::int64_t> m_helloSeen;  // signature -> when taken (replays refused)
};

// "::ffff:10.0.0.5" -> "10.0.0.5"; an IPv6 address stays as it is.
std::string plainRemoteIp(const std::string& remoteAddr);

}  // namespace mh

// The code-holder's side of `init --join` (contract 11), in two steps so that a join that does not
// finish leaves no address behind:
// 1. POST /peer/v1/join: the request proves it knows the pairing code (pairing_crypto.hpp); the code
//    is used up and the answer is the site's bundle sealed to the joiner. Nothing is written down:
//    the joiner is only remembered (in memory, kFinishSeconds) as a pending join.
// 2. POST /peer/v1/join_done: the joiner has made its site and proves it is the same joiner; only now
//    is its address (its IP as the transport saw it, and the port it said it will listen on) added to
//    this terminal's [peers] addresses.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "shared/peers/pairing_code.hpp"
#include "shared/peers/pairing_crypto.hpp"
#include "shared/ports/peer_handler.hpp"

namespace mh {

inline constexpr const char* kJoinPath = "/peer/v1/join";
inline constexpr const char* kJoinDonePath = "/peer/v1/join_done";

class PairingService {
public:
    // How long a joiner that received the site has to say it is done (a big roster over a slow link).
    static constexpr std::int64_t kFinishSeconds = 300;

    // `code` must outlive this. `onJoined(address)`: after a terminal joined and its address was
    // written to site.toml (the peer sync may re-read it); called on the server's thread.
    PairingService(std::filesystem::path siteDir, PairingCode& code, const Clock& clock,
                   std::function<void(const std::string& address)> onJoined = {});

    // /peer/v1/join: 200 with the sealed bundle; 400 malformed; 401 {"error": "wrong_code" | "burnt" |
    // "expired" | "used" | "no_code" | "too_many"}; 500 {"error": "site"} when this terminal's own
    // site cannot be read.
    // /peer/v1/join_done: 200 {"peer_added": bool, "peer_note"?}; 401 {"error": "unknown_join"} for a
    // joiner not pending (never joined, too late, or a bad tag).
    // /peer/v1/hello (pairing_hello.hpp): 200 and the sender written down; 401 when not signed by
    // this site's key, stale, or a replay of one already taken.
    PeerReply handle(const PeerRequest& request);

    // The last thing that happened, for the staff screen and the log: 已配对 192.168.1.22:7443 ...
    [[nodiscard]] std::string lastEvent() const;
    // A joiner has the site and has not said it is done (nor run out of time): the listener stays.
    [[nodiscard]] bool joinPending() const;

private:
    struct Pending {
        std::string address;  // host:port to write down once done
        pairing::Key32 requestKey{};
        std::int64_t deadlineUnix = 0;
    };
    PeerReply join(const PeerRequest& request);
    PeerReply done(const PeerRequest& request);
    PeerReply hello(const PeerRequest& request);
    void dropLatePendingLocked();
    std::filesystem::path m_dir;
    PairingCode& m_code;
    const Clock& m_clock;
    std::function<void(const std::string&)> m_onJoined;
    mutable std::mutex m_mutex;  // one join at a time (site.toml is edited); also guards what follows
    std::string m_lastEvent;
    std::map<std::string, Pending> m_pending;         // joiner's public key (hex) -> its pending join
    std::map<std::string, std::int64_t> m_helloSeen;  // signature -> when taken (replays refused)
};

// "::ffff:10.0.0.5" -> "10.0.0.5"; an IPv6 address stays as it is.
std::string plainRemoteIp(const std::string& remoteAddr);

}  // namespace mh

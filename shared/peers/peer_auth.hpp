// Sealed peer messages (contract 11): no open endpoint, nothing readable on the wire. Every request
// and reply between the terminals of a site is a JSON envelope carrying the sender's terminal id, the
// site id, a timestamp, a random nonce and the body encrypted (libsodium crypto_secretbox_easy,
// XSalsa20-Poly1305, a fresh random 24-byte nonce per message: "box" is base64 of nonce||ciphertext),
// with a MAC over all of it (crypto_auth, HMAC-SHA512-256). Both keys are derived from the site's
// secret keys, which only the site's terminals hold (`init --join` copies them), each under its own
// label, so neither key is the other. Names, categories and record contents never cross in clear;
// what does (site id, terminal id, time, nonce) identifies machines, not people.
//
// A request is refused when the MAC, the site or the path does not match, when its timestamp is
// more than 15 minutes off this terminal's clock (the clocks differ: staff must set them), or when
// its nonce was already seen within that window (a replay). A reply is bound to the request's nonce,
// so an old reply cannot answer a new question.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site_keys.hpp"

namespace mh {

inline constexpr std::int64_t kPeerClockSlackSeconds = 15 * 60;

// Error codes of PeerAuth::open / openReply: peer.malformed, peer.site, peer.signature, peer.clock,
// peer.replay, peer.self (a message from this very terminal).
struct OpenedMessage {
    std::string from;     // the sender's terminal id
    std::string nonce;    // hex
    std::int64_t sentUnix = 0;
    std::string body;
};

class PeerAuth {
public:
    // `clock` must outlive this object.
    PeerAuth(std::string siteId, std::string terminalId, const SiteKeys& keys, const Clock& clock);

    [[nodiscard]] const std::string& siteId() const { return m_siteId; }
    [[nodiscard]] const std::string& terminalId() const { return m_terminalId; }
    // This terminal's clock (what the timestamps are checked against).
    [[nodiscard]] std::int64_t nowUnix() const { return m_clock.nowUnix(); }

    // A signed request for `path` ("/peer/v1/claim"); `nonceOut` receives its nonce, for openReply.
    [[nodiscard]] std::string seal(std::string_view path, std::string_view body, std::string* nonceOut = nullptr) const;
    // Checks a request and remembers its nonce. Thread-safe.
    [[nodiscard]] Result<OpenedMessage> open(std::string_view path, std::string_view envelope);

    // A signed reply to the request with `requestNonce`.
    [[nodiscard]] std::string sealReply(std::string_view path, std::string_view requestNonce, std::string_view body) const;
    [[nodiscard]] Result<OpenedMessage> openReply(std::string_view path, std::string_view requestNonce,
                                                  std::string_view envelope) const;

    ~PeerAuth();
    PeerAuth(const PeerAuth&) = delete;
    PeerAuth& operator=(const PeerAuth&) = delete;

    // Nonces remembered now (tests: the window is pruned as time goes on).
    [[nodiscard]] std::size_t noncesRemembered();

private:
    [[nodiscard]] std::string envelope(std::string_view purpose, std::string_view body, const std::string& nonce) const;
    [[nodiscard]] Result<OpenedMessage> check(std::string_view purpose, std::string_view envelope) const;
    std::string m_siteId;
    std::string m_terminalId;
    std::array<unsigned char, 32> m_macKey{};
    std::array<unsigned char, 32> m_boxKey{};  // crypto_secretbox_KEYBYTES
    const Clock& m_clock;
    std::mutex m_mutex;
    std::map<std::string, std::int64_t> m_seen;  // nonce -> its timestamp, within the window
};

}  // namespace mh

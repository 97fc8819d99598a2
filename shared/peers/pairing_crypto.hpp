// The cryptography of joining a site with a six-digit code, shared by both ends.
//
// The joiner makes an X25519 key pair and sends its public key with a tag keyed by the code; the
// code-holder checks the tag and answers with everything the new terminal needs sealed to that
// public key (crypto_box_seal), plus a tag keyed by the code, so the joiner knows the answer came
// from the terminal that showed the code. Both keys are stretched from the code with argon2id
// salted by the joiner's public key: a passive listener gets nothing (the answer is sealed to a key
// it does not have), and a man in the middle would have to try a million codes at ~50 ms each
// within one request's time; an active guesser has the few tries pairing_code.hpp allows.
// The joiner says it is done (its site is made) with a tag under the same request key.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace mh::pairing {

using Key32 = std::array<unsigned char, 32>;

struct BoxKeyPair {
    Key32 pub{}, sec{};
    static BoxKeyPair generate();
};

// The request and reply keys for `code` and the joiner's public key; none when argon2id could not
// get its memory.
struct CodeKeys {
    Key32 request{}, reply{};
};
std::optional<CodeKeys> deriveCodeKeys(const std::string& code, const Key32& joinerPub);

// crypto_auth (HMAC-SHA512-256) of `message` under `key`, as hex; and its constant-time check.
std::string tagHex(std::string_view message, const Key32& key);
bool tagMatches(std::string_view message, const Key32& key, std::string_view hex);

// crypto_box_seal of `plain` to `pub`, as base64; and opening it. None when it does not open.
std::string sealBase64(std::string_view plain, const Key32& pub);
std::optional<std::string> openSealedBase64(std::string_view b64, const BoxKeyPair& kp);

std::string hex(const unsigned char* p, size_t n);
std::optional<Key32> key32FromHex(std::string_view hex);

// What the request's tag covers: the joiner's public key and the port it will listen on.
std::string requestMessage(std::string_view pubHex, int listenPort);
// What the done message's tag covers: the joiner's public key and its new terminal id.
std::string doneMessage(std::string_view pubHex, std::string_view terminal);

}  // namespace mh::pairing

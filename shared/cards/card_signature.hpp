// Signed card payloads (contract 6): MH1:<elder_id>:<card_serial>:<sig>, Ed25519 over the text
// before the last colon, signature in RFC 4648 base32 (upper case, no padding) so the whole payload
// stays in QR alphanumeric mode.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/result.hpp"

namespace mh {

using PublicKey = std::array<unsigned char, 32>;
using SecretKey = std::array<unsigned char, 64>;

std::string base32Encode(const unsigned char* data, size_t n);
std::optional<std::vector<unsigned char>> base32Decode(std::string_view text);

struct CardKeyPair {
    PublicKey pub{};
    SecretKey sec{};
    static CardKeyPair generate();
};

struct CardClaim {
    std::string elderId;
    std::string serial;
};

// True for text that starts like a signed card, so a damaged one is "invalid", not "unknown".
bool looksLikeSignedCard(std::string_view payload);

std::string signCard(const CardClaim& claim, const SecretKey& sec);

// Checks the shape and the signature against each trusted key. Error codes: card.format,
// card.signature (tampered, or signed by a key this site does not trust).
Result<CardClaim> verifyCard(std::string_view payload, const std::vector<PublicKey>& trusted);

std::optional<PublicKey> parsePublicKey(std::string_view base32);

}  // namespace mh

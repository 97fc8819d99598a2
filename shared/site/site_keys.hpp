// The site's secrets, kept as files in the site directory (mode 0600): the key of the ID-number
// hash and the Ed25519 card-signing key pair.
#pragma once
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "shared/cards/card_signature.hpp"
#include "shared/core/result.hpp"

namespace mh {

struct SiteKeys {
    std::array<unsigned char, 32> idHashKey{};
    CardKeyPair card;

    // Writes fresh keys; refuses to overwrite existing ones (they protect issued cards and hashes).
    static Result<SiteKeys> create(const std::filesystem::path& siteDir);
    static Result<SiteKeys> load(const std::filesystem::path& siteDir);

    // Keyed BLAKE2b of the normalised 18-character ID number, hex: the only form stored at rest.
    [[nodiscard]] std::string hashIdNumber(std::string_view idNumber18) const;
    [[nodiscard]] std::string publicKeyBase32() const { return base32Encode(card.pub.data(), card.pub.size()); }
};

inline constexpr const char* kIdHashKeyFile = "id_hash.key";
inline constexpr const char* kCardKeyFile = "card_signing.key";

}  // namespace mh

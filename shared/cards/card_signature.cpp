#include "shared/cards/card_signature.hpp"

#include <sodium.h>

#include "shared/core/text.hpp"

namespace mh {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

bool validField(std::string_view s, size_t maxLen) {
    if (s.empty() || s.size() > maxLen) return false;
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}
}  // namespace

std::string base32Encode(const unsigned char* data, size_t n) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < n; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::vector<unsigned char>> base32Decode(std::string_view text) {
    std::vector<unsigned char> out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        auto pos = kAlphabet.find(c);
        if (pos == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | unsigned(pos);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    // Leftover bits must be zero padding of the last character, or the text was not ours.
    if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

CardKeyPair CardKeyPair::generate() {
    CardKeyPair kp;
    crypto_sign_keypair(kp.pub.data(), kp.sec.data());
    return kp;
}

bool looksLikeSignedCard(std::string_view payload) {
    return payload.size() >= 4 && toUpperAscii(payload.substr(0, 4)) == "MH1:";
}

std::string signCard(const CardClaim& claim, const SecretKey& sec) {
    std::string body = "MH1:" + claim.elderId + ":" + claim.serial;
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(), sec.data());
    return body + ":" + base32Encode(sig, sizeof sig);
}

Result<CardClaim> verifyCard(std::string_view payload, const std::vector<PublicKey>& trusted) {
    auto bad = [] { return Error{"card.format", "卡片内容不完整或已损坏", "the card's code is incomplete or damaged"}; };
    auto parts = splitOn(payload, ':');
    if (parts.size() != 4 || parts[0] != "MH1" || !validField(parts[1], 32) || !validField(parts[2], 16)) return bad();
    auto sig = base32Decode(parts[3]);
    if (!sig || sig->size() != crypto_sign_BYTES) return bad();
    auto cut = payload.rfind(':');
    auto body = payload.substr(0, cut);
    for (const auto& key : trusted) {
        if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                                        key.data()) == 0)
            return CardClaim{parts[1], parts[2]};
    }
    return Error{"card.signature", "这张卡不是本站发的，或内容被改动过", "the card was not issued by a trusted key, or was altered"};
}

std::optional<PublicKey> parsePublicKey(std::string_view text) {
    auto bytes = base32Decode(toUpperAscii(trim(text)));
    if (!bytes || bytes->size() != 32) return std::nullopt;
    PublicKey k;
    std::copy(bytes->begin(), bytes->end(), k.begin());
    return k;
}

}  // namespace mh

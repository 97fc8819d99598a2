// Card payloads (contract 6): base32 both ways, verifyCard on anything, and a card signed from the
// input's fields verifies back to the same claim. Pure: no site, no database.
#include <sodium.h>

#include "fuzz_site.hpp"
#include "shared/cards/card_signature.hpp"

using namespace mh;
using fuzz::require;

namespace {

// A fixed key pair (from a fixed seed), so a crash reproduces from its input alone.
CardKeyPair fixedKeys() {
    CardKeyPair kp;
    unsigned char seed[crypto_sign_SEEDBYTES] = {42};
    crypto_sign_seed_keypair(kp.pub.data(), kp.sec.data(), seed);
    return kp;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const CardKeyPair keys = fixedKeys();  // function-local: built once per fuzzing process
    std::string_view text = fuzz::asText(data, size);

    // Whatever decodes must encode back to the same text (one text per byte string).
    if (auto bytes = base32Decode(text))
        require(base32Encode(bytes->data(), bytes->size()) == text, "base32 decode/encode round trip");
    std::string encoded = base32Encode(data, size);
    auto decoded = base32Decode(encoded);
    require(decoded && std::string_view(reinterpret_cast<const char*>(decoded->data()), decoded->size()) == text,
            "base32 encode/decode round trip");

    // Any text: a claim only with the right shape and our signature; never a crash.
    std::vector<PublicKey> trusted{keys.pub};
    auto claim = verifyCard(text, trusted);
    if (claim) require(looksLikeSignedCard(text), "a verified card looks like one");
    (void)parsePublicKey(text);

    // The input as "elder:serial": a card signed for it verifies to the same fields, and a card whose
    // body is changed in one place does not.
    auto colon = text.find(':');
    if (colon == std::string_view::npos) return 0;
    CardClaim mine{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
    std::string card = signCard(mine, keys.sec);
    auto back = verifyCard(card, trusted);
    if (back) require(back->elderId == mine.elderId && back->serial == mine.serial, "signed claim verifies back");
    std::string tampered = card;
    std::size_t at = 4 + (size % (card.rfind(':') - 4 + 1));  // a place in the signed body after "MH1:"
    if (at < card.rfind(':')) {
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        auto forged = verifyCard(tampered, trusted);
        require(!forged, "a changed card body is refused");
    }
    return 0;
}

// County setup cards (issue 14): verifySetupCard on anything never crashes and accepts only what the
// fixed county key signed; a card signed from the input's fields verifies back to them, and one
// changed character is refused; the trusted-keys file parser on the same bytes.
#include <sodium.h>

#include "fuzz_site.hpp"
#include "shared/site/setup_card.hpp"
#include "shared/site/setup_card_apply.hpp"

using namespace mh;
using fuzz::require;

namespace {

CardKeyPair fixedKeys() {
    CardKeyPair kp;
    unsigned char seed[crypto_sign_SEEDBYTES] = {17};
    crypto_sign_seed_keypair(kp.pub.data(), kp.sec.data(), seed);
    return kp;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const CardKeyPair keys = fixedKeys();
    std::string_view text = fuzz::asText(data, size);
    std::vector<PublicKey> trusted{keys.pub};

    // Any text: refused, or a card that looks like one with fields inside their limits.
    const LocalDate today = LocalDate::of(2026, 12, 6);
    auto card = verifySetupCard(text, trusted, today, std::string("141022-001"));
    if (card) {
        require(looksLikeSetupCard(text), "a verified setup card looks like one");
        require(today <= card->expiresOn(), "an expired setup card is refused");
        require(card->siteId == "141022-001" && card->token.size() <= kMaxSetupToken &&
                    card->endpoint.size() <= kMaxSetupEndpoint && card->siteName.size() <= kMaxSetupName,
                "a verified setup card keeps its limits");
    }
    // The endpoint editor takes any site.toml text without crashing (it re-parses what it makes).
    (void)withUploadEndpoint(text, "https://county.example.cn/api");

    // The input split into endpoint path and token: what the tool signs, the terminal reads back.
    auto nl = text.find('\n');
    if (nl == std::string_view::npos) return 0;
    SetupCard mine{"141022-001", LocalDate::of(2026, 12, 1),
                   "https://county.example.cn/" + std::string(text.substr(0, nl)), std::string(text.substr(nl + 1)), ""};
    auto signedCard = signSetupCard(mine, keys.sec);
    if (!signedCard) return 0;
    auto back = verifySetupCard(*signedCard, trusted, today);
    require(back.ok(), "a card the tool signs verifies");
    require(back->token == mine.token, "the token comes back unchanged");
    std::string tampered = *signedCard;
    std::size_t at = size % tampered.size();
    tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
    require(!verifySetupCard(tampered, trusted, today).ok(), "a changed setup card is refused");
    return 0;
}

// The county's setup card (issue 14): a signed QR that county IT prints with `kiosk setup-card` and a
// terminal scans at its first run (or later on the staff settings tab) to get its county connection:
// the upload endpoint and the site's upload token, for one site id.
//
// Payload (all upper case, so the whole text stays in QR alphanumeric mode, like contract 6's cards):
//   MHS2:<B32 site id>:<YYYYMMDD issued>:<YYYYMMDD expires>:<B32 endpoint>:<B32 token>:<B32 site name, may be empty>:<B32 sig>
// B32 is RFC 4648 base32 without padding; <sig> is the Ed25519 signature of the text before the last
// colon, made with the county's setup key. A card carries the upload token, so it expires: a lost
// card found months later must not connect a terminal. The older MHS1 cards (the same without
// <expires>) carry a signed issue date too, and are taken as valid for the default 30 days from it;
// anything else (no issue date) is not a setup card. Parsing is strict and bounded (every field has a length
// limit, the whole payload at most kMaxSetupPayload characters): the fuzz target feeds it garbage.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/cards/card_signature.hpp"
#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"

namespace mh {

inline constexpr std::size_t kMaxSetupSiteId = 32;     // as Site::init allows
inline constexpr std::size_t kMaxSetupEndpoint = 256;  // bytes
inline constexpr std::size_t kMaxSetupToken = 256;     // bytes, printable ASCII
inline constexpr std::size_t kMaxSetupName = 96;       // bytes of UTF-8 (about 30 Chinese characters)
inline constexpr std::size_t kMaxSetupPayload = 1200;  // characters; a camera still reads that QR
inline constexpr const char* kSetupCardPrefix = "MHS2:";    // what `setup-card` prints
inline constexpr const char* kSetupCardPrefixV1 = "MHS1:";  // older cards, no expiry field
inline constexpr int kSetupCardDefaultDays = 30;            // valid this many days after the issue date
inline constexpr int kSetupCardMaxDays = 365;

struct SetupCard {
    std::string siteId;
    LocalDate issued;
    std::string endpoint;  // https://, or http:// to this machine (checkEndpoint)
    std::string token;     // the county upload token: never printed, never shown
    std::string siteName;  // optional: lets a first run take the Chinese name without typing it
    std::optional<LocalDate> expires;  // the last day it is accepted; none: issued + kSetupCardDefaultDays
    [[nodiscard]] LocalDate expiresOn() const { return expires.value_or(issued.plusDays(kSetupCardDefaultDays)); }
};

// True for text that starts like a setup card (so the kiosk can tell a setup card from an elder's).
bool looksLikeSetupCard(std::string_view payload);

// The checks signing makes before it signs (the same as parsing's, and the endpoint's): lets the
// tool refuse bad input before it creates a county key. Errors setup.field, upload.endpoint.
Status checkSetupCard(const SetupCard& card);

// Checks the fields (checkSetupCard) and signs; errors setup.field with a plain sentence.
Result<std::string> signSetupCard(const SetupCard& card, const SecretKey& countyKey);

// Parses and verifies against the terminal's trusted county setup keys, on the terminal's `today`.
// `expectedSiteId` (when given) must match the card's. Errors, each with a plain Chinese sentence
// for staff: setup.format (not a setup card, damaged, a field too long or malformed), setup.nokeys
// (this terminal trusts no county key yet), setup.signature (unsigned, wrong key or altered),
// setup.expired (past its last day), setup.site (a card for another site), setup.endpoint (not
// https, see checkEndpoint).
Result<SetupCard> verifySetupCard(std::string_view payload, const std::vector<PublicKey>& trusted, LocalDate today,
                                  const std::optional<std::string>& expectedSiteId = std::nullopt);

}  // namespace mh

// Issuing elder cards (`card issue`, and the demo's cards.txt): which elders get a card and the
// signed payload each card carries, then the audit entries once the cards are out. The picture of
// the card is platform/cards' job; this is what goes on it.
#pragma once
#include <string>
#include <vector>

#include "shared/core/ids.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

// One card to print: the roster's current serial for the elder, signed with the site's card key.
struct IssuedCard {
    std::string elderId;
    std::string name;
    std::string village;
    std::string serial;   // the roster's card_serial; "1" where the roster left it empty
    std::string payload;  // the signed QR text (card_signature.hpp)
};

// The cards for one elder (`elderId`), or with an empty `elderId` for every active elder in roster
// order. Errors (nothing to issue): card.no_elders (no active elder), card.unknown (no such elder),
// card.inactive (the elder left the roster: a card would only be refused at the counter).
Result<std::vector<IssuedCard>> cardsToIssue(Site& site, const ElderId& elder);

// One `card.issue` audit entry per card, by `actor`, in one transaction: call it once the cards
// are written. Throws StoreError when the database refuses the write.
void recordCardsIssued(Site& site, const std::vector<IssuedCard>& cards, const std::string& actor, const std::string& nowIso);

}  // namespace mh

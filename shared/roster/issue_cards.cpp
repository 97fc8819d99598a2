// Issuing elder cards (see issue_cards.hpp).
#include "shared/roster/issue_cards.hpp"

#include "shared/cards/card_signature.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {
namespace {

IssuedCard cardFor(const Site& site, const Elder& e) {
    std::string serial = e.cardSerial.empty() ? "1" : e.cardSerial;
    return IssuedCard{e.elderId, e.name, e.village, serial, signCard(CardClaim{e.elderId, serial}, site.keys().card.sec)};
}

}  // namespace

Result<std::vector<IssuedCard>> cardsToIssue(Site& site, const ElderId& elder) {
    const std::string& elderId = elder.str();
    ElderStore elders(site.db());
    std::vector<IssuedCard> cards;
    if (elderId.empty()) {
        for (const auto& e : elders.all())
            if (e.active) cards.push_back(cardFor(site, e));
        if (cards.empty())
            return Error{"card.no_elders", "名单里没有在册的老人，请先导入名单（kiosk roster import）",
                         "the roster has no active elders; import one first (kiosk roster import)"};
        return cards;
    }
    auto e = elders.byElderId(elder);
    if (!e) return Error{"card.unknown", "名单里没有编号为 " + elderId + " 的老人", "no elder with id " + elderId + " in the roster"};
    // A card for someone who left would only be refused at the counter.
    if (!e->active)
        return Error{"card.inactive", e->name + "（" + elderId + "）已不在册，不能发卡", elderId + " is not active; no card issued"};
    cards.push_back(cardFor(site, *e));
    return cards;
}

void recordCardsIssued(Site& site, const std::vector<IssuedCard>& cards, const std::string& actor, const std::string& nowIso) {
    Transaction tx(site.db());
    AuditLog log(site.db());
    for (const auto& c : cards) log.append(nowIso, actor, "card.issue", c.elderId, "serial " + c.serial);
    tx.commit();
}

}  // namespace mh

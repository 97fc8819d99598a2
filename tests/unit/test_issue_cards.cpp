// Issuing elder cards (shared/roster/issue_cards.hpp): who gets a card, what it carries, and the
// audit entries once the cards are out.
#include <doctest/doctest.h>

#include "shared/cards/card_signature.hpp"
#include "shared/roster/issue_cards.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
struct CardFixture {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path());
    CardFixture() {
        std::string csv = "elder_id,name,id_number,village,card_serial,active\n"
                          "A1,张桂兰," + test::makeIdNumber("19400101", 12) + ",北关村,3,1\n"
                          "B1,王建国," + test::makeIdNumber("19410202", 14, false) + ",南关村,,1\n"
                          "D1,李德," + test::makeIdNumber("19430404", 18, false) + ",北关村,1,0\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    }
};
}  // namespace

TEST_CASE("cards for the whole roster are the active elders, each signed for its current serial") {
    CardFixture fx;
    auto cards = cardsToIssue(*fx.site, ElderId());
    REQUIRE(cards.ok());
    REQUIRE(cards->size() == 2);  // D1 left the roster
    CHECK((*cards)[0].elderId == "A1");
    CHECK((*cards)[0].serial == "3");
    CHECK((*cards)[0].village == "北关村");
    CHECK((*cards)[1].serial == "1");  // no serial in the roster: the first card
    for (const IssuedCard& c : *cards) {
        auto claim = verifyCard(c.payload, {fx.site->keys().card.pub});
        REQUIRE(claim.ok());
        CHECK(claim->elderId == c.elderId);
        CHECK(claim->serial == c.serial);
    }
}

TEST_CASE("a card for an unknown or inactive elder is refused, and an empty roster has none to issue") {
    CardFixture fx;
    auto unknown = cardsToIssue(*fx.site, ElderId("Z9"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "card.unknown");
    auto inactive = cardsToIssue(*fx.site, ElderId("D1"));
    REQUIRE_FALSE(inactive.ok());
    CHECK(inactive.error().code == "card.inactive");
    CHECK(inactive.error().message.find("李德") != std::string::npos);

    test::TempDir other;
    auto empty = test::makeSite(other.path());
    auto none = cardsToIssue(*empty, ElderId());
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "card.no_elders");
}

TEST_CASE("issued cards leave one audit entry each, naming the serial and who issued them") {
    CardFixture fx;
    auto cards = cardsToIssue(*fx.site, ElderId("A1"));
    REQUIRE(cards.ok());
    recordCardsIssued(*fx.site, *cards, "clerk", "2026-11-25T09:00:00+08:00");
    auto log = AuditLog(fx.site->db()).recent(1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "card.issue");
    CHECK(log[0].actor == "clerk");
    CHECK(log[0].subject == "A1");
    CHECK(log[0].detail == "serial 3");
}

// The subsidy policy: rule order, matching, and how shares are capped at the price.
#include <doctest/doctest.h>

#include "shared/policy/policy_engine.hpp"
#include "support/policy_use.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
SiteConfig standard() {
    auto cfg = parseSiteConfig(test::standardToml());
    REQUIRE(cfg.ok());
    return *cfg;
}
const LocalDate kDay = LocalDate::of(2026, 11, 25);
}  // namespace

TEST_CASE("shares are taken in order until the price is covered — the elder pays the rest") {
    CHECK(splitPrice(1000_fen, {600_fen, 200_fen, 0_fen, 0_fen, 0_fen}) == Shares{600_fen, 200_fen, 0_fen, 0_fen, 200_fen});
    CHECK(splitPrice(1000_fen, {1200_fen, 200_fen, 0_fen, 0_fen, 0_fen}) == Shares{1000_fen, 0_fen, 0_fen, 0_fen, 0_fen});
    CHECK(splitPrice(1000_fen, {600_fen, 300_fen, 300_fen, 0_fen, 0_fen}) == Shares{600_fen, 300_fen, 100_fen, 0_fen, 0_fen});
    CHECK(splitPrice(300_fen, {0_fen, 0_fen, 0_fen, 500_fen, 0_fen}) == Shares{0_fen, 0_fen, 0_fen, 300_fen, 0_fen});
    CHECK(splitPrice(0_fen, {600_fen, 0_fen, 0_fen, 0_fen, 0_fen}) == Shares{});
    for (Fen price : {0_fen, 1_fen, 299_fen, 1000_fen, 100000_fen})
        CHECK(splitPrice(price, {333_fen, 222_fen, 111_fen, 50_fen, 0_fen}).total() == price);
}

TEST_CASE("the first matching rule wins, in file order") {
    SiteConfig cfg = standard();
    const ServiceDef& lunch = *cfg.findService("lunch");
    // 特困 and 80+: 特困供养 comes first and pays everything.
    auto d = decideFor(cfg, lunch, {{"tekun"}, LocalDate::of(1930, 1, 1)}, kDay);
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "特困供养");
    CHECK(d.shares == Shares{1000_fen, 0_fen, 0_fen, 0_fen, 0_fen});
    // 低保 and 80+: 低保高龄 before 高龄.
    d = decideFor(cfg, lunch, {{"dibao", "duju"}, LocalDate::of(1940, 5, 1)}, kDay);
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "低保高龄");
    CHECK(d.shares == Shares{600_fen, 200_fen, 0_fen, 0_fen, 200_fen});
}

TEST_CASE("a minimum age applies from the birthday, on the day of the service") {
    SiteConfig cfg = standard();
    const ServiceDef& lunch = *cfg.findService("lunch");
    ElderFacts turning80{{}, LocalDate::of(1946, 11, 25)};
    CHECK(decideFor(cfg, lunch, turning80, LocalDate::of(2026, 11, 24)).applied.empty());
    auto d = decideFor(cfg, lunch, turning80, LocalDate::of(2026, 11, 25));
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "高龄");
    CHECK(d.shares == Shares{300_fen, 100_fen, 100_fen, 0_fen, 500_fen});
}

TEST_CASE("a rule limited to some services does not pay for others") {
    SiteConfig cfg = standard();
    const ServiceDef& breakfast = *cfg.findService("breakfast");
    auto d = decideFor(cfg, breakfast, {{}, LocalDate::of(1930, 1, 1)}, kDay);  // 高龄 is lunch only
    CHECK(d.applied.empty());
    CHECK(d.shares == Shares{0_fen, 0_fen, 0_fen, 0_fen, 300_fen});
    CHECK_FALSE(d.ineligible);
}

TEST_CASE("an elder with no birth date never matches an age rule") {
    SiteConfig cfg = standard();
    CHECK(decideFor(cfg, *cfg.findService("lunch"), {{"dibao"}, std::nullopt}, kDay).applied.empty());
}

TEST_CASE("with unsubsidised = refuse, an elder no rule covers is ineligible — free services need no rule") {
    auto cfg = parseSiteConfig(test::standardToml());
    REQUIRE(cfg.ok());
    cfg->policy.unsubsidised = Unsubsidised::Refuse;
    auto d = decideFor(*cfg, *cfg->findService("lunch"), {{"duju"}, LocalDate::of(1960, 1, 1)}, kDay);
    CHECK(d.ineligible);
    auto free = decideFor(*cfg, *cfg->findService("health"), {{}, std::nullopt}, kDay);
    CHECK_FALSE(free.ineligible);
    CHECK(free.applied.empty());
    CHECK(free.shares.total() == 0_fen);
}

TEST_CASE("a maximum age bounds a rule") {
    auto cfg = parseSiteConfig(test::standardToml(R"(
[[rule]]
name = "低龄失能"
categories = ["shineng"]
max_age = 69
government_fen = 500
)"));
    REQUIRE(cfg.ok());
    const ServiceDef& lunch = *cfg->findService("lunch");
    CHECK(decideFor(*cfg, lunch, {{"shineng"}, LocalDate::of(1957, 1, 1)}, kDay).applied.at(0).rule == "低龄失能");
    CHECK(decideFor(*cfg, lunch, {{"shineng"}, LocalDate::of(1956, 1, 1)}, kDay).applied.empty());
}

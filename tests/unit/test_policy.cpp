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
    CHECK(splitPrice(1000, {600, 200, 0, 0, 0}) == Shares{600, 200, 0, 0, 200});
    CHECK(splitPrice(1000, {1200, 200, 0, 0, 0}) == Shares{1000, 0, 0, 0, 0});
    CHECK(splitPrice(1000, {600, 300, 300, 0, 0}) == Shares{600, 300, 100, 0, 0});
    CHECK(splitPrice(300, {0, 0, 0, 500, 0}) == Shares{0, 0, 0, 300, 0});
    CHECK(splitPrice(0, {600, 0, 0, 0, 0}) == Shares{});
    for (Fen price : {0, 1, 299, 1000, 100000}) CHECK(splitPrice(price, {333, 222, 111, 50, 0}).total() == price);
}

TEST_CASE("the first matching rule wins, in file order") {
    SiteConfig cfg = standard();
    const ServiceDef& lunch = *cfg.findService("lunch");
    // 特困 and 80+: 特困供养 comes first and pays everything.
    auto d = decideFor(cfg, lunch, {{"tekun"}, LocalDate::of(1930, 1, 1)}, kDay);
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "特困供养");
    CHECK(d.shares == Shares{1000, 0, 0, 0, 0});
    // 低保 and 80+: 低保高龄 before 高龄.
    d = decideFor(cfg, lunch, {{"dibao", "duju"}, LocalDate::of(1940, 5, 1)}, kDay);
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "低保高龄");
    CHECK(d.shares == Shares{600, 200, 0, 0, 200});
}

TEST_CASE("a minimum age applies from the birthday, on the day of the service") {
    SiteConfig cfg = standard();
    const ServiceDef& lunch = *cfg.findService("lunch");
    ElderFacts turning80{{}, LocalDate::of(1946, 11, 25)};
    CHECK(decideFor(cfg, lunch, turning80, LocalDate::of(2026, 11, 24)).applied.empty());
    auto d = decideFor(cfg, lunch, turning80, LocalDate::of(2026, 11, 25));
    REQUIRE_FALSE(d.applied.empty());
    CHECK(d.applied.front().rule == "高龄");
    CHECK(d.shares == Shares{300, 100, 100, 0, 500});
}

TEST_CASE("a rule limited to some services does not pay for others") {
    SiteConfig cfg = standard();
    const ServiceDef& breakfast = *cfg.findService("breakfast");
    auto d = decideFor(cfg, breakfast, {{}, LocalDate::of(1930, 1, 1)}, kDay);  // 高龄 is lunch only
    CHECK(d.applied.empty());
    CHECK(d.shares == Shares{0, 0, 0, 0, 300});
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
    CHECK(free.shares.total() == 0);
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

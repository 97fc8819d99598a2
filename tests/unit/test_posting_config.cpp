// site.toml's [posting] table: the printer for the monthly notice, and typos reported, not ignored.
#include <doctest/doctest.h>

#include "shared/site/site_config.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("[posting] printer is read — without it nothing is printed") {
    auto with = parseSiteConfig(test::standardToml("\n[posting]\nprinter = \"HP_LaserJet\"\n"));
    REQUIRE(with.ok());
    CHECK(with->postingPrinter == "HP_LaserJet");
    auto without = parseSiteConfig(test::standardToml());
    REQUIRE(without.ok());
    CHECK(without->postingPrinter.empty());
    auto defaults = parseSiteConfig(defaultSiteToml("141022-001", "北关村老年食堂"));
    REQUIRE(defaults.ok());
    CHECK(defaults->postingPrinter.empty());
}

TEST_CASE("a misspelt key in [posting] is refused with its line") {
    auto bad = parseSiteConfig(test::standardToml("\n[posting]\nprinterr = \"HP\"\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("printerr") != std::string::npos);
    CHECK(bad.error().message.find("行") != std::string::npos);
    auto notText = parseSiteConfig(test::standardToml("\n[posting]\nprinter = 3\n"));
    REQUIRE_FALSE(notText.ok());
}

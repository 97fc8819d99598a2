// site.toml: the shipped defaults parse, and every mistake names its line in plain words.
#include <doctest/doctest.h>

#include "shared/site/site_config.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {
// The error for `toml`, which must fail.
Error errorOf(const std::string& toml) {
    auto cfg = parseSiteConfig(toml);
    REQUIRE_FALSE(cfg.ok());
    return cfg.error();
}
const std::string kSite = "[site]\nid = \"141022-001\"\nname = \"北关村老年食堂\"\n";
}  // namespace

TEST_CASE("the default site.toml written by init parses to the documented policy") {
    auto cfg = parseSiteConfig(defaultSiteToml("141022-009", "南关村助餐点"));
    REQUIRE(cfg.ok());
    CHECK(cfg->siteId == "141022-009");
    CHECK(cfg->name == "南关村助餐点");
    CHECK(cfg->timezone == "Asia/Shanghai");
    REQUIRE(cfg->services.size() == 1);
    CHECK(cfg->services[0].priceFen == 1000_fen);
    CHECK(cfg->services[0].opens.text() == "10:30");
    REQUIRE(cfg->policy.rules.size() == 2);
    CHECK(cfg->policy.rules[1].minAge == 80);
    CHECK(cfg->policy.rules[1].shares.government == 600_fen);
}

TEST_CASE("the demo site's policy parses") {
    auto cfg = loadSiteConfig(std::filesystem::path(MEALHALL_ASSETS_DIR) / "demo/site.toml");
    REQUIRE_MESSAGE(cfg.ok(), (cfg.ok() ? "" : cfg.error().message));
    CHECK(cfg->services.size() >= 5);
    CHECK(cfg->policy.rules.front().name == "特困供养");
}

TEST_CASE("a syntax error names the line") {
    Error e = errorOf(kSite + "[policy\nunsubsidised = \"refuse\"\n");
    CHECK(e.code == "toml.syntax");
    CHECK(e.message.find("第4行") != std::string::npos);
}

TEST_CASE("a misspelt key is refused, not silently ignored") {
    Error e = errorOf(kSite + "[[service]]\nid = \"lunch\"\nprice = 1000\n");
    CHECK(e.message.find("第6行") != std::string::npos);
    CHECK(e.message.find("price") != std::string::npos);
}

TEST_CASE("money must be whole fen") {
    Error e = errorOf(kSite + "[[service]]\nid = \"lunch\"\nprice_fen = 10.5\n");
    CHECK(e.message.find("第6行") != std::string::npos);
    CHECK(e.message.find("分") != std::string::npos);
}

TEST_CASE("service windows, kinds and ids are checked") {
    CHECK(errorOf(kSite + "[[service]]\nid = \"lunch\"\nopens = \"10.30\"\n").message.find("第6行") != std::string::npos);
    CHECK(errorOf(kSite + "[[service]]\nid = \"lunch\"\nopens = \"14:00\"\ncloses = \"13:00\"\n").message.find("opens") !=
          std::string::npos);
    CHECK(errorOf(kSite + "[[service]]\nid = \"lunch\"\nkind = \"food\"\n").message.find("kind") != std::string::npos);
    CHECK(errorOf(kSite + "[[service]]\nid = \"午餐\"\n").message.find("id") != std::string::npos);
    CHECK(errorOf(kSite + "[[service]]\nid = \"lunch\"\n[[service]]\nid = \"lunch\"\n").message.find("重复") !=
          std::string::npos);
}

TEST_CASE("rules name real categories and services") {
    Error cat = errorOf(kSite + "[[rule]]\nname = \"x\"\ncategories = [\"rich\"]\n");
    CHECK(cat.message.find("rich") != std::string::npos);
    CHECK(cat.message.find("第6行") != std::string::npos);
    Error svc = errorOf(kSite + "[[rule]]\nname = \"x\"\nservices = [\"supper\"]\n");
    CHECK(svc.message.find("supper") != std::string::npos);
    // Chinese category names are accepted and stored as codes.
    auto ok = parseSiteConfig(kSite + "[[rule]]\nname = \"x\"\ncategories = [\"低保\", \"tekun\"]\n");
    REQUIRE(ok.ok());
    CHECK(ok->policy.rules[0].categories == std::vector<std::string>{"dibao", "tekun"});
}

TEST_CASE("the site table is required and the time zone must exist") {
    CHECK(errorOf("[policy]\nunsubsidised = \"refuse\"\n").message.find("[site]") != std::string::npos);
    Error tz = errorOf(kSite + "timezone = \"Mars/Olympus\"\n");
    CHECK(tz.message.find("Mars/Olympus") != std::string::npos);
    CHECK(errorOf(kSite + "[policy]\nunsubsidised = \"maybe\"\n").message.find("unsubsidised") != std::string::npos);
}

TEST_CASE("a site.toml saved as GBK is refused with a message that says so") {
    std::string gbk = "[site]\nid = \"1\"\nname = \"\xB1\xB1\xB9\xD8\"\n";  // 北关 in GBK
    Error e = errorOf(gbk);
    CHECK(e.code == "toml.encoding");
    CHECK(e.message.find("GBK") != std::string::npos);
}

TEST_CASE("[input] camera is auto by default, and only auto, none or a device path") {
    auto plain = parseSiteConfig(kSite);
    REQUIRE(plain.ok());
    CHECK(plain->inputCamera == "auto");
    auto def = parseSiteConfig(defaultSiteToml("141022-009", "南关村助餐点"));
    REQUIRE(def.ok());
    CHECK(def->inputCamera == "auto");
    for (std::string v : {"none", "auto", "/dev/video2", "/dev/v4l/by-id/usb-cam-video-index0"}) {
        auto cfg = parseSiteConfig(kSite + "[input]\ncamera = \"" + v + "\"\n");
        REQUIRE(cfg.ok());
        CHECK(cfg->inputCamera == v);
    }
    Error typo = errorOf(kSite + "[input]\ncamera = \"video0\"\n");
    CHECK(typo.message.find("第5行") != std::string::npos);
    CHECK(typo.message.find("/dev/video0") != std::string::npos);
    CHECK(errorOf(kSite + "[input]\ncamera = 0\n").message.find("camera") != std::string::npos);
    CHECK(errorOf(kSite + "[input]\nscanner = \"usb\"\n").message.find("scanner") != std::string::npos);
}

TEST_CASE("a broken site.toml: verbs refuse it, the running kiosk keeps the last good configuration and says so") {
    test::TempDir dir;
    { auto site = test::makeSite(dir.path()); }
    // Opening once with a good file remembers it.
    REQUIRE(Site::open(dir.path()).ok());
    REQUIRE(std::filesystem::exists(dir.path() / kLastGoodSiteToml));
    std::string good = test::readFile(dir.path() / kSiteToml);
    test::writeFile(dir.path() / kSiteToml, good + "\n[[service]]\nid = \"lunch2\"\nprice_fen = -5\nbogus = 1\n");
    auto refused = Site::open(dir.path());
    REQUIRE_FALSE(refused.ok());
    auto kept = Site::openKeepingLastGood(dir.path());
    REQUIRE(kept.ok());
    CHECK((*kept)->config().findService("lunch") != nullptr);
    CHECK((*kept)->config().findService("lunch2") == nullptr);
    CHECK((*kept)->configProblem().find("上次正确的设置") != std::string::npos);
    CHECK((*kept)->configProblem().find("site.toml") == std::string::npos);  // no file names for staff
    CHECK((*kept)->configDetail() == refused.error().message);
    // The broken file never replaces the last good one.
    CHECK(test::readFile(dir.path() / kLastGoodSiteToml) == good);
    kept->reset();
    // Fixed again: no problem, and the fix becomes the last good one.
    test::writeFile(dir.path() / kSiteToml, good + "\n# fixed\n");
    auto fixed = Site::openKeepingLastGood(dir.path());
    REQUIRE(fixed.ok());
    CHECK((*fixed)->configProblem().empty());
    CHECK(test::readFile(dir.path() / kLastGoodSiteToml) == good + "\n# fixed\n");
}

TEST_CASE("without a last good configuration the running kiosk refuses a broken site.toml too") {
    test::TempDir dir;
    { auto site = test::makeSite(dir.path()); }
    std::filesystem::remove(dir.path() / kLastGoodSiteToml);
    test::writeFile(dir.path() / kSiteToml, "[site]\nid = \n");
    CHECK_FALSE(Site::openKeepingLastGood(dir.path()).ok());
}

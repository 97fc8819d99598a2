// `kiosk setup-card` end to end: county IT's key is made once (0600) and its public key printed, the
// PNG card decodes through the kiosk's own `decode` to a payload the terminal verifies, and bad input
// is refused without writing a card.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "shared/site/setup_card.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

using namespace mh;
using mh::test::kiosk;
namespace fs = std::filesystem;

TEST_CASE("setup-card writes a PNG that decode reads back to a payload signed by the printed county key") {
    test::TempDir tmp;
    fs::path token = tmp.path() / "token.txt", key = tmp.path() / "county-setup.key", out = tmp.path() / "card.png";
    test::writeFile(token, "county-token-0042\n");
    auto r = kiosk({"setup-card", "--endpoint", "https://county.example.cn/api", "--token-file", token.string(), "--site-id",
                    "141022-001", "--name", "北关村老年食堂", "--out", out.string(), "--key", key.string()});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["key_created"] == true);
    std::string pub = j["county_public_key"];
    CHECK(r.err.find(pub) != std::string::npos);  // the line to install on the terminals
    CHECK(r.out.find("county-token-0042") == std::string::npos);
    CHECK((fs::status(key).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    auto d = kiosk({"decode", out.string()});
    REQUIRE_MESSAGE(d.exitCode == 0, d.err);
    std::string payload(d.out.substr(0, d.out.find('\n')));
    auto issued = LocalDate::parse(j["issued"].get<std::string>());
    REQUIRE(issued);
    CHECK(j["expires"] == issued->plusDays(kSetupCardDefaultDays).iso());
    auto card = verifySetupCard(payload, {*parsePublicKey(pub)}, *issued, std::string("141022-001"));
    REQUIRE_MESSAGE(card.ok(), card.error().message);
    CHECK(verifySetupCard(payload, {*parsePublicKey(pub)}, issued->plusDays(31)).error().code == "setup.expired");
    CHECK(card->token == "county-token-0042");
    CHECK(card->endpoint == "https://county.example.cn/api");
    CHECK(card->siteName == "北关村老年食堂");

    // A second card with the same key file: the same county key, no new key line.
    auto again = kiosk({"setup-card", "--endpoint", "https://county.example.cn/api", "--token-file", token.string(),
                        "--site-id", "141022-002", "--out", (tmp.path() / "card2.png").string(), "--key", key.string()});
    REQUIRE_MESSAGE(again.exitCode == 0, again.err);
    CHECK(nlohmann::json::parse(again.out)["county_public_key"] == pub);
    CHECK(nlohmann::json::parse(again.out)["key_created"] == false);
}

TEST_CASE("setup-card refuses an http endpoint and a missing token file, writing no card") {
    test::TempDir tmp;
    fs::path token = tmp.path() / "token.txt", out = tmp.path() / "card.png";
    test::writeFile(token, "t\n");
    auto http = kiosk({"setup-card", "--endpoint", "http://county.example.cn/api", "--token-file", token.string(),
                       "--site-id", "141022-001", "--out", out.string(), "--key", (tmp.path() / "k").string()});
    CHECK(http.exitCode == 2);
    CHECK(http.err.find("https://") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK_FALSE(fs::exists(tmp.path() / "k"));  // no county key made for a card that was refused
    auto missing = kiosk({"setup-card", "--endpoint", "https://county.example.cn/api", "--token-file",
                          (tmp.path() / "nope").string(), "--site-id", "141022-001", "--out", out.string(), "--key",
                          (tmp.path() / "k").string()});
    CHECK(missing.exitCode == 2);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("setup-card keeps the county key in a private county directory, never the working directory, and says where") {
    test::TempDir tmp;
    fs::path work = tmp.path() / "work", config = tmp.path() / "config";
    fs::create_directories(work);
    fs::path token = tmp.path() / "token.txt";
    test::writeFile(token, "county-token-0042\n");
    // As county IT runs it from a folder of printed cards: $XDG_CONFIG_HOME says where settings live.
    auto r = test::runProcess({"/usr/bin/env", "--chdir=" + work.string(), "XDG_CONFIG_HOME=" + config.string(),
                               test::kioskExe(), "setup-card", "--endpoint", "https://county.example.cn/api", "--token-file",
                               token.string(), "--site-id", "141022-001", "--out", (work / "card.png").string(),
                               "--valid-days", "7"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto j = nlohmann::json::parse(r.out);
    fs::path key = config / "mealhall-county" / "county-setup.key";
    CHECK(j["county_key"] == key.string());
    CHECK(fs::exists(key));
    CHECK(r.err.find(key.string()) != std::string::npos);  // says where the secret is
    CHECK((fs::status(key.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);
    CHECK((fs::status(key).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    for (const auto& e : fs::directory_iterator(work)) CHECK(e.path().filename() == "card.png");  // no key beside the cards
    auto issued = LocalDate::parse(j["issued"].get<std::string>());
    REQUIRE(issued);
    CHECK(j["expires"] == issued->plusDays(7).iso());

    // --county-dir picks another directory; the same key is used again from there.
    auto again = test::runProcess({"/usr/bin/env", "--chdir=" + work.string(), test::kioskExe(), "setup-card", "--endpoint",
                                   "https://county.example.cn/api", "--token-file", token.string(), "--site-id", "141022-002",
                                   "--out", (work / "card2.png").string(), "--county-dir", (config / "mealhall-county").string()});
    REQUIRE_MESSAGE(again.exitCode == 0, again.err);
    CHECK(nlohmann::json::parse(again.out)["key_created"] == false);
    CHECK(nlohmann::json::parse(again.out)["county_public_key"] == j["county_public_key"]);

    auto tooLong = kiosk({"setup-card", "--endpoint", "https://county.example.cn/api", "--token-file", token.string(),
                          "--site-id", "141022-001", "--out", (work / "card3.png").string(), "--county-dir",
                          (config / "mealhall-county").string(), "--valid-days", "400"});
    CHECK(tooLong.exitCode == 2);
    CHECK_FALSE(fs::exists(work / "card3.png"));
}

// The county setup card (issue 14): signed, parsed strictly, verified against the terminal's trusted
// county keys, and applied to a site's county connection with an audit entry.
#include <doctest/doctest.h>
#include <sodium.h>

#include "shared/site/setup_card.hpp"
#include "shared/site/setup_card_apply.hpp"
#include "shared/site/setup_card_keys.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/upload/upload_target.hpp"
#include "support/test_site.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {

// The terminal's day in these tests: five days after the sample card was issued.
const LocalDate kToday = LocalDate::of(2026, 12, 6);

CardKeyPair seededKeys(unsigned char seedByte) {
    REQUIRE(sodium_init() >= 0);
    CardKeyPair kp;
    unsigned char seed[crypto_sign_SEEDBYTES] = {seedByte};
    crypto_sign_seed_keypair(kp.pub.data(), kp.sec.data(), seed);
    return kp;
}

SetupCard sampleCard() {
    return SetupCard{"141022-001", LocalDate::of(2026, 12, 1), "https://county.example.cn/mealhall", "s3cret-Token_42",
                     "北关村老年食堂"};
}

std::string b32(const std::string& s) { return base32Encode(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }

// Signs a body made by hand (fields the signing tool would refuse), as a forger or a careless tool might.
std::string signRaw(const std::string& body, const CardKeyPair& k) {
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(), k.sec.data());
    return body + ":" + base32Encode(sig, sizeof sig);
}

}  // namespace

TEST_CASE("a setup card signed by the county verifies back to the same fields") {
    auto county = seededKeys(7);
    auto payload = signSetupCard(sampleCard(), county.sec);
    REQUIRE(payload.ok());
    CHECK(payload->rfind("MHS2:", 0) == 0);
    // Upper case, digits and ':' only: the QR stays in alphanumeric mode.
    CHECK(payload->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:") == std::string::npos);
    auto back = verifySetupCard(*payload, {seededKeys(1).pub, county.pub}, kToday, std::string("141022-001"));
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->siteId == "141022-001");
    CHECK(back->issued == LocalDate::of(2026, 12, 1));
    CHECK(back->endpoint == "https://county.example.cn/mealhall");
    CHECK(back->token == "s3cret-Token_42");
    CHECK(back->siteName == "北关村老年食堂");
    // A scanner typing with Caps Lock on gives lower case: still the same card.
    std::string lower = *payload;
    for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    CHECK(verifySetupCard(lower, {county.pub}, kToday).ok());
}

TEST_CASE("a setup card expires 30 days after its issue date, or when county IT chose, and is then refused in Chinese") {
    auto county = seededKeys(7);
    std::string payload = *signSetupCard(sampleCard(), county.sec);  // issued 2026-12-01
    auto back = verifySetupCard(payload, {county.pub}, LocalDate::of(2026, 12, 31));
    REQUIRE(back.ok());
    CHECK(back->expiresOn() == LocalDate::of(2026, 12, 31));  // the last day it is taken
    auto late = verifySetupCard(payload, {county.pub}, LocalDate::of(2027, 1, 1));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "setup.expired");
    CHECK(late.error().message.find("已经过期") != std::string::npos);
    CHECK(late.error().message.find("2026-12-31") != std::string::npos);
    // County IT chose 7 days.
    SetupCard week = sampleCard();
    week.expires = week.issued.plusDays(7);
    std::string weekCard = *signSetupCard(week, county.sec);
    CHECK(verifySetupCard(weekCard, {county.pub}, LocalDate::of(2026, 12, 8)).ok());
    CHECK(verifySetupCard(weekCard, {county.pub}, LocalDate::of(2026, 12, 9)).error().code == "setup.expired");
    // The expiry is signed: moving it forward breaks the signature.
    std::string moved = weekCard;
    moved.replace(moved.find("20261208"), 8, "20261231");
    CHECK(verifySetupCard(moved, {county.pub}, LocalDate::of(2026, 12, 9)).error().code == "setup.signature");
    // More than a year, or before the issue date: the tool will not sign it.
    week.expires = week.issued.plusDays(kSetupCardMaxDays + 1);
    CHECK(signSetupCard(week, county.sec).error().code == "setup.field");
    week.expires = week.issued.plusDays(-1);
    CHECK(signSetupCard(week, county.sec).error().code == "setup.field");
}

TEST_CASE("an older MHS1 card (signed issue date, no expiry field) is taken for the default 30 days") {
    auto county = seededKeys(7);
    SetupCard c = sampleCard();
    std::string body = "MHS1:" + b32(c.siteId) + ":20261201:" + b32(c.endpoint) + ":" + b32(c.token) + ":" + b32(c.siteName);
    std::string old = signRaw(body, county);
    auto back = verifySetupCard(old, {county.pub}, kToday);
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(back->token == c.token);
    CHECK(back->expiresOn() == LocalDate::of(2026, 12, 31));
    CHECK(verifySetupCard(old, {county.pub}, LocalDate::of(2027, 1, 1)).error().code == "setup.expired");
}

TEST_CASE("every single changed character of a setup card is refused") {
    auto county = seededKeys(7);
    std::string payload = *signSetupCard(sampleCard(), county.sec);
    int accepted = 0;
    for (size_t i = 0; i < payload.size(); ++i) {
        std::string t = payload;
        t[i] = t[i] == 'A' ? 'B' : 'A';
        if (verifySetupCard(t, {county.pub}, kToday).ok()) ++accepted;
    }
    CHECK(accepted == 0);
}

TEST_CASE("a setup card with a wrong key, no trusted key, or for another site is refused in plain Chinese") {
    auto county = seededKeys(7);
    std::string payload = *signSetupCard(sampleCard(), county.sec);
    auto wrong = verifySetupCard(payload, {seededKeys(8).pub}, kToday);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == "setup.signature");
    CHECK(wrong.error().message.find("县里") != std::string::npos);
    auto none = verifySetupCard(payload, {}, kToday);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "setup.nokeys");
    auto other = verifySetupCard(payload, {county.pub}, kToday, std::string("141022-002"));
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().code == "setup.site");
    CHECK(other.error().message.find("141022-002") != std::string::npos);
    // Unsigned: the signature field missing or empty.
    std::string unsignedCard = payload.substr(0, payload.rfind(':'));
    CHECK(verifySetupCard(unsignedCard, {county.pub}, kToday).error().code == "setup.format");
    CHECK(verifySetupCard(unsignedCard + ":", {county.pub}, kToday).error().code == "setup.format");
}

TEST_CASE("a county-signed setup card with an http endpoint to another machine is refused") {
    auto county = seededKeys(7);
    SetupCard c = sampleCard();
    c.endpoint = "http://county.example.cn/mealhall";
    CHECK(signSetupCard(c, county.sec).error().code == "upload.endpoint");  // the tool will not print it
    std::string body = "MHS1:" + b32(c.siteId) + ":20261201:" + b32(c.endpoint) + ":" + b32(c.token) + ":";
    auto r = verifySetupCard(signRaw(body, county), {county.pub}, kToday);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "upload.endpoint");
    // http to this machine is allowed (a local relay, the tests' loopback county).
    c.endpoint = "http://127.0.0.1:8080";
    CHECK(verifySetupCard(*signSetupCard(c, county.sec), {county.pub}, kToday).ok());
}

TEST_CASE("oversize fields and garbage are refused, never read past their limits") {
    auto county = seededKeys(7);
    SetupCard c = sampleCard();
    c.token = std::string(kMaxSetupToken + 1, 'x');
    CHECK(signSetupCard(c, county.sec).error().code == "setup.field");
    std::string body = "MHS1:" + b32(c.siteId) + ":20261201:" + b32(c.endpoint) + ":" + b32(c.token) + ":";
    CHECK(verifySetupCard(signRaw(body, county), {county.pub}, kToday).error().code == "setup.format");
    c = sampleCard();
    c.siteId = std::string(33, '1');
    CHECK_FALSE(signSetupCard(c, county.sec).ok());
    for (const char* garbage : {"", "MHS1", "MHS1:", "MHS1::::::", "MH1:E0001:1:AAAA", "MHS1:A:B:C:D:E:F:G",
                                "MHS1:GE:20261301:GE:GE::AAAA", "hello world", "\xff\xfe\x00"})
        CHECK(verifySetupCard(garbage, {county.pub}, kToday).error().code == "setup.format");
    CHECK(verifySetupCard(std::string(100000, 'A'), {county.pub}, kToday).error().code == "setup.format");
    CHECK(verifySetupCard("MHS1:" + std::string(5000, 'A'), {county.pub}, kToday).error().code == "setup.format");
}

TEST_CASE("the trusted county keys file takes comments and blank lines and names a bad line") {
    test::TempDir tmp;
    auto k1 = seededKeys(1), k2 = seededKeys(2);
    fs::path f = tmp.path() / "county-setup-keys";
    CHECK(loadTrustedSetupKeys(f)->empty());  // no file: no keys, not an error
    test::writeFile(f, "# 县信息科 2026\n\n" + base32Encode(k1.pub.data(), 32) + "   # 主钥\n  " +
                           base32Encode(k2.pub.data(), 32) + "\n");
    auto keys = loadTrustedSetupKeys(f);
    REQUIRE(keys.ok());
    REQUIRE(keys->size() == 2);
    CHECK((*keys)[1] == k2.pub);
    test::writeFile(f, "# ok\nNOTAKEY\n");
    auto bad = loadTrustedSetupKeys(f);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("第 2 行") != std::string::npos);
}

TEST_CASE("the county key file is created 0600 once and then loaded, never overwritten") {
    test::TempDir tmp;
    fs::path f = tmp.path() / "county-setup.key";
    auto made = loadOrCreateCountyKey(f);
    REQUIRE(made.ok());
    CHECK(made->created);
    CHECK((fs::status(f).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    auto again = loadOrCreateCountyKey(f);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->keys.pub == made->keys.pub);
    test::writeFile(f, "garbage\n");
    CHECK(loadOrCreateCountyKey(f).error().code == "setup.key_file");
}

TEST_CASE("applying a setup card sets the endpoint and token, keeps site.toml's comments, and is audited") {
    test::TempDir tmp;
    auto site = test::makeSite(tmp.path() / "site", test::standardToml() +
                                                        "\n[upload]\n# 县里给的地址\nendpoint = \"\"  # 空\ntoken_file = \"upload.token\"\n");
    auto applied = applySetupCard(*site, sampleCard(), "2026-12-01T09:00:00+08:00", "first-run");
    REQUIRE_MESSAGE(applied.ok(), applied.error().message);
    std::string toml = test::readFile(site->dir() / kSiteToml);
    CHECK(toml.find("# 县里给的地址") != std::string::npos);
    CHECK(toml.find("token_file = \"upload.token\"") != std::string::npos);
    auto reopened = Site::open(site->dir());
    REQUIRE(reopened.ok());
    auto target = loadUploadTarget(**reopened);
    REQUIRE_MESSAGE(target.ok(), target.error().message);
    CHECK(target->endpoint == "https://county.example.cn/mealhall");
    CHECK(target->token == "s3cret-Token_42");
    CHECK((fs::status(site->dir() / "upload.token").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    auto log = AuditLog(site->db()).recent(5);
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().action == "setup.card");
    CHECK(log.front().actor == "first-run");
    CHECK(log.front().detail.find("(none) -> https://county.example.cn/mealhall") != std::string::npos);
    CHECK(log.front().detail.find("s3cret") == std::string::npos);  // never the token

    SetupCard other = sampleCard();
    other.siteId = "141022-009";
    CHECK(applySetupCard(*site, other, "2026-12-01T09:00:00+08:00", "staff-screen").error().code == "setup.site");
}

TEST_CASE("the endpoint goes into a site.toml without an [upload] table, or under one without an endpoint") {
    auto added = withUploadEndpoint("[site]\nid = \"141022-001\"\nname = \"x\"\n", "https://a.example/x");
    REQUIRE(added.ok());
    CHECK(parseSiteConfig(*added)->uploadEndpoint == "https://a.example/x");
    auto under = withUploadEndpoint("[site]\nid = \"141022-001\"\nname = \"x\"\n[upload]\ntoken_file = \"t\"\n[cards]\n", "https://b.example");
    REQUIRE(under.ok());
    CHECK(parseSiteConfig(*under)->uploadEndpoint == "https://b.example");
    CHECK(parseSiteConfig(*under)->tokenFile == "t");
    // An `endpoint` key of another table is not touched.
    auto other = withUploadEndpoint("[site]\nid = \"141022-001\"\nname = \"x\"\n[upload]\nendpoint = \"https://old.example\"\n",
                                    "https://new.example");
    REQUIRE(other.ok());
    CHECK(parseSiteConfig(*other)->uploadEndpoint == "https://new.example");
}

// The staff PIN: stored hashed, checked, and locked for five minutes after five wrong tries.
#include <doctest/doctest.h>
#include <sodium.h>

#include "shared/staff/staff_pin.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("a staff PIN is stored as an argon2id hash, never as its digits, and checks") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    FakeClock clock(1'800'000'000);
    StaffPin pin(site->db(), clock);
    CHECK_FALSE(pin.isSet());
    CHECK(pin.verify("2468").verdict == StaffPin::Verdict::NotSet);
    REQUIRE(pin.set("2468", "2026-11-25T08:00:00+08:00", "test").ok());
    CHECK(pin.isSet());
    auto st = site->db().prepare("SELECT hash FROM staff_pin");
    REQUIRE(st.step());
    std::string hash = st.text(0);
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK(pin.verify("2468").verdict == StaffPin::Verdict::Ok);
    CHECK(pin.verify("2469").verdict == StaffPin::Verdict::Wrong);
    CHECK(AuditLog(site->db()).recent(5).size() >= 1);
}

TEST_CASE("a PIN that is not 4-12 digits is refused with a sentence") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    FakeClock clock(1'800'000'000);
    StaffPin pin(site->db(), clock);
    for (const char* bad : {"", "123", "12a4", "1234567890123"}) {
        auto r = pin.set(bad, "2026-11-25T08:00:00+08:00", "test");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "pin.format");
    }
    CHECK_FALSE(pin.isSet());
}

TEST_CASE("five wrong PINs lock the pad for five minutes, even for the right PIN, and survive a restart") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    FakeClock clock(1'800'000'000);
    REQUIRE(StaffPin(site->db(), clock).set("2468", "2026-11-25T08:00:00+08:00", "test").ok());
    {
        StaffPin pin(site->db(), clock);
        for (int i = 1; i <= 4; ++i) {
            auto c = pin.verify("0000");
            CHECK(c.verdict == StaffPin::Verdict::Wrong);
            CHECK(c.attemptsLeft == 5 - i);
        }
        auto fifth = pin.verify("0000");
        CHECK(fifth.verdict == StaffPin::Verdict::Locked);
        CHECK(fifth.sentence().find("锁定 5 分钟") != std::string::npos);
    }
    StaffPin again(site->db(), clock);  // a restarted kiosk
    clock.advance(StaffPin::kLockSeconds - 1);
    CHECK(again.verify("2468").verdict == StaffPin::Verdict::Locked);
    clock.advance(1);
    CHECK(again.verify("2468").verdict == StaffPin::Verdict::Ok);
    // The count starts again after a success.
    CHECK(again.verify("0000").attemptsLeft == 4);
}

TEST_CASE("the commonest PINs are refused, ordinary ones are not") {
    for (const char* weak : {"0000", "1111", "999999", "1234", "4321", "0123", "987654", "7890", "8901", "123456789012",
                             "1212", "520520", "123123", "112112", "1314", "5201314", "2580"}) {
        CAPTURE(weak);
        CHECK(commonPin(weak));
    }
    for (const char* fine : {"2468", "7391", "135790", "20481", "8264", "1235", "5820"}) {
        CAPTURE(fine);
        CHECK_FALSE(commonPin(fine));
    }
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    FakeClock clock(1'800'000'000);
    auto r = StaffPin(site->db(), clock).set("1234", "2026-11-25T08:00:00+08:00", "test");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "pin.weak");
    CHECK(r.error().message.find("太常见") != std::string::npos);
    CHECK_FALSE(StaffPin(site->db(), clock).isSet());
}

TEST_CASE("a PIN hashed with the older, cheaper argon2id setting still verifies") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    FakeClock clock(1'800'000'000);
    REQUIRE(sodium_init() >= 0);
    char hash[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str_alg(hash, "2468", 4, 3, 16u << 20, crypto_pwhash_ALG_ARGON2ID13) == 0);
    site->db().prepare("INSERT INTO staff_pin(id, hash, set_at) VALUES(1, ?, 't')").bind(1, std::string(hash)).run();
    StaffPin pin(site->db(), clock);
    CHECK(pin.verify("2468").verdict == StaffPin::Verdict::Ok);
    CHECK(pin.verify("2469").verdict == StaffPin::Verdict::Wrong);
}

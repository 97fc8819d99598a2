// Recording a donation, the one use case behind `donation add`, the staff screen and the demo.
#include <doctest/doctest.h>

#include "shared/donations/record_donation.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("a donation is checked, written with its audit entry, and a refused one writes nothing") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    Database& db = site->db();
    LocalDate today = LocalDate::of(2026, 11, 25);
    const std::string now = "2026-11-25T09:00:00+08:00";
    auto count = [&] {
        auto st = db.prepare("SELECT (SELECT COUNT(*) FROM donations) + (SELECT COUNT(*) FROM audit WHERE action = 'donation.add')");
        st.step();
        return st.i64(0);
    };
    CHECK(recordDonation(db, {"  ", 100_fen, std::nullopt, "", false, "cli"}, today, now).error().code == "donation.donor");
    CHECK(recordDonation(db, {"某人", 0_fen, std::nullopt, "", false, "cli"}, today, now).error().code == "donation.amount");
    CHECK(recordDonation(db, {"某人", kMaxDonationFen + 1_fen, std::nullopt, "", false, "cli"}, today, now).error().code ==
          "donation.amount");
    CHECK(recordDonation(db, {"某人", 100_fen, LocalDate::of(2026, 11, 26), "", false, "cli"}, today, now).error().code ==
          "donation.date");
    CHECK(count() == 0);

    auto ok = recordDonation(db, {" 晋源爱心企业 ", 50000_fen, LocalDate::of(2026, 11, 20), "助餐", true, "staff-screen"}, today, now);
    REQUIRE(ok.ok());
    CHECK(ok->donor == "晋源爱心企业");
    CHECK(ok->day == "2026-11-20");
    CHECK(ok->donationId > 0);
    auto stored = DonationStore(db).forDays("2026-11-01", "2026-11-30");
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].amountFen == 50000_fen);
    CHECK(stored[0].named);
    auto audit = AuditLog(db).recent(1);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].actor == "staff-screen");
    CHECK(audit[0].detail == "晋源爱心企业 50000 fen 2026-11-20 named 助餐");
}

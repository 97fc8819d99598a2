// The donation balance and the donors staff pick from (shared/donations/donation_balance.hpp).
#include <doctest/doctest.h>

#include "shared/donations/donation_balance.hpp"
#include "shared/donations/record_donation.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("recent donors are distinct, newest first, without the anonymous donor, at most the limit") {
    test::TempDir dir;
    auto site = test::makeSite(dir.path());
    const LocalDate today = LocalDate::of(2026, 11, 25);
    int d = 0;
    for (const char* donor : {"北关农贸公司", "匿名", "张三", "北关农贸公司", "李四"}) {
        auto r = recordDonation(site->db(), {donor, 10000_fen, today.plusDays(-10 + d++), "", false, "test"}, today,
                                "2026-11-25T09:00:00+08:00");
        REQUIRE(r.ok());
    }
    CHECK(recentDonors(*site, today, 5, "匿名") == std::vector<std::string>{"李四", "北关农贸公司", "张三"});
    CHECK(recentDonors(*site, today, 2, "匿名") == std::vector<std::string>{"李四", "北关农贸公司"});
    CHECK(recentDonors(*site, today.plusDays(-9), 5, "匿名") == std::vector<std::string>{"北关农贸公司"});
    CHECK(donationBalance(*site, today).receivedFen == 50000_fen);
    CHECK(donationBalance(*site, today.plusDays(-9)).receivedFen == 20000_fen);  // the anonymous gift counts too
}

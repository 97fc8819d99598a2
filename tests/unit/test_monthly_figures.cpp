// The monthly posting's figures: the sum of the month's daily tallies, checked against a month of
// check-ins made through the real engine and counted independently by the generator.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/core/text.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/posting/posting_csv.hpp"
#include "shared/store/donation_store.hpp"
#include "support/month_generator.hpp"
#include "support/test_site.hpp"

using namespace mh;
using namespace mh::test;

namespace {

// One check-in outside the month on each side, which the posting must leave out.
Fen addNeighbourMonths(Site& site, const MonthBook& book) {
    FakeClock clock(site.timeZone().toUnix(LocalDateTime{LocalDate::of(2026, 11, 2), 12, 0, 0}));
    CheckInEngine engine(site, clock);
    Fen donation;
    for (auto [date, svc] : {std::pair{LocalDate::of(2026, 9, 30), "lunch"}, {LocalDate::of(2026, 11, 1), "lunch"}}) {
        auto r = engine.scan(ScanRequest{book.elders.at(7).idNumber, ServiceId(svc), LocalDateTime{date, 11, 0, 0}, false});
        REQUIRE(r.ok());
        REQUIRE(r->accepted());
        if (date.month() == 9) donation += r->shares->donation;
    }
    return donation;
}

const ServiceMonth& service(const MonthlyFigures& f, const std::string& id) {
    auto it = std::find_if(f.services.begin(), f.services.end(), [&](auto& s) { return s.id == id; });
    REQUIRE(it != f.services.end());
    return *it;
}

}  // namespace

TEST_CASE("the monthly figures equal the generator's own count and the sum of the daily tallies") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    MonthBook book = generateMonth(*site, 2026, 10, 12, 0.7);
    addNeighbourMonths(*site, book);
    MonthlyFigures f = loadMonthlyFigures(*site, 2026, 10);

    REQUIRE(f.services.size() == 4);
    CHECK(f.services[0].name == "早餐");
    CHECK(f.services[2].name == "助医");
    CHECK(f.services[3].name == "助洁");  // site.toml order, not alphabetical or by kind
    CHECK(book.voided["lunch"] > 0);   // the month really has voids and deliveries to leave out / count
    CHECK(book.delivered["lunch"] > 0);
    for (const char* id : {"breakfast", "lunch", "health", "clean"}) {
        CAPTURE(id);
        CHECK(service(f, id).count == book.counted[id]);
        CHECK(service(f, id).delivered == book.delivered[id]);
        CHECK(service(f, id).voided == book.voided[id]);
    }
    CHECK(f.meals == book.counted["lunch"] + book.counted["breakfast"]);
    CHECK(f.mealsDelivered == book.delivered["lunch"]);
    CHECK(f.mealsInHall + f.mealsDelivered == f.meals);
    REQUIRE(f.mealsPerDay.size() == 31);
    for (unsigned d = 1; d <= 31; ++d) CHECK(f.mealsPerDay[d - 1] == book.mealsPerDay[LocalDate::of(2026, 10, d).iso()]);
    CHECK(f.shares.donation == book.donationShareFen);
    CHECK(f.priceFen == f.shares.total());

    // The daily tallies, as the upload sends them, add up to the same month.
    CheckinStore store(site->db());
    Shares shares;
    std::map<std::string, int> byRule;
    std::set<std::string> mealElders;
    int meals = 0;
    for (unsigned d = 1; d <= 31; ++d) {
        LocalDate day = LocalDate::of(2026, 10, d);
        DailyTally t = buildTally(site->config(), day, store.forDay(day.iso()), 1, "");
        for (const auto& s : t.services) {
            shares += s.shares;
            for (auto& [r, n] : s.byRule) byRule[r] += n;
            if (s.kind == "meal") meals += s.count;
        }
        for (const auto& r : t.records)
            if (r.serviceKind == "meal") mealElders.insert(r.elderId.str());
    }
    CHECK(shares == f.shares);
    CHECK(meals == f.meals);
    CHECK(int(mealElders.size()) == f.mealElders);
    CHECK(f.byRule.size() == byRule.size());
    for (const auto& [r, n] : f.byRule) CHECK(byRule[r] == n);
    CHECK(std::is_sorted(f.byRule.begin(), f.byRule.end(), [](auto& a, auto& b) { return a.second > b.second; }));

    // Per elder: masked name, village and counts, as the generator counted them.
    std::multiset<std::string> want, got;
    for (const auto& e : book.elders) {
        auto it = book.perElder.find(e.elderId);
        if (it == book.perElder.end()) continue;
        std::string row = maskName(e.name) + "|" + e.village;
        for (const char* id : {"breakfast", "lunch", "health", "clean"}) row += "|" + std::to_string(it->second.count(id) ? it->second.at(id) : 0);
        want.insert(row);
    }
    for (const auto& e : f.elders) {
        std::string row = e.maskedName + "|" + e.village;
        for (int c : e.counts) row += "|" + std::to_string(c);
        got.insert(row);
        CHECK(e.maskedName.find('*') != std::string::npos);
    }
    CHECK(got == want);
    CHECK(f.servedElders == int(book.perElder.size()));
    CHECK(std::is_sorted(f.elders.begin(), f.elders.end(), [](auto& a, auto& b) {
        return std::tie(a.village, a.maskedName) < std::tie(b.village, b.maskedName);
    }));
}

TEST_CASE("the honour roll names only donors who agreed, and the balance is gifts minus donation shares") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    MonthBook book = generateMonth(*site, 2026, 10, 12, 0.7);
    Fen september = addNeighbourMonths(*site, book);
    DonationStore donations(site->db());
    donations.insert({0, "爱心企业晋源公司", 50000_fen, "2026-10-03", "助餐", true}, "t");
    donations.insert({0, "不愿具名者", 20000_fen, "2026-10-10", "", false}, "t");
    donations.insert({0, "九月捐赠人", 30000_fen, "2026-09-20", "", true}, "t");
    donations.insert({0, "十一月捐赠人", 40000_fen, "2026-11-01", "", true}, "t");
    MonthlyFigures f = loadMonthlyFigures(*site, 2026, 10);

    REQUIRE(f.honourRoll.size() == 1);
    CHECK(f.honourRoll[0].donor == "爱心企业晋源公司");
    CHECK(f.honourRoll[0].amountFen == 50000_fen);
    CHECK(f.donationsFen == 70000_fen);
    CHECK(f.donationsCount == 2);
    CHECK(f.balance.receivedFen == 100000_fen);  // September and October, not November
    CHECK(f.balance.spentFen == book.donationShareFen + september);
    CHECK(f.balance.balanceFen() == 100000_fen - book.donationShareFen - september);
    CHECK(book.donationShareFen > 0_fen);
}

TEST_CASE("the donation balance warns when it covers less than a week at the recent rate") {
    DonationBalance b;
    b.recentFen = 2800_fen;  // 100 fen a day over the 28-day window
    b.receivedFen = 1000_fen;
    CHECK(b.daysCovered() == 10);
    CHECK(b.level() == DonationLevel::Ok);
    b.spentFen = 500_fen;
    CHECK(b.daysCovered() == 5);
    CHECK(b.level() == DonationLevel::Low);
    CHECK(donationBalanceText(b, false).find("请及时补充") != std::string::npos);
    b.spentFen = 1000_fen;
    CHECK(b.level() == DonationLevel::Exhausted);
    b.spentFen = 1200_fen;
    CHECK(b.balanceFen() == -200_fen);
    CHECK(b.level() == DonationLevel::Exhausted);
    b = DonationBalance{};
    b.receivedFen = 5000_fen;
    CHECK(b.daysCovered() == -1);  // nothing drawn lately: no rate to divide by
    CHECK(b.level() == DonationLevel::Ok);
    b.recentFen = 28_fen;  // 1 fen a day: 5000 days is "more than a year", not a day count
    CHECK(b.daysCovered() == 5000);
    CHECK(donationBalanceText(b, false) == "捐赠余额 50.00 元，按近期用量够用一年以上");
}

TEST_CASE("the posting CSV has a BOM, 姓名,村 and the services in site.toml order, and a 合计 row") {
    TempDir dir;
    auto site = makeSite(dir.path(), postingToml());
    MonthBook book = generateMonth(*site, 2026, 10, 12, 0.7);
    MonthlyFigures f = loadMonthlyFigures(*site, 2026, 10);
    f.elders.push_back(ElderMonth{"李*", "上,下\"庄\"", {0, 1, 0, 0}, 1});  // a village name that needs quoting
    std::string csv = postingCsv(f);
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    auto lines = splitOn(csv.substr(3), '\n');
    REQUIRE(lines.back().empty());  // ends with a newline
    lines.pop_back();
    CHECK(lines.front() == "姓名,村,早餐,午餐,助医,助洁");
    CHECK(lines.size() == f.elders.size() + 2);
    CHECK(lines[lines.size() - 2] == "李*,\"上,下\"\"庄\"\"\",0,1,0,0");
    CHECK(lines.back() == "合计,," + std::to_string(book.counted["breakfast"]) + "," + std::to_string(book.counted["lunch"]) +
                              "," + std::to_string(book.counted["health"]) + "," + std::to_string(book.counted["clean"]));
}

TEST_CASE("a month is written YYYY-MM and knows its last day") {
    CHECK(parseYearMonth("2026-10") == std::pair{2026, 10u});
    CHECK_FALSE(parseYearMonth("2026-13"));
    CHECK_FALSE(parseYearMonth("2026-1"));
    CHECK_FALSE(parseYearMonth("202610"));
    CHECK(lastDayOfMonth(2028, 2) == LocalDate::of(2028, 2, 29));
    CHECK(lastDayOfMonth(2026, 2) == LocalDate::of(2026, 2, 28));
    CHECK(lastDayOfMonth(2026, 12) == LocalDate::of(2026, 12, 31));
}

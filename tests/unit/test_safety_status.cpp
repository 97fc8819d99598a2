// The food-safety status from its facts (contract 14), without a database: the edges the week walk
// under faketime (integration/test_safety_cli.cpp) does not reach.
#include <doctest/doctest.h>

#include "shared/safety/safety_status.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

struct Facts {
    SiteConfig config = parseSiteConfig(test::standardToml()).value();
    TimeZone tz = TimeZone::load("Asia/Shanghai").value();
    SafetyFacts f;
    Facts(std::int64_t created) {
        f.config = &config;
        f.tz = &tz;
        f.siteCreatedUnix = created;
        f.served = [](const LocalDate&, const std::string&) { return false; };
    }
    std::int64_t at(const std::string& local) const { return tz.toUnix(*LocalDateTime::parse(local)); }
    void check(SafetyKind k, const std::string& local, SafetyFields fields = {}) {
        f.checks.push_back({k, at(local), tz.isoWithOffset(at(local)), "王师傅", std::move(fields)});
    }
    std::vector<SafetyItem> overdue(const std::string& local, SafetyKind k) const {
        std::vector<SafetyItem> out;
        for (const auto& i : safetyStatusFrom(f, at(local)).overdue)
            if (i.kind == k) out.push_back(i);
        return out;
    }
};

}  // namespace

TEST_CASE("nothing is due before the site existed: a site made after breakfast opened owes no 晨检 that day") {
    Facts x(0);
    x.f.siteCreatedUnix = x.at("2027-03-01T09:30");
    CHECK(x.overdue("2027-03-01T15:00", SafetyKind::Morning).empty());
    CHECK(x.overdue("2027-03-02T07:01", SafetyKind::Morning).size() == 1);
}

TEST_CASE("the monthly check is overdue from the end of the month, and a late one clears it") {
    Facts x(0);
    x.f.siteCreatedUnix = x.at("2027-03-10T08:00");
    CHECK(x.overdue("2027-03-31T23:00", SafetyKind::Monthly).empty());
    auto april = x.overdue("2027-04-01T00:01", SafetyKind::Monthly);
    REQUIRE(april.size() == 1);
    CHECK(x.tz.isoWithOffset(april[0].dueUnix) == "2027-03-31T23:59:59+08:00");
    x.check(SafetyKind::Monthly, "2027-04-02T10:00");
    CHECK(x.overdue("2027-04-02T10:01", SafetyKind::Monthly).empty());
    // On the month's last day the check stands in the day's list.
    auto last = safetyStatusFrom(x.f, x.at("2027-04-30T09:00"));
    bool listed = false;
    for (const auto& i : last.dueToday) listed = listed || i.kind == SafetyKind::Monthly;
    CHECK(listed);
}

TEST_CASE("a sample is due only for a meal that served someone, and two samples of one dish wait for two destructions") {
    Facts x(0);
    x.f.siteCreatedUnix = x.at("2027-03-01T06:00");
    x.f.served = [](const LocalDate& d, const std::string& s) { return s == "lunch" && d.day() <= 2; };
    CHECK(x.overdue("2027-03-01T13:31", SafetyKind::Sample).size() == 1);
    CHECK(x.overdue("2027-03-03T13:31", SafetyKind::Sample).size() == 2);  // day 3 served nobody
    x.check(SafetyKind::Sample, "2027-03-01T12:00", {{"dish", "青菜"}, {"meal", "lunch"}, {"grams", "150"}});
    x.check(SafetyKind::Sample, "2027-03-02T12:00", {{"dish", "青菜"}, {"meal", "lunch"}, {"grams", "150"}});
    CHECK(x.overdue("2027-03-03T13:31", SafetyKind::Sample).empty());
    CHECK(x.overdue("2027-03-03T12:01", SafetyKind::SampleDestroyed).size() == 1);
    x.check(SafetyKind::SampleDestroyed, "2027-03-03T12:30", {{"dish", "青菜"}, {"meal", "lunch"}});
    CHECK(x.overdue("2027-03-03T13:00", SafetyKind::SampleDestroyed).empty());
    auto second = x.overdue("2027-03-04T12:01", SafetyKind::SampleDestroyed);
    REQUIRE(second.size() == 1);
    CHECK(x.tz.isoWithOffset(second[0].dueUnix) == "2027-03-04T12:00:00+08:00");
}

// The figures of the monthly public posting (contract 9), summed from the daily tallies of the month
// (buildTally for each day), so the posting and the uploaded tallies can never disagree.
// Public by design: elders appear only as masked names with their village; no ID numbers, and no
// category beside a name (categories are not carried at all).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/money.hpp"
#include "shared/site/site.hpp"
#include "shared/store/donation_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

struct ServiceMonth {
    std::string id;
    std::string name;   // from site.toml; the id for a service no longer configured
    std::string kind;   // meal | service | activity
    int count = 0;      // counted (not voided)
    int delivered = 0;
    int voided = 0;
    Fen priceFen = 0;
    Shares shares;
};

struct ElderMonth {
    std::string maskedName;   // 张*兰
    std::string village;
    std::vector<int> counts;  // per service, in MonthlyFigures::services order; delivered included
    int total = 0;
};

struct MonthlyFigures {
    std::string siteId, siteName, contact;
    int year = 0;
    unsigned month = 0;
    LocalDate first, last;                // the month's first and last day
    std::vector<ServiceMonth> services;   // site.toml order, then services only found in records
    int meals = 0, mealsInHall = 0, mealsDelivered = 0;
    int mealElders = 0;                   // distinct elders with a counted meal
    int servedElders = 0;                 // distinct elders with any counted service
    Fen priceFen = 0;
    Shares shares;                        // over every counted record of the month
    std::vector<std::pair<std::string, int>> byRule;  // by count, most first; only records a rule paid for
    std::vector<std::string> feeSchedule; // 收费标准: prices and the rules in force this month (fee_schedule.hpp)
    std::vector<int> mealsPerDay;         // [0] is the 1st of the month
    std::vector<ElderMonth> elders;       // by village, then masked name
    std::vector<Donation> honourRoll;     // named donors of the month only, by day
    Fen donationsFen = 0;                 // every donation received in the month, named or not
    int donationsCount = 0;
    DonationBalance balance;              // as of the month's last day
};

// Everything from the caller: the month's records (voided included), the roster, the month's
// donations and the balance. Pure: no database, so tests and the benchmark can feed it directly.
MonthlyFigures buildMonthlyFigures(const SiteConfig& cfg, int year, unsigned month,
                                   const std::vector<CheckinRecord>& monthRecords, const std::vector<Elder>& roster,
                                   const std::vector<Donation>& monthDonations, const DonationBalance& balance);

// Reads the month from the site's database and builds the figures.
MonthlyFigures loadMonthlyFigures(Site& site, int year, unsigned month);

// "2026-10" → (2026, 10); nullopt for anything else.
std::optional<std::pair<int, unsigned>> parseYearMonth(std::string_view text);
LocalDate lastDayOfMonth(int year, unsigned month);

}  // namespace mh

// The figures of the monthly public posting (contract 9) as plain values: shared/posting builds them
// (monthly_figures.hpp) and the PostingSink port hands them to platform/print, so they sit in core,
// below both. Public by design: masked names and villages only, no ID numbers, no categories.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/donation.hpp"
#include "shared/core/money.hpp"

namespace mh {

struct ServiceMonth {
    std::string id;
    std::string name;   // from site.toml; the id for a service no longer configured
    std::string kind;   // meal | service | activity
    int count = 0;      // counted (not voided)
    int delivered = 0;
    int voided = 0;
    Fen priceFen;
    Shares shares;
    // The elders' scores of the month's meals (contract 14's 满意度): counts only, never who.
    // `feedbackShown`: a meal service with [feedback] on or with any score, so the posting prints it.
    int feedbackGood = 0, feedbackOkay = 0, feedbackBad = 0;
    bool feedbackShown = false;
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
    Fen priceFen;
    Shares shares;                        // over every counted record of the month
    std::vector<std::pair<std::string, int>> byRule;  // by count, most first; only records a rule paid for
    std::vector<std::string> feeSchedule; // 收费标准: prices and the rules in force this month (fee_schedule.hpp)
    std::vector<int> mealsPerDay;         // [0] is the 1st of the month
    std::vector<ElderMonth> elders;       // by village, then masked name
    std::vector<Donation> honourRoll;     // named donors of the month only, by day
    Fen donationsFen;                 // every donation received in the month, named or not
    int donationsCount = 0;
    DonationBalance balance;              // as of the month's last day
    // Food safety (contract 14): days with a 晨检, 留样 taken, and the other checks (daily, weekly,
    // monthly, deliveries received) recorded in the month, at any terminal of the site.
    int safetyMorningDays = 0, safetySamples = 0, safetyChecks = 0;
    // Everyone who eats (contract 12), at any terminal of the site: meals of guests, staff and
    // volunteers (never in the figures above), counted meals collected by someone else (代领), and
    // delivered meals voided because nobody was home or the elder refused (未送达).
    int guestMeals = 0, staffMeals = 0, volunteerMeals = 0, proxyMeals = 0, notDelivered = 0;
};

}  // namespace mh

// What food-safety checks are due and overdue (contract 14, `safety status` and the staff screen).
//
// Every calendar day is an open day. Due:
//  - a 晨检 (morning) and a daily check by the opening of the day's first meal service;
//  - a 留样 (sample) for each meal service with counted records that day, by its close;
//  - a 留样销毁 48 h after each sample (matched by dish and meal, oldest sample first);
//  - a weekly check 7 days after the last one (or the site's creation);
//  - a monthly check by the last day of each month.
// An item is overdue from its due time until a check of its kind is recorded for it; a late check
// clears it (a day's check entered afterwards with `--at` that day; a monthly check clears every
// earlier month). Nothing is due before the site existed, and past days are looked at only as far
// back as kSafetyLookbackDays, so a long-closed site does not bury today's items under old ones.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/safety/safety_check.hpp"
#include "shared/site/site.hpp"

namespace mh {

inline constexpr int kSafetyLookbackDays = 31;

struct SafetyItem {
    SafetyKind kind = SafetyKind::Daily;
    std::int64_t dueUnix = 0;
    std::string meal, dish;  // a sample's meal; a destruction's dish and meal
    bool done = false;
};

struct SafetyStatus {
    LocalDate today;
    std::vector<SafetyItem> overdue;    // oldest first
    std::vector<SafetyItem> dueToday;   // items due today (done or not), then any due later that are open now
    std::vector<SafetyCheck> doneToday; // checks made today, oldest first
};

struct SafetyFacts {
    const SiteConfig* config = nullptr;
    const TimeZone* tz = nullptr;
    std::int64_t siteCreatedUnix = 0;
    std::vector<SafetyCheck> checks;  // oldest first
    // Whether the meal service had counted records on the day (it needs a sample then).
    std::function<bool(const LocalDate& day, const std::string& service)> served;
};

// The status at `nowUnix`, from the facts alone (no database): what the tests walk through.
SafetyStatus safetyStatusFrom(const SafetyFacts& facts, std::int64_t nowUnix);

// The same for an open site: its checks, its records (its own and its peers') and its creation time.
SafetyStatus safetyStatus(Site& site, std::int64_t nowUnix);

}  // namespace mh

// The daily tally (contract 8): one site's counted check-ins of one local day, summed per service.
// Built from the records alone, so every sum can be re-derived from `records`.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/site/site_config.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"

namespace mh {

// Meals of one kind nobody claims a subsidy for (contract 12): how many, and what they paid.
struct OtherTally {
    int count = 0;
    Fen paidFen = 0;
};

struct ServiceTally {
    std::string id;
    std::string kind;
    int count = 0;      // counted records (voided excluded)
    int delivered = 0;  // of which delivered
    int voided = 0;
    Fen priceFen = 0;
    Shares shares;
    Fen operatingFen = 0;   // 运营补贴 of its records (per meal and per elder-day)
    std::map<std::string, int> byRule;      // only records a rule paid for
    std::map<std::string, int> byCategory;  // a record counts once for each category of its elder
    std::map<std::string, OtherTally> others;  // guest | staff | volunteer, kinds with none omitted
    int proxy = 0;                              // counted records collected by someone else (代领)
};

struct DailyTally {
    std::string siteId;
    std::string terminal;  // this database's terminal id (contract 2); the caller fills it in
    LocalDate date;
    int revision = 1;
    std::string generatedAt;
    std::vector<ServiceTally> services;   // site.toml order, then services only found in records
    std::vector<CheckinRecord> records;   // counted ones; operatingFen includes elder-day money
    bool operating = false;               // site.toml has [[operating]]: every service and record says operating_fen
};

// Sums the day's records; `records` must be the day's records, voided ones included. `elderDay`:
// the day's per-elder-day operating money (elderDayShares), added to the records of `dayRecords` it
// went to (a peer's record carries its share in its own terminal's tally). `otherMeals`: the day's
// meals of guests, staff and volunteers (voided ones included), only ever in `others`.
DailyTally buildTally(const SiteConfig& cfg, LocalDate date, const std::vector<CheckinRecord>& dayRecords,
                      int revision, const std::string& generatedAt, const std::vector<ElderDayShare>& elderDay = {},
                      const std::vector<OtherMeal>& otherMeals = {});

}  // namespace mh

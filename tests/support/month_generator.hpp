// Fills a site with a made-up roster and a month of check-ins through the real CheckInEngine (scans
// of ID numbers, manual check-ins, delivered meals, voids and re-check-ins), and keeps its own
// count of what it did so tests can compare the posting with an independent book.
// No doctest here: the benchmark uses it too.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "shared/site/site.hpp"

namespace mh::test {

struct GeneratedElder {
    std::string elderId, name, village, idNumber, categories;
};

// What the generator did, counted as it went.
struct MonthBook {
    std::vector<GeneratedElder> elders;
    std::map<std::string, int> counted;     // service → counted check-ins (after voids)
    std::map<std::string, int> delivered;   // service → counted delivered
    std::map<std::string, int> voided;      // service → voided
    std::map<std::string, std::map<std::string, int>> perElder;  // elder → service → counted
    std::map<std::string, int> mealsPerDay; // YYYY-MM-DD → counted meals
    Fen donationShareFen;               // donation shares of counted records
    int records = 0;                        // every record written, voided included
};

// `elders` elders; each day each elder takes lunch with probability `lunchRate`, plus some
// breakfasts and 助医 visits. Deterministic for a given seed. Speeds generation by turning off
// fsync on the site database (a test site, not a real one).
MonthBook generateMonth(Site& site, int year, unsigned month, int elders, double lunchRate, unsigned seed = 7);

// A big month for size tests: `elders` elders in twelve villages, each with `lunches` lunches (one a
// day from the 1st), written straight through the real stores (importRoster, CheckinStore::insert)
// in one transaction — 30,000 records in seconds, where the engine takes one transaction a scan.
// Shares are a fixed split of the price (elder 300 fen, the rest government). Returns the records written.
int fillBigMonth(Site& site, int year, unsigned month, int elders, int lunches);

// The standard test policy (standardToml) with a contact line and a 助洁 service after 助医.
std::string postingToml();

}  // namespace mh::test

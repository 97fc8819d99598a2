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
#include "shared/core/posting_figures.hpp"
#include "shared/site/site.hpp"
#include "shared/store/donation_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

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

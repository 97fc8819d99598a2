// Staff confirm that the terminal's clock is right again (contract 3: `clock confirm` and the button
// on the settings tab). A clock that ran fast left records written "in the future"; once it is set
// right, the clock check (clock_check.hpp) would refuse every scan until real time caught up with
// them. After a confirmation those records no longer bound the check, so elders eat at once, and the
// records this terminal wrote ahead of the corrected clock are kept for staff to review.
//
// Invariants:
//  (1) A clock earlier than the site's creation is never confirmed (clock.before_site).
//  (2) The confirmation, its records and the audit entry `clock.confirm` land in one transaction.
//  (3) A record is listed under at most one confirmation (the first that found it ahead).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct ClockCorrection {
    std::int64_t id = 0;
    std::string confirmedAt;            // local ISO time with offset, on the corrected clock
    std::string staff;                  // who confirmed (`--staff`, or staff-screen)
    std::vector<std::int64_t> records;  // this terminal's records written after confirmedAt (record ids)
};

// Confirms the clock at `nowUnix` as `staff` (audit actor `actor`). Throws StoreError when the
// database cannot be written.
Result<ClockCorrection> confirmClock(Site& site, std::int64_t nowUnix, const std::string& actor, const std::string& staff);

// The confirmations that found records written ahead of the clock, newest first, at most `limit`.
std::vector<ClockCorrection> clockCorrections(Database& db, int limit = 20);

}  // namespace mh

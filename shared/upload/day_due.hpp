// When a day's tally is due for upload (contract 8, outbox invariant 1): any day before today's local
// date, and today once [site] end_of_day has passed. The outbox freezes by it and the staff screen
// wakes the uploader by it, so the two can never disagree.
#pragma once
#include "shared/core/dates.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

// Today's tally is due: the local wall time has reached end_of_day.
[[nodiscard]] inline bool isTodayDue(const LocalDateTime& now, const SiteConfig& cfg) {
    return now.wallTime() >= cfg.endOfDay;
}

// `day`'s tally is due at local time `now`.
[[nodiscard]] inline bool isDayDue(LocalDate day, const LocalDateTime& now, const SiteConfig& cfg) {
    return day < now.date || (day == now.date && isTodayDue(now, cfg));
}

}  // namespace mh

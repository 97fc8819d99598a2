// The clock check before any scan that uses the terminal's own clock (contract 3): a terminal whose
// clock battery went flat wakes up in 1970 and would record meals on a day the county refuses.
#pragma once
#include <cstdint>
#include <optional>

#include "shared/core/result.hpp"
#include "shared/store/database.hpp"

namespace mh {

// How far behind the newest record the clock may be before it is taken as wrong (a clock that
// drifted or was corrected by a few minutes is normal).
inline constexpr std::int64_t kClockSlackSeconds = 10 * 60;

// None when the clock is believable; else a sentence asking staff to set the clock.
std::optional<Error> clockProblem(Database& db, std::int64_t nowUnix);

}  // namespace mh

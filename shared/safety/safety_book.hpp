// The site's food-safety book (contract 14): recording a check and reading them back.
//
// A check is kept as an entry of the audit log (action "safety.<kind>", actor = who checked, detail =
// the check as JSON) and nowhere else. The audit log is already append-only, replicated to the site's
// other terminals (contract 11) and covered by the journal, so a 晨检 recorded at one door counts at
// the other, and a check cannot be edited away; a table of its own would need all three again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/safety/safety_check.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct SafetyRequest {
    SafetyKind kind = SafetyKind::Daily;
    std::vector<std::pair<std::string, std::string>> fields;  // as given; checked here
    std::string by;                                           // who made the check
    std::optional<LocalDateTime> at;                          // `--at`: made then, written now
    std::string actor;                                        // audit actor when not `by` (staff-screen)
};

// Checks and records one safety check. Refused (nothing written) for a missing or wrong field
// (code "safety.field"), no `by` ("safety.by"), a clock that is not believable when `at` is not
// given ("clock.*"), a time in the future ("safety.future"), a 留样销毁 with no sample of that dish and
// meal to destroy or one kept less than 48 h ("safety.destroy"), and a failed write ("store.*").
Result<SafetyCheck> recordSafetyCheck(Site& site, const SafetyRequest& req, std::int64_t nowUnix);

// Each 留样 of this dish and meal made up to `untilUnix`, oldest first, and whether it is destroyed:
// a 留样销毁 of the dish and meal takes the oldest sample still waiting. What `safety add` checks a
// destruction against and what `safety status` lists as due.
struct SampleState {
    SafetyCheck sample;
    bool destroyed = false;
};
std::vector<SampleState> samplesOf(const std::vector<SafetyCheck>& book, const std::string& dish, const std::string& meal,
                                   std::int64_t untilUnix);

// Every check this terminal has seen (its own and its peers'), oldest first; entries that do not
// read as a check (a peer's newer format) are left out.
std::vector<SafetyCheck> safetyChecks(Database& db);

}  // namespace mh

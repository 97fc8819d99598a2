// Refused scans (contract 13): each refusal of a scan kept with its time, service and outcome, and
// the roster elder and card serial when known — never the payload, so a stranger's card or ID
// number is not stored. Journalled like every covered table (journal_coverage.hpp).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "shared/store/database.hpp"

namespace mh {

struct RefusedScan {
    std::string day;      // YYYY-MM-DD, local: the scan's (its --at when given)
    std::string at;       // local ISO time with offset
    std::string service;
    std::string outcome;  // unknown | invalid | revoked | closed | duplicate | ineligible
    std::optional<std::string> elderId;     // a roster elder, when the scan named one
    std::optional<std::string> cardSerial;  // the serial of a card this site trusts, when it was one
    std::optional<std::string> enteredAt;   // real write time, where `at` was given by hand
};

// One row, in its own transaction (or the caller's). Throws StoreError.
void recordRefusedScan(Database& db, const RefusedScan& r);
// The day's refusals: service -> outcome -> count.
std::map<std::string, std::map<std::string, int>> refusedCounts(Database& db, const std::string& day);

}  // namespace mh

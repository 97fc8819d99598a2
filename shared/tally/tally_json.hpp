// JSON forms of the daily tally (contract 8) and of a scan result (contract 7).
#pragma once
#include <nlohmann/json.hpp>

#include "shared/core/money_json.hpp"
#include "shared/core/scan_result.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

nlohmann::ordered_json tallyJson(const DailyTally& t);
// `english`: the message in English (--lang en).
nlohmann::ordered_json scanResultJson(const ScanResult& r, bool english);

}  // namespace mh

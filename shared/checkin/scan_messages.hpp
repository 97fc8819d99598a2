// The sentence for each outcome, in Chinese and English, as shown on screen and printed by the CLI.
#pragma once
#include <string>

#include "shared/core/scan_result.hpp"

namespace mh {

struct ServiceDef;

// Fills result.message / messageEn from its outcome, name, service and money. `detail` adds the
// reason of an invalid input (a wrong check digit) or the opening hours of a closed service.
void composeMessage(ScanResult& result, const std::string& detailZh = "", const std::string& detailEn = "");

}  // namespace mh

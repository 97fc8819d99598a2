// The JSON form of a split of money ("shares_fen": government, collective, ...), one shape for the
// tally (contract 8), the scan result (contract 7) and `policy explain`.
#pragma once
#include <nlohmann/json.hpp>

#include "shared/core/money.hpp"

namespace mh {

nlohmann::ordered_json sharesJson(const Shares& s);

}  // namespace mh

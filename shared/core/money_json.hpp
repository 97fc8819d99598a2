// The JSON form of a split of money ("shares_fen": government, collective, ...), one shape for the
// tally (contract 8), the scan result (contract 7) and `policy explain`.
#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "shared/core/money.hpp"

namespace mh {

// Fen in JSON is a plain integer of fen (contracts 7, 8, 12): the one place money crosses into and
// out of JSON, so `j["price_fen"] = r.priceFen` and `j.at("price_fen").get<Fen>()` keep working.
template <typename BasicJson>
void to_json(BasicJson& j, Fen fen) {
    j = fen.value();
}
template <typename BasicJson>
void from_json(const BasicJson& j, Fen& fen) {
    fen = Fen(j.template get<std::int64_t>());
}

nlohmann::ordered_json sharesJson(const Shares& s);

}  // namespace mh

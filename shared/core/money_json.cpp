#include "shared/core/money_json.hpp"

#include <string>

namespace mh {

nlohmann::ordered_json sharesJson(const Shares& s) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (Share k : kAllShares) j[std::string(shareKey(k))] = s.at(k);
    return j;
}

}  // namespace mh

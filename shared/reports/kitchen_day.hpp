// The kitchen's day list (contract 14, 今日特殊饮食): for each diet need, how many of the day's diners
// have it and who (masked names), so the cook plates 低盐 and 软食 without relying on memory. For staff
// and the kitchen only; nothing here goes on a public screen or into the posting.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct KitchenDiet {
    std::string code, name;             // "low_salt", "低盐"
    std::vector<std::string> checkedIn; // masked names of elders with a counted meal record that day
    std::vector<std::string> regulars;  // masked names of the other active elders who have this need
};

// Every diet need some active elder has, in the contract's order. Throws StoreError when the database
// cannot be read.
std::vector<KitchenDiet> kitchenDayList(Site& site, LocalDate day);

}  // namespace mh

// What one subsidy rule paid towards one check-in: the unit that caps, tallies and the posting
// count (a record paid by two rules has two of these). Shared by the policy and the store.
#pragma once
#include <string>

#include "shared/core/money.hpp"

namespace mh {

struct RulePaid {
    std::string rule;
    Shares shares;  // `elder` unused: the elder's part belongs to the record, not to a rule
    [[nodiscard]] Fen total() const { return shares.government + shares.collective + shares.donation + shares.family; }
    bool operator==(const RulePaid&) const = default;
};

}  // namespace mh

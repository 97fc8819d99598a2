// The daily review (contract 13, 今日核对): what staff must look at for one day, in one list —
// doubles two terminals counted while apart, records entered afterwards (scan --at), revoked cards
// scanned (one item per card and day, with the count), peer entries held aside, delivered meals not
// delivered, and records written ahead of a corrected clock. Each item has a stable id and can be
// marked handled, which is an audit entry (so it reaches the other terminals like any audit entry).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct ReviewItem {
    std::string id;    // stable: kind and the origin keys (or card and day) it is about
    std::string kind;  // double | backdated | revoked_card | held_peer_entry | not_delivered | clock_corrected
    bool handled = false;
    nlohmann::ordered_json detail;  // the kind's own fields (elder, service, records, count ...)
};

struct DailyReview {
    std::string date;
    std::vector<ReviewItem> items;  // in the order of the kinds above, each kind in time order
};

// The items of `day` (each belongs to the day of the record it concerns, its `at`). Reads only;
// throws StoreError.
DailyReview dailyReview(Site& site, LocalDate day);

// Marks the item `id` handled by `staff` at `nowUnix`: an audit entry `review.handled`. Errors
// review.unknown (no such item), review.staff (no name). Marking one already handled changes nothing.
Result<ReviewItem> markReviewHandled(Site& site, const std::string& id, const std::string& staff, std::int64_t nowUnix);

}  // namespace mh

// What the driver found at the door of a delivered meal (contract 12): delivered, nobody home, or
// refused. Nobody home and refused void the meal in the same transaction (so it is never claimed) and
// put the elder on today's visit-alert list with the phone number; a driver's note (身体变化) is a
// concern that stays on that list, any day, until staff mark it handled.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/ids.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct DeliveryRequest {
    std::int64_t recordId = 0;
    std::string outcome;  // delivered | not_home | refused
    std::string by;       // the driver
    std::string note;     // a concern for staff; may be empty
    std::optional<LocalDateTime> at;  // none: now
};

struct DeliveryRecorded {
    std::int64_t outcomeId = 0;
    std::int64_t recordId = 0;
    ElderId elderId;
    std::string maskedName, outcome, at;
    bool voided = false;  // not_home / refused: the meal is no longer counted
};

// Errors: delivery.outcome, delivery.by (usage); delivery.missing, delivery.not_delivered,
// delivery.voided (refused).
Result<DeliveryRecorded> recordDelivery(Site& site, const Clock& clock, const DeliveryRequest& req);

// One line of the visit-alert list for staff: an elder a driver did not find or who refused the meal
// today, or a driver's note not yet handled (any day).
struct DeliveryAlert {
    std::int64_t outcomeId = 0;
    std::int64_t recordId = 0;
    ElderId elderId;
    std::string name, village, phone;  // the roster's full name: the list is for staff only
    std::string outcome, note, at, by;
    std::string day;  // the meal's day
};

// `day`'s not-home and refused meals, then every open concern note (oldest first), each once.
std::vector<DeliveryAlert> deliveryAlerts(Site& site, LocalDate day);

// Staff mark the concern of outcome `outcomeId` handled (audited). Errors: delivery.no_outcome,
// delivery.by.
Status markConcernHandled(Site& site, const Clock& clock, std::int64_t outcomeId, const std::string& staff);

}  // namespace mh

// Meals nobody claims a subsidy for (contract 12): guests, staff and volunteers eat at the hall at the
// service's own prices. Recorded and voided here, for `kiosk meal`, `kiosk void` and the staff screen;
// the tally shows them only under each service's `others`, never in a claim.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site.hpp"
#include "shared/store/eats_store.hpp"

namespace mh {

struct OtherMealRequest {
    std::string service;
    std::string kind;  // guest | staff | volunteer
    int count = 1;     // 1..1000
    std::string name;  // required for a volunteer (volunteer-meal rules ask for it)
    std::optional<double> hours;  // required for a volunteer, 0 < hours <= 24
    std::optional<LocalDateTime> at;  // none: now, after the clock check
};

// The price one meal of `kind` costs at `service` (guest_price_fen ..., else price_fen).
Fen otherMealPrice(const ServiceDef& service, const std::string& kind);

// Records the meals (one record for `count` of them). Errors: meal.kind, meal.count, meal.volunteer
// (usage: name or hours missing), usage.service; meal.clock when the clock is wrong, meal.closed when
// the service is not open at that time, with a scan's words (nothing written).
Result<OtherMeal> recordOtherMeal(Site& site, const Clock& clock, const OtherMealRequest& req);

// Voids the other meal `recordId` (with why and who, audited); none when `recordId` is not an other
// meal (then it may be a check-in: CheckInEngine::voidRecord). Errors: void.reason, void.already.
Result<std::optional<OtherMeal>> voidOtherMeal(Site& site, const Clock& clock, std::int64_t recordId,
                                               const std::string& reason, const std::string& staff);

// `day`'s other meals over every terminal this one has seen, voided ones included, in the order
// recorded: the staff screen's list under 访客 / 职工 / 志愿者.
std::vector<OtherMeal> otherMealsOfDay(Site& site, LocalDate day);

// The volunteers' names already recorded (newest first, each once, at most `max`): what the staff
// screen offers to pick, so a name is typed once (on the command line) and tapped after that.
std::vector<std::string> knownVolunteers(Site& site, std::size_t max);

}  // namespace mh

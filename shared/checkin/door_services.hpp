// Which services a card shown at the door may check in to now (contract 10, `at_door`), so the door
// never charges for a service the elder did not choose (issue 23: a card at 16:10 was recorded as
// 助洁 at 20元 for an elder who came for the free 助医).
//
// The rule, in order:
//  1. Only services with `at_door = true` (the default); a staff-booked service is never taken at the door.
//  2. A meal in its window first: while a door meal is open, the door takes the meal (the lunch
//     rush is one scan per elder), and no other open service is offered.
//  3. Otherwise every open door service.
// One left: the scan records it at once. Several: the elder picks one on the screen after the card is
// read, never the kiosk. None: the scan is refused as `closed` (the waiting screen names what comes next).
#pragma once
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

struct DoorServices {
    std::vector<const ServiceDef*> open;  // what a door scan may take now, in site.toml order
    // Several: the elder picks one on the screen.
    [[nodiscard]] bool elderPicks() const { return open.size() > 1; }
};

DoorServices doorServicesAt(const SiteConfig& cfg, WallTime now);

// Every service open now, at the door or not, in site.toml order: what staff 补签 may pick from.
std::vector<const ServiceDef*> openServicesAt(const SiteConfig& cfg, WallTime now);

}  // namespace mh

// The driver's route sheet (contract 12, `delivery sheet`): A4 pages of real text, one row per
// delivered meal with the masked name, village, phone and a wide column to sign in at the door.
#pragma once
#include <filesystem>

#include "shared/core/result.hpp"
#include "shared/eats/route_sheet.hpp"

namespace mh::print {

// Writes the PDF atomically (a temp file renamed when whole).
Status renderRouteSheet(const RouteSheet& sheet, const std::filesystem::path& pdf);

}  // namespace mh::print

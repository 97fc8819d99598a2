// The week's menu for the notice board (contract 14, `menu sheet`): one A4 page, a row per day and a
// column per meal, in type large enough to read standing at the board. Real text in the PDF.
#pragma once
#include <array>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/menu/menu_book.hpp"

namespace mh::print {

struct MenuWeek {
    std::string siteName;
    LocalDate monday;
    std::vector<std::pair<std::string, std::string>> meals;  // service id, name (早餐), in site.toml order
    std::array<DayMenu, 7> days;                             // Monday … Sunday
};

// Writes the PDF atomically (a temp file renamed when whole).
Status renderMenuSheet(const MenuWeek& week, const std::filesystem::path& pdf);

}  // namespace mh::print

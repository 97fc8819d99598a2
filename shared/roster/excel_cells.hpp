// What a spreadsheet (Excel in a Chinese locale, WPS) makes of roster cells, read back into the
// contract-5 values: slash dates without leading zeros, categories separated by Chinese punctuation,
// and the ID number that the spreadsheet turned into a floating-point number.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/dates.hpp"

namespace mh {

// 1946-01-04, 1946-1-4, 1946/11/24, 1946/1/4, 1946.1.4, 1946年1月4日, 19460104; a time Excel may
// append ("1946/1/4 0:00") is ignored. nullopt unless it is a real calendar date.
std::optional<LocalDate> parseRosterDate(std::string_view text);

// Splits at | 、 ， ； / ｜ ／ and (from a quoted cell) , ; and spaces; empty parts are dropped.
std::vector<std::string> splitCategoryList(std::string_view text);

// 1.41024E+17, 1.41024e17, 4.1E+17: what Excel shows (and saves) for an 18-digit number in a
// cell formatted as a number. The digits after the sixth are gone for good.
bool looksLikeScientificNumber(std::string_view text);

// 141024194611240000: Excel keeps 15 significant digits, so a number-formatted ID column
// saved with no decimals ends in zeros.
bool looksLikeExcelRoundedId(std::string_view text);

}  // namespace mh

// The 18-digit resident ID number (GB 11643-1999): validation and what it tells (birth date, sex).
// The full number is never stored: see site_keys.hpp for the keyed hash kept instead.
#pragma once
#include <string>
#include <string_view>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"

namespace mh {

enum class Sex { Male, Female };

struct IdNumber {
    std::string digits;  // 18 characters, a final 'x' upper-cased to 'X'
    LocalDate birth;
    Sex sex;
    [[nodiscard]] std::string last4() const { return digits.substr(14); }
};

// Checks length, province code, a real birth date not after `today`, and the ISO 7064 MOD 11-2
// check digit. Errors carry a code (id.length, id.chars, id.region, id.date, id.future, id.check).
Result<IdNumber> parseIdNumber(std::string_view text, LocalDate today);

// The check character for the first 17 digits ('0'..'9' or 'X'); '?' when they are not 17 digits.
char idCheckChar(std::string_view first17);

// True when the text has the shape of an ID number (18 chars, 17 digits, digit or X), valid or not:
// the scanner uses it to tell "a wrong ID number" from "something else".
bool looksLikeIdNumber(std::string_view text);

}  // namespace mh

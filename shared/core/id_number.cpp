#include "shared/core/id_number.hpp"

#include <array>

#include "shared/core/text.hpp"

namespace mh {
namespace {

// Province-level codes of GB/T 2260 (plus 71 Taiwan, 81/82 Hong Kong and Macao, 83 for residence
// permits of Taiwan residents).
bool validProvince(int code) {
    static constexpr std::array<int, 35> k{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                           44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    for (int c : k)
        if (c == code) return true;
    return false;
}

}  // namespace

char idCheckChar(std::string_view first17) {
    static constexpr std::array<int, 17> w{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    // Anything but 17 digits has no check character; '?' never matches one, so a caller that did not
    // validate first is refused rather than reading past the text or the table (found by fuzzing).
    if (first17.size() < 17) return '?';
    int sum = 0;
    for (size_t i = 0; i < 17; ++i) {
        if (first17[i] < '0' || first17[i] > '9') return '?';
        sum += (first17[i] - '0') * w[i];
    }
    return "10X98765432"[sum % 11];
}

bool looksLikeIdNumber(std::string_view t) {
    if (t.size() != 18) return false;
    for (size_t i = 0; i < 17; ++i)
        if (t[i] < '0' || t[i] > '9') return false;
    char c = t[17];
    return (c >= '0' && c <= '9') || c == 'X' || c == 'x';
}

Result<IdNumber> parseIdNumber(std::string_view text, LocalDate today) {
    std::string s = toUpperAscii(trim(text));
    if (s.size() != 18)
        return Error{"id.length", "身份证号应为18位，这个是" + std::to_string(s.size()) + "位",
                     "an ID number has 18 characters, this one has " + std::to_string(s.size())};
    if (!looksLikeIdNumber(s))
        return Error{"id.chars", "身份证号只能是数字，最后一位可以是X", "an ID number is 17 digits and a digit or X"};
    if (!validProvince((s[0] - '0') * 10 + (s[1] - '0')))
        return Error{"id.region", "身份证号前两位不是有效的省份代码", "the first two digits are not a province code"};
    std::string ds = s.substr(6, 4) + "-" + s.substr(10, 2) + "-" + s.substr(12, 2);
    auto birth = LocalDate::parse(ds);
    if (!birth || birth->year() < 1890)
        return Error{"id.date", "身份证号中的出生日期 " + ds + " 不是真实日期",
                     "the birth date " + ds + " in the ID number is not a real date"};
    if (*birth > today)
        return Error{"id.future", "身份证号中的出生日期 " + ds + " 在今天之后",
                     "the birth date " + ds + " in the ID number is in the future"};
    if (idCheckChar(s) != s[17])
        return Error{"id.check", "身份证号校验位不对，可能有一位输错了",
                     "the check digit does not match: a digit may be mistyped"};
    Sex sex = ((s[16] - '0') % 2 == 1) ? Sex::Male : Sex::Female;
    return IdNumber{s, *birth, sex};
}

}  // namespace mh

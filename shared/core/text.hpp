// Text helpers for UTF-8 data from rosters and scanners, and the masking used in anything public.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace mh {

[[nodiscard]] bool isValidUtf8(std::string_view s);
// One string per code point; invalid bytes come out one per element (callers validate first).
[[nodiscard]] std::vector<std::string> splitCodePoints(std::string_view s);
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string toUpperAscii(std::string_view s);
[[nodiscard]] std::vector<std::string> splitOn(std::string_view s, char sep);

// 张桂兰 → 张*兰, 张三 → 张*, 欧阳小明 → 欧**明: first and last character kept.
[[nodiscard]] std::string maskName(std::string_view name);
// 142622195001011234 → 1426**********1234
[[nodiscard]] std::string maskIdNumber(std::string_view idNumber);
// 13912345678 → 139****5678
[[nodiscard]] std::string maskPhone(std::string_view phone);

}  // namespace mh

// A short list of codes with their Chinese names (the elder categories, the diets): the code is what
// rosters, policy and tallies store, the name what people write and read.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mh {

struct CodedName {
    std::string_view code;  // "dibao"
    std::string_view zh;    // "低保"
};

// Accepts a code (any case) or a Chinese name, spaces around it ignored; returns the code.
[[nodiscard]] std::optional<std::string> codeIn(const std::vector<CodedName>& list, std::string_view codeOrName);
// The code's Chinese name; the code itself when the list lacks it.
[[nodiscard]] std::string_view nameZhIn(const std::vector<CodedName>& list, std::string_view code);

}  // namespace mh

#include "shared/core/coded_names.hpp"

#include "shared/core/text.hpp"

namespace mh {

std::optional<std::string> codeIn(const std::vector<CodedName>& list, std::string_view text) {
    auto t = trim(text);
    std::string lower(t);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    for (const auto& c : list)
        if (lower == c.code || t == c.zh) return std::string(c.code);
    return std::nullopt;
}

std::string_view nameZhIn(const std::vector<CodedName>& list, std::string_view code) {
    for (const auto& c : list)
        if (code == c.code) return c.zh;
    return code;
}

}  // namespace mh

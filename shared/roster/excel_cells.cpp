#include "shared/roster/excel_cells.hpp"

#include <algorithm>

#include "shared/core/text.hpp"

namespace mh {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1-`maxLen` digits at `pos`, moving pos past them.
std::optional<int> readNumber(std::string_view t, size_t& pos, size_t maxLen) {
    size_t start = pos;
    int v = 0;
    while (pos < t.size() && isDigit(t[pos]) && pos - start < maxLen) v = v * 10 + (t[pos++] - '0');
    if (pos == start) return std::nullopt;
    return v;
}

// Reads the separator at pos (ASCII or one of 年/月): its text, so both gaps must match.
std::string_view readSeparator(std::string_view t, size_t& pos) {
    for (std::string_view s : {"-", "/", ".", "年", "月"}) {
        if (t.substr(pos, s.size()) == s) {
            pos += s.size();
            return s;
        }
    }
    return {};
}

}  // namespace

std::optional<LocalDate> parseRosterDate(std::string_view text) {
    std::string_view t = trim(text);
    // A date-time cell saved as "1946/1/4 0:00": the time part says nothing about a birth date.
    if (auto sp = t.find(' '); sp != std::string_view::npos) {
        std::string_view rest = trim(t.substr(sp));
        for (char c : rest)
            if (!isDigit(c) && c != ':') return std::nullopt;
        t = t.substr(0, sp);
    }
    int y = 0, m = 0, d = 0;
    if (t.size() == 8 && std::all_of(t.begin(), t.end(), isDigit)) {
        y = std::stoi(std::string(t.substr(0, 4)));
        m = std::stoi(std::string(t.substr(4, 2)));
        d = std::stoi(std::string(t.substr(6, 2)));
    } else {
        size_t pos = 0;
        auto yy = readNumber(t, pos, 4);
        if (!yy || pos != 4) return std::nullopt;
        std::string_view s1 = readSeparator(t, pos);
        auto mm = readNumber(t, pos, 2);
        std::string_view s2 = readSeparator(t, pos);
        auto dd = readNumber(t, pos, 2);
        if (!mm || !dd || s1.empty()) return std::nullopt;
        bool chinese = s1 == "年";
        if (chinese ? s2 != "月" : s2 != s1) return std::nullopt;
        if (chinese && t.substr(pos) == "日") pos = t.size();
        if (pos != t.size()) return std::nullopt;
        y = *yy, m = *mm, d = *dd;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    LocalDate date = LocalDate::of(y, unsigned(m), unsigned(d));
    if (!date.ymd.ok()) return std::nullopt;
    return date;
}

std::vector<std::string> splitCategoryList(std::string_view text) {
    static const std::string_view kSeparators[] = {"|", "、", "，", "；", "/", "｜", "／", ",", ";", " ", "\t", "　"};
    std::vector<std::string> out;
    std::string part;
    auto flush = [&] {
        if (auto p = trim(part); !p.empty()) out.emplace_back(p);
        part.clear();
    };
    for (size_t i = 0; i < text.size();) {
        bool matched = false;
        for (std::string_view s : kSeparators) {
            if (text.substr(i, s.size()) == s) {
                flush();
                i += s.size();
                matched = true;
                break;
            }
        }
        if (!matched) part += text[i++];
    }
    flush();
    return out;
}

bool looksLikeScientificNumber(std::string_view text) {
    std::string_view t = trim(text);
    size_t pos = 0;
    while (pos < t.size() && isDigit(t[pos])) ++pos;
    if (pos == 0) return false;
    if (pos < t.size() && t[pos] == '.') {
        size_t frac = ++pos;
        while (pos < t.size() && isDigit(t[pos])) ++pos;
        if (pos == frac) return false;
    }
    if (pos >= t.size() || (t[pos] != 'E' && t[pos] != 'e')) return false;
    ++pos;
    if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) ++pos;
    size_t exp = pos;
    while (pos < t.size() && isDigit(t[pos])) ++pos;
    return pos > exp && pos == t.size();
}

bool looksLikeExcelRoundedId(std::string_view text) {
    std::string_view t = trim(text);
    return t.size() == 18 && std::all_of(t.begin(), t.end(), isDigit) && t.substr(15) == "000";
}

}  // namespace mh

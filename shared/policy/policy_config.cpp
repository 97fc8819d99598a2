#include "shared/policy/policy_config.hpp"

namespace mh {

int weekdayOf(LocalDate day) {
    // 1970-01-01 (day number 0) was a Thursday.
    std::int64_t n = day.dayNumber() + 3;
    return int(((n % 7) + 7) % 7);
}

bool Calendar::isWorkday(LocalDate day) const {
    if (workdays.count(day)) return true;
    if (holidays.count(day)) return false;
    return weekdayOf(day) < 5;
}

const PolicyService* PolicyConfig::findService(std::string_view id) const {
    for (const auto& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

const RuleDef* PolicyConfig::findRule(std::string_view name) const {
    for (const auto& r : rules)
        if (r.name == name) return &r;
    return nullptr;
}

std::string_view weekdayKey(int weekday) {
    static constexpr std::string_view keys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return keys[((weekday % 7) + 7) % 7];
}

}  // namespace mh

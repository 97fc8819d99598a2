// Food-safety checks (contract 14): 晨检, 留样 and its destruction, 中央厨房送达, the daily 用电用气食品
// check, the village officer's weekly and the township's monthly check. This file says what each
// kind is called and which fields it needs; a check that lacks one, or has a wrong one, is refused
// with the field's name before anything is written.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/core/result.hpp"
#include "shared/site/site_config.hpp"

namespace mh {

enum class SafetyKind { Morning, Sample, SampleDestroyed, Received, Daily, Weekly, Monthly };

// The contract's key ("morning") and the words staff know ("晨检").
std::string_view safetyKindKey(SafetyKind k);
std::string_view safetyKindName(SafetyKind k);
std::optional<SafetyKind> parseSafetyKind(std::string_view key);
const std::vector<SafetyKind>& allSafetyKinds();

// A 留样 is kept this long before it may be destroyed (食品安全: 48 小时以上).
inline constexpr std::int64_t kSampleKeepSeconds = 48 * 3600;
inline constexpr int kMinSampleGrams = 125;

using SafetyFields = std::map<std::string, std::string>;

struct SafetyCheck {
    SafetyKind kind = SafetyKind::Daily;
    std::int64_t atUnix = 0;  // when the check was made (`--at`, else when it was recorded)
    std::string at;           // the same, local ISO time with offset
    std::string by;           // who made it
    SafetyFields fields;
    [[nodiscard]] std::string field(const std::string& key) const {
        auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    }
};

// The fields as given (`--field KEY=VALUE`, the staff screen's pads), checked for this kind: every
// required field present and well-formed, no unknown field, text trimmed. `meal` must name a
// service of kind meal in `config`. Errors name the field (code "safety.field").
Result<SafetyFields> checkSafetyFields(SafetyKind kind, const std::vector<std::pair<std::string, std::string>>& given,
                                       const SiteConfig& config);

}  // namespace mh

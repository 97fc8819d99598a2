#include "shared/safety/safety_check.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "shared/core/text.hpp"

namespace mh {
namespace {

struct KindInfo {
    SafetyKind kind;
    std::string_view key, name;
};

constexpr KindInfo kKinds[] = {
    {SafetyKind::Morning, "morning", "晨检"},
    {SafetyKind::Sample, "sample", "留样"},
    {SafetyKind::SampleDestroyed, "sample_destroyed", "留样销毁"},
    {SafetyKind::Received, "received", "送达检查"},
    {SafetyKind::Daily, "daily", "每日用电用气食品检查"},
    {SafetyKind::Weekly, "weekly", "村级每周检查"},
    {SafetyKind::Monthly, "monthly", "乡镇每月检查"},
};

// What a field may hold.
enum class FieldType { Text, OkUnwell, OkProblem, YesNo, Grams, Celsius, Meal };

struct FieldSpec {
    std::string_view key, name;  // "grams", "留样克数"
    FieldType type;
    bool required;
};

std::vector<FieldSpec> specsOf(SafetyKind k) {
    const FieldSpec note{"note", "备注", FieldType::Text, false};
    switch (k) {
    case SafetyKind::Morning:
        // Symptoms are asked for when someone is unwell; a well worker has none to write.
        return {{"person", "受检人", FieldType::Text, true}, {"result", "晨检结果", FieldType::OkUnwell, true},
                {"symptoms", "症状", FieldType::Text, false}, note};
    case SafetyKind::Sample:
        return {{"dish", "菜品", FieldType::Text, true}, {"grams", "留样克数", FieldType::Grams, true},
                {"meal", "餐次", FieldType::Meal, true}, note};
    case SafetyKind::SampleDestroyed:
        return {{"dish", "菜品", FieldType::Text, true}, {"meal", "餐次", FieldType::Meal, true}, note};
    case SafetyKind::Received:
        return {{"temperature_c", "送达温度", FieldType::Celsius, true}, {"matches_menu", "与菜谱相符", FieldType::YesNo, true},
                note};
    case SafetyKind::Daily:
        return {{"electric", "用电", FieldType::OkProblem, true}, {"gas", "用气", FieldType::OkProblem, true},
                {"food", "食品", FieldType::OkProblem, true}, note};
    case SafetyKind::Weekly:
    case SafetyKind::Monthly: return {note};
    }
    return {note};
}

Error fieldError(const FieldSpec& f, const std::string& zhWhy, const std::string& enWhy) {
    return Error{"safety.field", std::string(f.name) + "（" + std::string(f.key) + "）" + zhWhy,
                 "field " + std::string(f.key) + ": " + enWhy};
}

// None when `value` suits the field; the refusal otherwise.
std::optional<Error> badValue(const FieldSpec& f, const std::string& value, const SiteConfig& config) {
    auto oneOf = [&](std::initializer_list<std::string_view> allowed, const char* zhList) -> std::optional<Error> {
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return std::nullopt;
        std::string en;
        for (auto a : allowed) en += (en.empty() ? "" : " | ") + std::string(a);
        return fieldError(f, std::string("只能是 ") + zhList, "must be " + en);
    };
    switch (f.type) {
    case FieldType::Text: return std::nullopt;
    case FieldType::OkUnwell: return oneOf({"ok", "unwell"}, "ok（正常）或 unwell（身体不适）");
    case FieldType::OkProblem: return oneOf({"ok", "problem"}, "ok（正常）或 problem（有问题）");
    case FieldType::YesNo: return oneOf({"yes", "no"}, "yes（相符）或 no（不相符）");
    case FieldType::Grams: {
        int g = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), g);
        if (ec != std::errc{} || end != value.data() + value.size())
            return fieldError(f, "要写整数克数，例如 150", "must be whole grams, e.g. 150");
        if (g < kMinSampleGrams || g > 5000)
            return fieldError(f, "每样菜留样不少于 " + std::to_string(kMinSampleGrams) + " 克（写的是 " + value + " 克）",
                              "a sample must weigh at least " + std::to_string(kMinSampleGrams) + " g (got " + value + ")");
        return std::nullopt;
    }
    case FieldType::Celsius: {
        // A thermometer reading such as 65, 62.5 or -18: digits, at most one decimal point, no exponent.
        std::string_view digits(value);
        if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
        bool shape = !digits.empty() && digits.front() != '.' && digits.find_first_not_of("0123456789.") == std::string_view::npos &&
                     std::count(digits.begin(), digits.end(), '.') <= 1;
        double c = NAN;
        if (shape) std::from_chars(value.data(), value.data() + value.size(), c);  // locale-free, unlike strtod
        if (!(c >= -40 && c <= 150))
            return fieldError(f, "要写温度的数字（摄氏度），例如 65", "must be degrees Celsius, e.g. 65");
        return std::nullopt;
    }
    case FieldType::Meal: {
        const ServiceDef* s = config.findService(value);
        if (s && s->kind == ServiceKind::Meal) return std::nullopt;
        std::string meals;
        for (const auto& svc : config.services)
            if (svc.kind == ServiceKind::Meal) meals += (meals.empty() ? "" : "、") + svc.id + "（" + svc.name + "）";
        return fieldError(f, "要写本站的餐次：" + (meals.empty() ? std::string("site.toml 里没有餐") : meals),
                          "must be a meal service of this site");
    }
    }
    return std::nullopt;
}

}  // namespace

std::string_view safetyKindKey(SafetyKind k) {
    for (const auto& i : kKinds)
        if (i.kind == k) return i.key;
    return "";
}

std::string_view safetyKindName(SafetyKind k) {
    for (const auto& i : kKinds)
        if (i.kind == k) return i.name;
    return "";
}

std::optional<SafetyKind> parseSafetyKind(std::string_view key) {
    for (const auto& i : kKinds)
        if (i.key == key) return i.kind;
    return std::nullopt;
}

const std::vector<SafetyKind>& allSafetyKinds() {
    static const std::vector<SafetyKind> k = [] {
        std::vector<SafetyKind> v;
        for (const auto& i : kKinds) v.push_back(i.kind);
        return v;
    }();
    return k;
}

Result<SafetyFields> checkSafetyFields(SafetyKind kind, const std::vector<std::pair<std::string, std::string>>& given,
                                       const SiteConfig& config) {
    const auto specs = specsOf(kind);
    SafetyFields out;
    for (const auto& [rawKey, rawValue] : given) {
        std::string key(trim(rawKey)), value(trim(rawValue));
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& f) { return f.key == key; });
        if (spec == specs.end()) {
            std::string known;
            for (const auto& f : specs) known += (known.empty() ? "" : "、") + std::string(f.key);
            return Error{"safety.field", std::string(safetyKindName(kind)) + "没有 " + key + " 这一项（可以写：" + known + "）",
                         "unknown field " + key + " for " + std::string(safetyKindKey(kind)) + " (known: " + known + ")"};
        }
        if (out.count(key))
            return fieldError(*spec, "写了两次", "given twice");
        if (!isValidUtf8(value) || value.size() > 200)
            return fieldError(*spec, "要用文字写，不超过 200 字节", "must be UTF-8 text of at most 200 bytes");
        if (value.empty()) return fieldError(*spec, "不能空着", "must not be empty");
        if (auto bad = badValue(*spec, value, config)) return *bad;
        out[key] = value;
    }
    for (const auto& f : specs)
        if (f.required && !out.count(std::string(f.key)))
            return fieldError(f, "没有写（" + std::string(safetyKindName(kind)) + "必须写这一项）", "is required");
    if (kind == SafetyKind::Morning && out["result"] == "unwell" && !out.count("symptoms"))
        return fieldError(specs[2], "没有写：身体不适要写明症状", "is required when result is unwell");
    return out;
}

}  // namespace mh

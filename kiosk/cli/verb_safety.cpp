// `safety add` and `safety status` (contract 14): the food-safety book from the command line, the
// same use cases the staff screen's 安全检查 tab calls.
#include "cli/cli_common.hpp"
#include "shared/safety/safety_book.hpp"
#include "shared/safety/safety_status.hpp"

namespace mh::cli {
namespace {

struct SafetyAddArgs {
    std::string site = kDefaultSite, kind, by, at;
    std::vector<std::string> fields;  // KEY=VALUE
};

struct SafetyStatusArgs {
    std::string site = kDefaultSite, at;
};

std::string kindList() {
    std::string s;
    for (SafetyKind k : allSafetyKinds())
        s += (s.empty() ? "" : " | ") + std::string(safetyKindKey(k));
    return s;
}

int runAdd(const SafetyAddArgs& a, Context& ctx) {
    auto kind = parseSafetyKind(a.kind);
    if (!kind) {
        ctx.say("--kind 只能是 " + kindList(), "--kind must be one of " + kindList());
        return kUsage;
    }
    SafetyRequest req{*kind, {}, a.by, {}, {}};
    for (const auto& f : a.fields) {
        auto eq = f.find('=');
        if (eq == std::string::npos || eq == 0) {
            ctx.say("--field 应写成 名称=值，例如 --field grams=150（写的是 " + f + "）",
                    "--field must be KEY=VALUE, e.g. --field grams=150 (got " + f + ")");
            return kUsage;
        }
        req.fields.emplace_back(f.substr(0, eq), f.substr(eq + 1));
    }
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    req.at = *at;
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto check = recordSafetyCheck(*site, req, ctx.clock.nowUnix());
    if (!check) return ctx.failWith(check.error(), {"safety.field", "safety.by"});
    nlohmann::ordered_json j;
    j["kind"] = safetyKindKey(check->kind);
    j["at"] = check->at;
    j["by"] = check->by;
    j["fields"] = check->fields;
    printJson(j);
    ctx.say("已记下" + std::string(safetyKindName(check->kind)), std::string(safetyKindKey(check->kind)) + " recorded");
    return kDone;
}

nlohmann::ordered_json itemJson(const SafetyItem& i, const TimeZone& tz, const char* timeKey) {
    nlohmann::ordered_json j;
    j["kind"] = safetyKindKey(i.kind);
    j["name"] = safetyKindName(i.kind);
    j[timeKey] = tz.isoWithOffset(i.dueUnix);
    if (!i.meal.empty()) j["meal"] = i.meal;
    if (!i.dish.empty()) j["dish"] = i.dish;
    return j;
}

int runStatus(const SafetyStatusArgs& a, Context& ctx) {
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    const TimeZone& tz = site->timeZone();
    std::int64_t now = *at ? tz.toUnix(**at) : ctx.clock.nowUnix();
    SafetyStatus s = safetyStatus(*site, now);
    nlohmann::ordered_json j;
    j["overdue"] = nlohmann::ordered_json::array();
    for (const auto& i : s.overdue) j["overdue"].push_back(itemJson(i, tz, "since"));
    nlohmann::ordered_json today;
    today["date"] = s.today.iso();
    today["due"] = nlohmann::ordered_json::array();
    for (const auto& i : s.dueToday) {
        auto item = itemJson(i, tz, "due");
        item["done"] = i.done;
        today["due"].push_back(item);
    }
    today["done"] = nlohmann::ordered_json::array();
    for (const auto& c : s.doneToday)
        today["done"].push_back({{"kind", safetyKindKey(c.kind)}, {"at", c.at}, {"by", c.by}, {"fields", c.fields}});
    j["today"] = today;
    printJson(j);
    if (!s.overdue.empty())
        ctx.say(std::to_string(s.overdue.size()) + " 项安全检查已经过期没做，请尽快补上",
                std::to_string(s.overdue.size()) + " safety checks are overdue");
    return kDone;
}

}  // namespace

void registerSafetyVerbs(CLI::App& app, Context& ctx) {
    CLI::App& group = verbGroup(app, "safety", "food-safety checks: 晨检, 留样, deliveries, daily/weekly/monthly checks");
    Verb<SafetyAddArgs>(group, ctx, "add", "record a check (audited); a missing or wrong field is refused with its name", runAdd)
        .site()
        .required("--kind", &SafetyAddArgs::kind, "morning | sample | sample_destroyed | received | daily | weekly | monthly")
        .required("--by", &SafetyAddArgs::by, "who made the check")
        .option("--field", &SafetyAddArgs::fields, "KEY=VALUE, repeated (e.g. dish=红烧豆腐 grams=150 meal=lunch)")
        .at();
    Verb<SafetyStatusArgs>(group, ctx, "status", "what is due today and what is overdue (JSON)", runStatus)
        .site()
        .at("local time to look from, e.g. 2026-11-24T09:00 (default: now)");
}

}  // namespace mh::cli

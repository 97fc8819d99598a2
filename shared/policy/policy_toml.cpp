// Reading the policy's tables of site.toml. The first mistake wins (TomlReader); an unknown key is a
// mistake, so a misspelt condition never silently means "everyone".
#include "shared/policy/policy_toml.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "shared/core/categories.hpp"

namespace mh {
namespace {

std::vector<std::string> categoryList(TomlReader& r, const toml::table& t, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& c : r.strings(t, key)) {
        auto code = categoryCode(c);
        if (code) {
            out.push_back(*code);
            continue;
        }
        std::string zh, en;
        for (const auto& info : allCategories()) {
            zh += (zh.empty() ? "" : "、") + std::string(info.code) + "（" + std::string(info.zh) + "）";
            en += (en.empty() ? "" : ", ") + std::string(info.code);
        }
        r.fail(t.get(key), "不认识的类别 \"" + c + "\"，可以写：" + zh, "unknown category \"" + c + "\"; accepted: " + en);
    }
    return out;
}

// A count limit: 1 or more (0 would mean "never", which a county writes by leaving the rule out).
std::optional<int> countKey(TomlReader& r, const toml::table& t, std::string_view key, int hi) {
    const toml::node* n = t.get(key);
    if (n && n->is_integer() && n->as_integer()->get() == 0) {
        r.fail(n, std::string(key) + " 不能是 0（不限次数就不写这一项）", std::string(key) + " must not be 0 (leave it out for no limit)");
        return std::nullopt;
    }
    auto v = r.integer(t, key, 1, hi);
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

unsigned weekdays(TomlReader& r, const toml::table& t) {
    unsigned mask = 0;
    for (const auto& d : r.strings(t, "days")) {
        bool known = false;
        for (int w = 0; w < 7; ++w)
            if (d == weekdayKey(w)) {
                mask |= 1u << w;
                known = true;
            }
        if (!known)
            r.fail(t.get("days"), "days 里的 \"" + d + "\" 不是星期，可以写：mon、tue、wed、thu、fri、sat、sun",
                   "\"" + d + "\" in days is not a weekday: mon, tue, wed, thu, fri, sat, sun");
    }
    if (!r.failed() && t.get("days") && mask == 0)
        r.fail(t.get("days"), "days 不能是空列表（每天都适用就不写这一项）", "days must not be empty (leave it out for every day)");
    return mask;
}

// The conditions of a rule or an operating subsidy; `what` names it in messages.
void readConditions(TomlReader& r, const toml::table& t, const PolicyConfig& cfg, Conditions& c, const std::string& what) {
    c.categories = categoryList(r, t, "categories");
    c.allCategories = categoryList(r, t, "all_categories");
    c.notCategories = categoryList(r, t, "not_categories");
    c.minAge = int(r.integer(t, "min_age", 0, 150).value_or(0));
    if (auto mx = r.integer(t, "max_age", 0, 150)) c.maxAge = int(*mx);
    if (!r.failed() && c.maxAge && *c.maxAge < c.minAge)
        r.fail(t.get("max_age"), "max_age 不能小于 min_age", "max_age must not be below min_age");
    c.villages = r.strings(t, "villages");
    c.services = r.strings(t, "services");
    for (const auto& sid : c.services)
        if (!cfg.findService(sid))
            r.fail(t.get("services"), what + " 提到的服务 \"" + sid + "\" 没有在 [[service]] 中定义",
                   what + " names service \"" + sid + "\" that is not defined");
    c.from = r.date(t, "from");
    c.until = r.date(t, "until");
    if (!r.failed() && c.from && c.until && *c.until < *c.from)
        r.fail(t.get("from"), what + " 的 from（开始日期）晚于 until（结束日期）", what + ": from is after until");
    c.days = weekdays(r, t);
    c.workdaysOnly = r.boolean(t, "workdays_only").value_or(false);
    c.delivered = r.boolean(t, "delivered");
    c.minPriceFen = r.money(t, "min_price_fen");
}

constexpr std::string_view kConditionKeys[] = {
    "categories", "all_categories", "not_categories", "min_age", "max_age", "villages", "services",
    "from", "until", "days", "workdays_only", "delivered", "min_price_fen"};

bool knownKey(std::string_view k, std::initializer_list<std::string_view> own) {
    return std::find(std::begin(kConditionKeys), std::end(kConditionKeys), k) != std::end(kConditionKeys) ||
           std::find(own.begin(), own.end(), k) != own.end();
}

// onlyKeys over the condition keys and the table's own.
void onlyKeys(TomlReader& r, const toml::table& t, std::initializer_list<std::string_view> own, const std::string& what) {
    for (auto&& [k, v] : t)
        if (!knownKey(k.str(), own))
            r.fail(&v, what + " 中没有 \"" + std::string(k.str()) + "\" 这一项（拼写错了吗？）",
                   "unknown key \"" + std::string(k.str()) + "\" in " + what);
}

void readRules(TomlReader& r, const toml::table& root, PolicyConfig& cfg) {
    const toml::array* arr = r.tablesOf(root, "rule", "补贴规则应写成 [[rule]]", "rules must be written as [[rule]]");
    if (!arr) return;
    std::set<std::string> names;
    for (auto&& e : *arr) {
        const toml::table& t = *e.as_table();
        onlyKeys(r, t, {"name", "group", "per_day", "per_month", "month_cap_fen", "government_fen", "collective_fen",
                        "donation_fen", "family_fen", "elder_fen", "remainder", "counts_toward_daily"},
                 "[[rule]]");
        RuleDef rule;
        rule.line = int(e.source().begin.line);
        rule.name = r.str(t, "name", true, &e).value_or("");
        if (!r.failed() && rule.name.empty()) r.fail(t.get("name"), "规则的 name 不能为空", "a rule's name must not be empty");
        if (!r.failed() && !names.insert(rule.name).second)
            r.fail(t.get("name"), "规则名称 \"" + rule.name + "\" 重复了（每条规则的名称要不同）",
                   "two rules are named \"" + rule.name + "\"");
        rule.group = r.str(t, "group", false, &e).value_or("main");
        if (!r.failed() && rule.group.empty()) r.fail(t.get("group"), "group 不能为空", "group must not be empty");
        readConditions(r, t, cfg, rule, "规则 \"" + rule.name + "\"");
        rule.perDay = countKey(r, t, "per_day", 100);
        rule.perMonth = countKey(r, t, "per_month", 10'000);
        rule.monthCapFen = r.money(t, "month_cap_fen");
        rule.shares.government = r.money(t, "government_fen").value_or(Fen{0});
        rule.shares.collective = r.money(t, "collective_fen").value_or(Fen{0});
        rule.shares.donation = r.money(t, "donation_fen").value_or(Fen{0});
        rule.shares.family = r.money(t, "family_fen").value_or(Fen{0});
        rule.elderFen = r.money(t, "elder_fen");
        rule.countsTowardDaily = r.boolean(t, "counts_toward_daily").value_or(true);
        bool fixedShares = t.get("government_fen") || t.get("collective_fen") || t.get("donation_fen") || t.get("family_fen");
        if (!r.failed() && rule.elderFen && fixedShares)
            r.fail(&e, "规则 \"" + rule.name + "\" 同时写了 elder_fen 和固定份额（government_fen 等），只能二选一",
                   "rule \"" + rule.name + "\" has both elder_fen and fixed shares; use one or the other");
        if (auto rem = r.str(t, "remainder", false, &e)) {
            bool known = false;
            for (Share s : {Share::Government, Share::Collective, Share::Donation, Share::Family})
                if (*rem == shareKey(s)) {
                    rule.remainder = s;
                    known = true;
                }
            if (!known)
                r.fail(t.get("remainder"), "remainder 应为 \"government\"、\"collective\"、\"donation\" 或 \"family\"",
                       "remainder must be \"government\", \"collective\", \"donation\" or \"family\"");
            else if (!rule.elderFen)
                r.fail(t.get("remainder"), "remainder 只和 elder_fen 一起使用", "remainder goes with elder_fen only");
        }
        if (r.failed()) return;
        cfg.rules.push_back(std::move(rule));
    }
}

void readOperating(TomlReader& r, const toml::table& root, PolicyConfig& cfg) {
    const toml::array* arr =
        r.tablesOf(root, "operating", "运营补贴应写成 [[operating]]", "operating subsidies must be written as [[operating]]");
    if (!arr) return;
    std::set<std::string> names;
    for (auto&& e : *arr) {
        const toml::table& t = *e.as_table();
        onlyKeys(r, t, {"name", "per", "fen"}, "[[operating]]");
        OperatingDef op;
        op.line = int(e.source().begin.line);
        op.name = r.str(t, "name", true, &e).value_or("");
        if (!r.failed() && op.name.empty()) r.fail(t.get("name"), "运营补贴的 name 不能为空", "an operating subsidy's name must not be empty");
        if (!r.failed() && !names.insert(op.name).second)
            r.fail(t.get("name"), "运营补贴名称 \"" + op.name + "\" 重复了", "two operating subsidies are named \"" + op.name + "\"");
        std::string per = r.str(t, "per", false, &e).value_or("meal");
        if (per == "meal") op.per = OperatingPer::Meal;
        else if (per == "elder_day") op.per = OperatingPer::ElderDay;
        else r.fail(t.get("per"), "per 应为 \"meal\"（每餐）或 \"elder_day\"（每人每天）", "per must be \"meal\" or \"elder_day\"");
        readConditions(r, t, cfg, op, "运营补贴 \"" + op.name + "\"");
        auto fen = r.money(t, "fen");
        if (!r.failed() && !fen)
            r.fail(&e, "运营补贴 \"" + op.name + "\" 缺少 fen（每次补贴多少分）", "operating subsidy \"" + op.name + "\" has no fen");
        if (r.failed()) return;
        op.fen = *fen;
        cfg.operating.push_back(std::move(op));
    }
}

void readCalendar(TomlReader& r, const toml::table& root, PolicyConfig& cfg) {
    const toml::table* cal = r.subTable(root, "calendar");
    if (!cal) return;
    r.onlyKeys(*cal, {"holidays", "workdays"}, "[calendar]");
    for (auto [key, into] : {std::pair{"holidays", &cfg.calendar.holidays}, std::pair{"workdays", &cfg.calendar.workdays}}) {
        const toml::node* n = cal->get(key);
        if (!n || r.failed()) continue;
        const toml::array* a = n->as_array();
        if (!a) {
            r.fail(n, std::string(key) + " 应该是日期列表，例如 [\"2027-01-01\"]", std::string(key) + " must be a list of dates");
            continue;
        }
        for (auto&& d : *a)
            if (auto day = r.date(&d, key)) into->insert(*day);
    }
}

}  // namespace

void readPolicy(TomlReader& r, const toml::table& root, PolicyConfig& cfg) {
    if (const toml::table* pol = r.subTable(root, "policy")) {
        r.onlyKeys(*pol, {"unsubsidised", "pick", "subsidised_per_day"}, "[policy]");
        std::string u = r.str(*pol, "unsubsidised", false, nullptr).value_or("full_price");
        if (u == "full_price") cfg.unsubsidised = Unsubsidised::FullPrice;
        else if (u == "refuse") cfg.unsubsidised = Unsubsidised::Refuse;
        else r.fail(pol->get("unsubsidised"), "unsubsidised 应为 \"full_price\" 或 \"refuse\"", "unsubsidised must be \"full_price\" or \"refuse\"");
        std::string pick = r.str(*pol, "pick", false, nullptr).value_or("first");
        if (pick == "first") cfg.pick = Pick::First;
        else if (pick == "highest") cfg.pick = Pick::Highest;
        else r.fail(pol->get("pick"), "pick 应为 \"first\"（按文件顺序）或 \"highest\"（就高）",
                    "pick must be \"first\" or \"highest\"");
        if (auto n = r.integer(*pol, "subsidised_per_day", 0, 100)) cfg.subsidisedPerDay = int(*n);
    }
    readCalendar(r, root, cfg);
    readRules(r, root, cfg);
    readOperating(r, root, cfg);
}

std::vector<std::string> unknownVillageWarnings(const PolicyConfig& cfg, const std::vector<std::string>& knownVillages) {
    std::vector<std::string> out;
    if (knownVillages.empty()) return out;
    std::string known;
    for (const auto& v : knownVillages) known += (known.empty() ? "" : "、") + v;
    auto check = [&](const Conditions& c, const std::string& what, int line) {
        for (const auto& v : c.villages)
            if (std::find(knownVillages.begin(), knownVillages.end(), v) == knownVillages.end())
                out.push_back("site.toml第" + std::to_string(line) + "行：" + what + "的村 \"" + v +
                              "\" 名册里没有老人（拼写错了吗？），名册里的村有：" + known);
    };
    for (const auto& rule : cfg.rules) check(rule, "规则「" + rule.name + "」", rule.line);
    for (const auto& op : cfg.operating) check(op, "运营补贴「" + op.name + "」", op.line);
    return out;
}

}  // namespace mh

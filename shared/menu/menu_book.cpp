#include "shared/menu/menu_book.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

#include "shared/core/text.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {
namespace {

constexpr const char* kMenuAction = "menu.set";

std::string subjectOf(const LocalDate& day, const std::string& service) { return day.iso() + " " + service; }

int isoWeekday(const LocalDate& d) { return int(std::chrono::weekday{std::chrono::sys_days{d.ymd}}.iso_encoding()); }

LocalDate mondayOfWeekOne(int year) {
    LocalDate jan4 = LocalDate::of(year, 1, 4);  // always in ISO week 1
    return jan4.plusDays(1 - isoWeekday(jan4));
}

}  // namespace

std::vector<std::string> splitDishes(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string d(trim(cur));
        if (!d.empty()) out.push_back(d);
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ',' || text[i] == ';') {
            flush();
            ++i;
        } else if (text.compare(i, 3, "，") == 0 || text.compare(i, 3, "、") == 0 || text.compare(i, 3, "；") == 0) {
            flush();
            i += 3;
        } else {
            cur += text[i++];
        }
    }
    flush();
    return out;
}

Status setMenu(Site& site, const MenuRequest& req, std::int64_t nowUnix) {
    const ServiceDef* svc = site.config().findService(req.service);
    if (!svc || svc->kind != ServiceKind::Meal) {
        std::string meals;
        for (const auto& s : site.config().services)
            if (s.kind == ServiceKind::Meal) meals += (meals.empty() ? "" : "、") + s.id + "（" + s.name + "）";
        return Error{"menu.service", "菜谱只能排给本站的餐次：" + meals, "a menu is for a meal service of this site"};
    }
    LocalDate today = site.timeZone().toLocal(nowUnix).date;
    if (req.day < today.plusDays(-366) || req.day > today.plusDays(366))
        return Error{"menu.day", "菜谱的日期要在一年之内", "the menu's day must be within a year of today"};
    if (req.dishes.size() > std::size_t(kMaxDishes))
        return Error{"menu.dish", "一餐最多写 " + std::to_string(kMaxDishes) + " 道菜", "at most 12 dishes a meal"};
    std::set<std::string> seen;
    for (const auto& d : req.dishes) {
        if (d.empty() || !isValidUtf8(d) || d.size() > kMaxDishBytes)
            return Error{"menu.dish", "菜名要用文字写，不超过 20 个字（" + d + "）", "a dish name is text of at most 20 characters"};
        if (!seen.insert(d).second) return Error{"menu.dish", "“" + d + "”写了两次", "dish given twice: " + d};
    }
    nlohmann::ordered_json detail;
    detail["day"] = req.day.iso();
    detail["service"] = req.service;
    detail["dishes"] = req.dishes;
    try {
        Transaction tx(site.db());
        AuditLog(site.db()).append(site.timeZone().isoWithOffset(nowUnix), req.actor.empty() ? "cli" : req.actor, kMenuAction,
                                   subjectOf(req.day, req.service), detail.dump());
        tx.commit();
    } catch (const StoreError& e) {
        if (e.diskFull()) return Error{"store.full", "磁盘已满，菜谱没有记下", "the disk is full; the menu was not recorded"};
        return Error{"store.error", "菜谱没有记下：数据库写入失败", "the menu was not recorded: database write failed"};
    }
    return okStatus();
}

DayMenu menuOfDay(Database& db, const LocalDate& day) {
    DayMenu out;
    // The newest entry per service wins; `at` carries the offset, so it orders as written.
    auto st = db.cached("SELECT detail FROM audit WHERE action = ?1 AND subject GLOB ?2 ORDER BY at, id");
    st.bind(1, kMenuAction).bind(2, day.iso() + " *");
    while (st.step()) {
        auto j = nlohmann::json::parse(st.text(0), nullptr, false);
        if (!j.is_object() || !j["service"].is_string() || !j["dishes"].is_array()) continue;
        std::vector<std::string> dishes;
        for (const auto& d : j["dishes"])
            if (d.is_string()) dishes.push_back(d.get<std::string>());
        if (dishes.empty()) out.erase(j["service"].get<std::string>());
        else out[j["service"].get<std::string>()] = std::move(dishes);
    }
    return out;
}

std::vector<std::string> knownDishes(Database& db) {
    std::map<std::string, int> uses;
    auto st = db.cached("SELECT detail FROM audit WHERE action = ?1");
    st.bind(1, kMenuAction);
    while (st.step()) {
        auto j = nlohmann::json::parse(st.text(0), nullptr, false);
        if (!j.is_object() || !j["dishes"].is_array()) continue;
        for (const auto& d : j["dishes"])
            if (d.is_string()) ++uses[d.get<std::string>()];
    }
    std::vector<std::string> out;
    for (const auto& [d, n] : uses) out.push_back(d);
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return uses[a] > uses[b]; });
    return out;
}

std::optional<LocalDate> parseIsoWeek(std::string_view text) {
    if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) return std::nullopt;
    int year = 0, week = 0;
    auto y = std::from_chars(text.data(), text.data() + 4, year);
    auto w = std::from_chars(text.data() + 6, text.data() + 8, week);
    if (y.ec != std::errc{} || y.ptr != text.data() + 4 || w.ec != std::errc{} || w.ptr != text.data() + 8) return std::nullopt;
    if (year < 2000 || year > 2100 || week < 1) return std::nullopt;
    LocalDate monday = mondayOfWeekOne(year).plusDays((week - 1) * 7);
    if (monday >= mondayOfWeekOne(year + 1)) return std::nullopt;  // week 53 only in long years
    return monday;
}

std::string isoWeekOf(const LocalDate& day) {
    LocalDate thursday = day.plusDays(4 - isoWeekday(day));  // the week's year is its Thursday's
    int year = thursday.year();
    int week = int((thursday.dayNumber() - mondayOfWeekOne(year).dayNumber()) / 7) + 1;
    return std::to_string(year) + "-W" + (week < 10 ? "0" : "") + std::to_string(week);
}

}  // namespace mh

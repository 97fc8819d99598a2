// The kitchen's verbs (contract 14): `menu set`, `menu show` and `menu sheet` — the week's menu, the
// same use cases the staff screen's 本周菜谱 calls, and the A4 sheet for the notice board — and
// `kitchen`, the day's diet needs (今日特殊饮食) for the cook.
#include <functional>

#include "cli/cli_common.hpp"
#include "platform/print/menu_sheet.hpp"
#include "shared/menu/menu_book.hpp"
#include "shared/reports/kitchen_day.hpp"

namespace mh::cli {
namespace {

struct MenuSetArgs {
    std::string site = kDefaultSite, date, service, dishes, staff = "cli";
};
// `menu show` and `kitchen`: a day's list.
struct DayArgs {
    std::string site = kDefaultSite, date;
};
struct MenuSheetArgs {
    std::string site = kDefaultSite, week, out;
};

std::optional<LocalDate> dayArg(const std::string& text, Context& ctx) {
    auto d = LocalDate::parse(text);
    if (!d) ctx.say("--date 应写成 2027-03-01 这样的年-月-日", "--date must look like 2027-03-01");
    return d;
}

// The site and the day a verb reads (`--date`, else today); none after saying what was wrong.
std::optional<std::pair<std::unique_ptr<Site>, LocalDate>> siteAndDay(const std::string& dir, const std::string& date,
                                                                      Context& ctx) {
    auto site = ctx.openSite(dir);
    if (!site) return std::nullopt;
    std::optional<LocalDate> day = date.empty() ? std::optional<LocalDate>(ctx.today(*site)) : dayArg(date, ctx);
    if (!day) return std::nullopt;
    return std::make_pair(std::move(site), *day);
}

int runSet(const MenuSetArgs& a, Context& ctx) {
    auto day = dayArg(a.date, ctx);
    if (!day) return kUsage;
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto set = setMenu(*site, {*day, a.service, splitDishes(a.dishes), a.staff}, ctx.clock.nowUnix());
    if (!set) return ctx.failWith(set.error(), {"menu.service", "menu.dish", "menu.day"});
    auto menu = menuOfDay(site->db(), *day);
    nlohmann::ordered_json j;
    j["date"] = day->iso();
    j["service"] = a.service;
    j["dishes"] = menu.count(a.service) ? menu[a.service] : std::vector<std::string>{};
    printJson(j);
    return kDone;
}

// Prints the day's JSON object: its date, then what `fill` adds.
int printDay(const DayArgs& a, Context& ctx, const std::function<void(Site&, LocalDate, nlohmann::ordered_json&)>& fill) {
    auto opened = siteAndDay(a.site, a.date, ctx);
    if (!opened) return kUsage;
    auto& [site, day] = *opened;
    nlohmann::ordered_json j;
    j["date"] = day.iso();
    fill(*site, day, j);
    printJson(j);
    return kDone;
}

int runShow(const DayArgs& a, Context& ctx) {
    return printDay(a, ctx, [](Site& site, LocalDate day, nlohmann::ordered_json& j) {
        j["meals"] = nlohmann::ordered_json::object();
        for (const auto& [service, dishes] : menuOfDay(site.db(), day)) j["meals"][service] = dishes;
        j["known_dishes"] = knownDishes(site.db());
    });
}

int runSheet(const MenuSheetArgs& a, Context& ctx) {
    auto monday = parseIsoWeek(a.week);
    if (!monday) {
        ctx.say("--week 应写成 2027-W09 这样的年-周", "--week must look like 2027-W09 (ISO week)");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    print::MenuWeek week{site->config().name, *monday, {}, {}};
    for (const auto& s : site->config().services)
        if (s.kind == ServiceKind::Meal) week.meals.emplace_back(s.id, s.name);
    for (int d = 0; d < 7; ++d) week.days[std::size_t(d)] = menuOfDay(site->db(), monday->plusDays(d));
    auto drawn = print::renderMenuSheet(week, a.out);
    if (!drawn) return ctx.failWith(drawn.error(), {});
    nlohmann::ordered_json j;
    j["week"] = isoWeekOf(*monday);
    j["monday"] = monday->iso();
    j["pdf"] = a.out;
    int days = 0;
    for (const auto& m : week.days) days += m.empty() ? 0 : 1;
    j["days_with_menu"] = days;
    printJson(j);
    if (days == 0) ctx.say("注意：这一周还没有排菜谱，菜谱单是空的", "note: no menu is set for this week; the sheet is empty");
    return kDone;
}

int runKitchen(const DayArgs& a, Context& ctx) {
    return printDay(a, ctx, [](Site& site, LocalDate day, nlohmann::ordered_json& j) {
        j["diets"] = nlohmann::ordered_json::array();
        for (const auto& k : kitchenDayList(site, day))
            j["diets"].push_back({{"diet", k.code}, {"name", k.name}, {"checked_in", k.checkedIn.size()},
                                  {"checked_in_names", k.checkedIn}, {"others", k.regulars}});
    });
}

}  // namespace

void registerMenuVerbs(CLI::App& app, Context& ctx) {
    CLI::App& group = verbGroup(app, "menu", "the week's menu: set a day's dishes, show them, print the sheet");
    Verb<MenuSetArgs>(group, ctx, "set", "set one meal's dishes for a day (audited); an empty list clears it", runSet)
        .site()
        .required("--date", &MenuSetArgs::date, "YYYY-MM-DD")
        .service()
        .required("--dishes", &MenuSetArgs::dishes, "dishes separated by commas, e.g. 红烧豆腐,青菜,米饭")
        .shown("--staff", &MenuSetArgs::staff, "who set it (for the audit log)");
    Verb<DayArgs>(group, ctx, "show", "the day's menu and the site's dish list (JSON)", runShow)
        .site()
        .option("--date", &DayArgs::date, "YYYY-MM-DD (default: today)");
    Verb<MenuSheetArgs>(group, ctx, "sheet", "the week's menu as an A4 PDF for the notice board", runSheet)
        .site()
        .required("--week", &MenuSheetArgs::week, "ISO week, e.g. 2027-W09")
        .required("--out", &MenuSheetArgs::out, "the PDF to write");
    Verb<DayArgs>(app, ctx, "kitchen", "the day's diet needs for the cook: 低盐, 低糖, 软食, 清真 (JSON, masked names)", runKitchen)
        .site()
        .option("--date", &DayArgs::date, "YYYY-MM-DD (default: today)");
}

}  // namespace mh::cli

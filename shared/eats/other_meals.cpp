#include "shared/eats/other_meals.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "shared/core/text.hpp"
#include "shared/site/clock_check.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {

Fen otherMealPrice(const ServiceDef& service, const std::string& kind) {
    const std::optional<Fen>& own = kind == "guest"   ? service.guestPriceFen
                                    : kind == "staff" ? service.staffPriceFen
                                                      : service.volunteerPriceFen;
    return own.value_or(service.priceFen);
}

Result<OtherMeal> recordOtherMeal(Site& site, const Clock& clock, const OtherMealRequest& req) {
    const ServiceDef* svc = site.config().findService(req.service);
    if (!svc)
        return Error{"usage.service", "没有这个服务：" + req.service + "（见 site.toml 中的 [[service]]）",
                     "no such service: " + req.service + " (see [[service]] in site.toml)"};
    if (req.kind != "guest" && req.kind != "staff" && req.kind != "volunteer")
        return Error{"meal.kind", "--kind 应为 guest（访客）、staff（职工）或 volunteer（志愿者）",
                     "--kind must be guest, staff or volunteer"};
    if (req.count < 1 || req.count > 1000)
        return Error{"meal.count", "--count 应在 1 到 1000 之间", "--count must be 1 to 1000"};
    const std::string name(trim(req.name));
    if (req.kind == "volunteer" && (name.empty() || !req.hours || !(*req.hours > 0 && *req.hours <= 24)))
        return Error{"meal.volunteer", "志愿者用餐要写明姓名和服务时长：--name 姓名 --hours 小时数（例如 3.5）",
                     "a volunteer's meal needs the volunteer's name and hours: --name NAME --hours H (e.g. 3.5)"};
    if (name.size() > 60) return Error{"meal.name", "姓名太长", "the name is too long"};
    const std::int64_t nowUnix = clock.nowUnix();
    if (!req.at)
        if (auto wrong = clockProblem(site.db(), nowUnix)) return Error{"meal.clock", wrong->message, wrong->en};
    const TimeZone& tz = site.timeZone();
    const std::int64_t unix = req.at ? tz.toUnix(*req.at) : nowUnix;
    // As a scan: a meal is served in its hours, or it is not this service's meal (`--at` inside passes).
    if (!svc->isOpenAt(tz.toLocal(unix).wallTime()))
        return Error{"meal.closed", "现在不是" + svc->name + "时间（" + svc->opens.text() + "–" + svc->closes.text() + "）",
                     svc->name + " is not open now (" + svc->opens.text() + "-" + svc->closes.text() + ")"};
    OtherMeal m;
    m.service = svc->id;
    m.kind = req.kind;
    m.day = tz.toLocal(unix).date.iso();
    m.at = tz.isoWithOffset(unix);
    if (req.at) m.enteredAt = tz.isoWithOffset(nowUnix);
    m.count = req.count;
    m.paidFen = otherMealPrice(*svc, req.kind) * req.count;
    m.name = name;
    m.minutes = req.hours ? int(std::lround(*req.hours * 60)) : 0;
    try {
        Transaction tx(site.db());
        m.mealId = EatsStore(site.db()).insertOtherMeal(m);
        tx.commit();
    } catch (const StoreError& e) {
        return Error{"store.error", std::string("数据库出错，这次没有记录：") + e.what(),
                     std::string("database error, not recorded: ") + e.what()};
    }
    return m;
}

Result<std::optional<OtherMeal>> voidOtherMeal(Site& site, const Clock& clock, std::int64_t recordId,
                                               const std::string& reason, const std::string& staff) {
    std::string why(trim(reason)), who(trim(staff));
    try {
        Database& db = site.db();
        EatsStore eats(db);
        Transaction tx(db);
        auto meal = eats.otherMeal(recordId);
        if (!meal) return std::optional<OtherMeal>();
        if (why.empty() || who.empty())
            return Error{"void.reason", "作废必须写明原因和经办人", "a void needs a reason and the staff member's name"};
        if (meal->voided)
            return Error{"void.already", "记录 " + std::to_string(recordId) + " 已经作废过了",
                         "record " + std::to_string(recordId) + " is already void"};
        const std::string at = site.timeZone().isoWithOffset(clock.nowUnix());
        eats.voidOtherMeal(recordId, at, who, why);
        AuditLog(db).append(at, who, "meal.void", "record " + std::to_string(recordId),
                            meal->kind + " " + meal->service + " " + meal->day + " x" + std::to_string(meal->count) + "; " + why);
        tx.commit();
        meal->voided = true;
        return std::optional<OtherMeal>(*meal);
    } catch (const StoreError& e) {
        return Error{"store.error", std::string("数据库出错：") + e.what(), std::string("database error: ") + e.what()};
    }
}

std::vector<OtherMeal> otherMealsOfDay(Site& site, LocalDate day) {
    std::vector<OtherMeal> meals = EatsStore(site.db()).otherMeals(day.iso(), day.iso(), /*ownOnly=*/false);
    std::stable_sort(meals.begin(), meals.end(), [](const OtherMeal& a, const OtherMeal& b) { return a.at < b.at; });
    return meals;
}

std::vector<std::string> knownVolunteers(Site& site, std::size_t max) {
    // Every day the site holds: volunteers come back week after week, not daily.
    std::vector<OtherMeal> meals = EatsStore(site.db()).otherMeals("0000-01-01", "9999-12-31", /*ownOnly=*/false);
    std::stable_sort(meals.begin(), meals.end(), [](const OtherMeal& a, const OtherMeal& b) { return a.at > b.at; });
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const OtherMeal& m : meals)
        if (m.kind == "volunteer" && !m.name.empty() && names.size() < max && seen.insert(m.name).second) names.push_back(m.name);
    return names;
}

}  // namespace mh

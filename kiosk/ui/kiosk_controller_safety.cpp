// The 安全检查 tab behind the PIN (contract 14): what is overdue and due today from the safety
// book's status, and a check recorded in a few taps through the same use case as `safety add`
// (recordSafetyCheck, audited as staff-screen); a refusal is shown as the use case words it.
#include <algorithm>
#include <set>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/menu/menu_book.hpp"
#include "shared/safety/safety_book.hpp"
#include "shared/safety/safety_status.hpp"
#include "shared/staff/staff_audit.hpp"

namespace mh::ui {

namespace {

// Names offered before the site has any of its own in the book.
const std::vector<std::string> kDefaultPeople{"厨师", "管理员", "护理员"};
constexpr std::size_t kMaxPeople = 8;

// The kind as its button says it (每日检查, not 每日用电用气食品检查): a due line then fits one line
// of a 7" panel's 80 mm.
std::string shortKindName(SafetyKind k) {
    std::string key(safetyKindKey(k));
    if (key == "morning") return "晨检";
    if (key == "sample") return "留样";
    if (key == "sample_destroyed") return "留样销毁";
    if (key == "received") return "送达检查";
    if (key == "daily") return "每日检查";
    if (key == "weekly") return "每周检查";
    if (key == "monthly") return "每月检查";
    return std::string(safetyKindName(k));
}

// 12月1日 07:00, or 07:00 for today.
std::string whenText(const TimeZone& tz, std::int64_t unix, const LocalDate& today) {
    LocalDateTime l = tz.toLocal(unix);
    std::string t = l.wallTime().text();
    if (l.date == today) return t;
    return std::to_string(l.date.month()) + "月" + std::to_string(l.date.day()) + "日 " + t;
}

}  // namespace

std::string KioskController::mealName(const std::string& id) const {
    const ServiceDef* s = m_site.config().findService(id);
    return s ? s->name : id;
}

void KioskController::loadSafety() {
    std::int64_t now = m_clock.nowUnix();
    const TimeZone& tz = m_site.timeZone();
    SafetyStatus s = safetyStatus(m_site, now);
    auto itemText = [&](const SafetyItem& i) {
        std::string t = shortKindName(i.kind);
        if (!i.meal.empty()) t += " " + mealName(i.meal);
        if (!i.dish.empty()) t += " " + i.dish;
        return t;
    };
    m_state.safetyDue.clear();
    m_state.safetyNeedsStaff = !s.overdue.empty();
    for (const auto& i : s.overdue)
        m_state.safetyDue.push_back({SafetyDueLine::State::Overdue, "过期：" + itemText(i) + " " + whenText(tz, i.dueUnix, s.today) + "前"});
    for (const auto& i : s.dueToday) {
        if (i.done) {
            m_state.safetyDue.push_back({SafetyDueLine::State::Done, "已做：" + itemText(i)});
            continue;
        }
        m_state.safetyDue.push_back({SafetyDueLine::State::Due, "今天：" + itemText(i) + " " + whenText(tz, i.dueUnix, s.today) + "前"});
        if (i.dueUnix <= now + 3600) m_state.safetyNeedsStaff = true;  // due within the hour: first too
    }

    // Who: the names the book already holds, newest first, else a short list.
    std::vector<SafetyCheck> book = safetyChecks(m_site.db());
    m_state.safetyPeople.clear();
    std::set<std::string> seen;
    for (auto it = book.rbegin(); it != book.rend() && m_state.safetyPeople.size() < kMaxPeople; ++it)
        for (const std::string& name : {it->by, it->field("person")})
            if (!name.empty() && name != kStaffScreenActor && seen.insert(name).second && m_state.safetyPeople.size() < kMaxPeople)
                m_state.safetyPeople.push_back(drawable(name));
    for (const auto& d : kDefaultPeople)
        if (seen.insert(d).second) m_state.safetyPeople.push_back(d);

    m_state.safetyMeals.clear();
    for (const auto& svc : m_site.config().services)
        if (svc.kind == ServiceKind::Meal) m_state.safetyMeals.push_back({svc.id, svc.name, ""});
    // Dishes: today's menu first, then every dish the site has set.
    m_state.safetyDishes.clear();
    std::set<std::string> dishSeen;
    for (const auto& [svc, dishes] : menuOfDay(m_site.db(), m_state.now.date))
        for (const auto& d : dishes)
            if (dishSeen.insert(d).second) m_state.safetyDishes.push_back(d);
    for (const auto& d : knownDishes(m_site.db()))
        if (dishSeen.insert(d).second && m_state.safetyDishes.size() < 24) m_state.safetyDishes.push_back(d);
    // Samples waiting to be destroyed (the status lists each one due).
    m_state.safetySamples.clear();
    for (const auto* list : {&s.overdue, &s.dueToday})
        for (const auto& i : *list)
            if (i.kind == SafetyKind::SampleDestroyed && !i.done)
                m_state.safetySamples.push_back({i.dish, i.meal, i.dish + "（" + mealName(i.meal) + "）"});
}

void KioskController::safetyPickKind(const std::string& kind) {
    if (!parseSafetyKind(kind)) return;
    std::string by = m_state.safetyForm.by;  // the same worker often makes several checks in a row
    m_state.safetyForm = SafetyForm{kind, by, {}};
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
}

void KioskController::safetySetField(const std::string& key, const std::string& value) {
    auto& fields = m_state.safetyForm.fields;
    auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
    if (it != fields.end()) it->second = value;
    else fields.emplace_back(key, value);
    // Well again: no symptoms to keep.
    if (key == "result" && value == "ok")
        fields.erase(std::remove_if(fields.begin(), fields.end(), [](const auto& f) { return f.first == "symptoms"; }), fields.end());
}

void KioskController::safetyPadKey(const std::string& key) {
    // One number per kind: a sample's grams, a delivery's temperature.
    const std::string& kind = m_state.safetyForm.kind;
    std::string field = kind == "sample" ? "grams" : kind == "received" ? "temperature_c" : "";
    if (field.empty()) return;
    std::string value = m_state.safetyForm.field(field);
    if (key == "删除") {
        if (!value.empty()) value.pop_back();
    } else if (value.size() < 6 && (key != "." || (field == "temperature_c" && value.find('.') == std::string::npos))) {
        value += key;
    }
    auto& fields = m_state.safetyForm.fields;
    fields.erase(std::remove_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; }), fields.end());
    if (!value.empty()) fields.emplace_back(field, value);
}

void KioskController::safetySave() {
    const SafetyForm& form = m_state.safetyForm;
    auto kind = parseSafetyKind(form.kind);
    if (!kind) {
        m_state.staffMessage = "先点要记哪一项检查";
        m_state.staffMessageIsProblem = true;
        return;
    }
    if (form.by.empty()) {
        m_state.staffMessage = "先点是谁检查的";
        m_state.staffMessageIsProblem = true;
        return;
    }
    SafetyRequest req{*kind, form.fields, form.by, std::nullopt, kStaffScreenActor};
    auto check = recordSafetyCheck(m_site, req, m_clock.nowUnix());
    if (!check) {
        m_state.staffMessage = "没有记下：" + check.error().message;
        m_state.staffMessageIsProblem = true;
        return;
    }
    m_state.staffMessage = "已记下：" + std::string(safetyKindName(*kind));
    m_state.staffMessageIsProblem = false;
    m_state.safetyForm = SafetyForm{{}, form.by, {}};
    loadSafety();
}

}  // namespace mh::ui

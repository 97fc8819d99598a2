// 访客/职工/志愿者 on the 更多 page (contract 12): the meals guests, staff and volunteers eat, at the
// service's own prices, recorded through the same use case as `kiosk meal` (recordOtherMeal) after
// staff confirm, and today's list with 作废 (voidOtherMeal, with a reason, confirmed).
#include <string>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/checkin/door_services.hpp"
#include "shared/eats/other_meals.hpp"
#include "shared/staff/staff_audit.hpp"

namespace mh::ui {

namespace {

constexpr std::size_t kMaxVolunteers = 12;
constexpr int kMaxCount = 99;

std::string kindName(const std::string& kind) {
    return kind == "guest" ? "访客" : kind == "staff" ? "职工" : kind == "volunteer" ? "志愿者" : kind;
}

int countOf(const OthersPage& p) {
    try {
        return p.count.empty() ? 0 : std::stoi(p.count);
    } catch (...) {
        return 0;
    }
}

}  // namespace

void KioskController::loadOthers() {
    OthersPage& p = m_state.others;
    // The meals open now (as 补签 offers them); a guest does not eat 助医.
    p.services.clear();
    for (const ServiceDef* s : openServicesAt(m_site.config(), m_state.now.wallTime()))
        if (s->kind == ServiceKind::Meal) p.services.push_back({s->id, s->name, s->opens.text() + "–" + s->closes.text()});
    bool stillOpen = false;
    for (const auto& c : p.services) stillOpen = stillOpen || c.id == p.serviceId;
    if (!stillOpen) p.serviceId = p.services.size() == 1 ? p.services.front().id : "";
    p.volunteers.clear();
    p.volunteers = knownVolunteers(m_site, kMaxVolunteers);  // as recorded; the screen draws drawable() forms
    p.today.clear();
    for (const OtherMeal& m : otherMealsOfDay(m_site, m_state.now.date)) {
        std::string time = m.at.size() >= 16 ? m.at.substr(11, 5) : m.at;
        std::string text = time + " " + mealName(m.service) + " " + kindName(m.kind);
        if (!m.name.empty()) text += " " + drawable(m.name);
        text += " " + std::to_string(m.count) + " 份 共 " + formatYuan2(m.paidFen) + " 元";
        if (m.voided) text += " 已作废";
        p.today.push_back({m.mealId, text, m.voided});
    }
    othersPriceLine();
}

void KioskController::othersPriceLine() {
    OthersPage& p = m_state.others;
    p.price.clear();
    const ServiceDef* svc = m_site.config().findService(p.serviceId);
    if (!svc || p.kind.empty()) return;
    const Fen each = otherMealPrice(*svc, p.kind);
    p.price = "单价 " + formatYuanShort(each) + " 元，共 " + formatYuan2(each * countOf(p)) + " 元";
}

void KioskController::othersPickKind(const std::string& kind) {
    if (kind != "guest" && kind != "staff" && kind != "volunteer") return;
    OthersPage& p = m_state.others;
    p.kind = kind;
    p.padTypesHours = false;
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
    othersPriceLine();
}

void KioskController::othersPadKey(const std::string& key) {
    OthersPage& p = m_state.others;
    const bool hours = p.padTypesHours && p.kind == "volunteer";
    std::string& value = hours ? p.hours : p.count;
    if (key == "删除") {
        if (!value.empty()) value.pop_back();
    } else if (key == ".") {
        // Hours may be halves (3.5); a count is whole.
        if (hours && !value.empty() && value.find('.') == std::string::npos) value += key;
    } else if (key.size() == 1 && key[0] >= '0' && key[0] <= '9') {
        std::string next = (!hours && value == "0") ? key : value + key;
        if (hours) {
            if (next.size() <= 4) value = next;
        } else if (next.size() <= 2) {
            value = next;  // 1..99: two digits at most
        }
    }
    othersPriceLine();
}

void KioskController::askOthersSave() {
    tick();
    loadOthers();  // the open services may have changed since the page was drawn
    const OthersPage& p = m_state.others;
    auto problem = [this](const char* text) {
        m_state.staffMessage = text;
        m_state.staffMessageIsProblem = true;
    };
    if (p.services.empty()) return problem("现在没有开放的餐次，不能记录");
    if (p.serviceId.empty()) return problem("先点记哪一餐");
    if (p.kind.empty()) return problem("先点访客、职工还是志愿者");
    const int n = countOf(p);
    if (n < 1 || n > kMaxCount) return problem("份数要在 1 到 99 之间");
    if (p.kind == "volunteer" && p.name.empty()) return problem("先点是哪位志愿者");
    if (p.kind == "volunteer" && p.hours.empty()) return problem("先在数字键上输入志愿者服务了几小时");
    std::vector<std::string> lines{mealName(p.serviceId) + " · " + kindName(p.kind) + (p.name.empty() || p.kind != "volunteer" ? "" : " " + p.name) +
                                   " · " + std::to_string(n) + " 份"};
    if (p.kind == "volunteer") lines.push_back("服务 " + p.hours + " 小时");
    lines.push_back(p.price);
    ask({"记录这些用餐吗？", lines, "确认记录"}, [this] { saveOthers(); });
}

void KioskController::saveOthers() {
    OthersPage& p = m_state.others;
    OtherMealRequest req{p.serviceId, p.kind, countOf(p), p.kind == "volunteer" ? p.name : "", std::nullopt, std::nullopt};
    if (p.kind == "volunteer") {
        try {
            req.hours = std::stod(p.hours);
        } catch (...) {
            req.hours = 0.0;  // the use case refuses it with its own sentence
        }
    }
    auto meal = recordOtherMeal(m_site, m_clock, req);
    if (!meal) {
        m_state.staffMessage = "没有记录：" + meal.error().message;
        m_state.staffMessageIsProblem = true;
        return;
    }
    audit("meal.record", "record " + std::to_string(meal->mealId), meal->kind + " " + meal->service + " x" + std::to_string(meal->count));
    m_state.staffMessage = "已记录：" + mealName(meal->service) + " " + kindName(meal->kind) + " " + std::to_string(meal->count) +
                           " 份，共 " + formatYuan2(meal->paidFen) + " 元";
    m_state.staffMessageIsProblem = false;
    if (auto day = LocalDate::parse(meal->day)) m_ops.recordChanged(*day, m_state.now);
    // Ready for the next: the kind and service stay (a group of guests often comes in twos and threes).
    p.count = "1";
    p.hours.clear();
    p.padTypesHours = false;
    loadOthers();
}

void KioskController::askOtherVoid(const std::string& reason) {
    if (!m_state.voiding) return;
    const std::int64_t id = *m_state.voiding;
    for (const OtherMealLine& line : m_state.others.today)
        if (line.mealId == id && !line.voided) {
            ask({"作废这条用餐记录吗？", {line.text, "原因：" + reason}, "确认作废"},
                [this, id, reason] { voidOtherMealNow(id, reason); });
            return;
        }
    m_state.voiding.reset();
    m_state.staffMessage = "这条记录已经不在今天的名单上";
}

void KioskController::voidOtherMealNow(std::int64_t mealId, const std::string& reason) {
    auto r = voidOtherMeal(m_site, m_clock, mealId, reason, kStaffScreenActor);
    if (r && *r)
        if (auto day = LocalDate::parse((*r)->day)) m_ops.recordChanged(*day, m_state.now);
    m_state.staffMessage = !r ? r.error().message : *r ? "已作废：" + reason : "这条记录已经不在今天的名单上";
    m_state.staffMessageIsProblem = !r || !*r;
    m_state.voiding.reset();
    loadOthers();
}

}  // namespace mh::ui

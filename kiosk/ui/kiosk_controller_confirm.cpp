// Staff actions that change records are asked before they are done (issue 23: 作废 and then any
// reason voided a meal at once, so two stray taps took a lunch off the day's tally). Each ask names
// the record (masked name, service, time) and keeps the action until staff confirm it; a tab, a
// scan, leaving the staff screens or 取消 drops it. The screen only draws the question
// (confirm_layout.hpp places its confirm button away from where the question was asked from).
#include <chrono>
#include <cstdio>
#include <utility>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/core/text.hpp"

namespace mh::ui {

namespace {
std::string clockText(const LocalDateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}
}  // namespace

void KioskController::ask(StaffConfirmation question, std::function<void()> run) {
    m_state.confirming = std::move(question);
    m_pending = std::move(run);
}

void KioskController::confirmAction() {
    if (!m_pending) return;
    // Taken out first: the action may ask again or leave the staff screens.
    auto run = std::exchange(m_pending, {});
    m_state.confirming.reset();
    run();
    m_state.voiding.reset();
}

void KioskController::cancelAction() {
    m_pending = {};
    m_state.confirming.reset();
    m_state.voiding.reset();
}

void KioskController::askVoid(const std::string& reason) {
    if (m_state.staffTab == StaffTab::Others) return askOtherVoid(reason);  // a guest's, staff's or volunteer's meal
    if (!m_state.voiding) return;
    const std::int64_t id = *m_state.voiding;
    for (const RosterService& svc : m_state.roster)
        for (const RosterRow& row : svc.rows)
            if (row.recordId == id) {
                ask({"作废这条记录吗？", {maskName(row.name) + " · " + svc.name + " · " + row.time, "原因：" + reason}, "确认作废"},
                    [this, reason] { voidRecord(reason); });
                return;
            }
    // The record is no longer on today's roster (another terminal's sync reloaded it): nothing to ask.
    m_state.voiding.reset();
    m_state.staffMessage = "这条记录已经不在今天的名单上";
}

void KioskController::askManualCheckIn(const std::string& elderId) {
    if (m_state.paper.on) return askPaperEntry(elderId);
    tick();
    // Nothing open, or no service picked yet: manualCheckIn says so without asking.
    const ServiceChoice* picked = nullptr;
    for (const ServiceChoice& c : m_state.manualServices)
        if (c.id == m_state.manualServiceId) picked = &c;
    if (!picked) return manualCheckIn(elderId);
    std::string who = elderId;
    for (const ElderChoice& c : m_state.choices)
        if (c.elderId == elderId) who = maskName(c.name) + (c.village.empty() ? "" : "（" + c.village + "）");
    ask({"补签这位老人吗？",
         {who + " · " + picked->name + (m_state.deliveredMode ? "（送餐）" : "") + " · " + clockText(m_state.now)},
         "确认补签"},
        [this, elderId] { manualCheckIn(elderId); });
}

void KioskController::askClockConfirm() {
    tick();
    const LocalDate d = m_state.now.date;
    const int wd = int(std::chrono::weekday{std::chrono::sys_days{d.ymd}}.c_encoding());
    std::string now = std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日 " + weekdayZh(wd) + " " + clockText(m_state.now);
    ask({"本机时间对吗？", {"本机现在是 " + now, "对了以后，新的刷卡按这个时间记录"}, "确认时间"},
        [this] { confirmClockNow(); });
}

void KioskController::askDonation() {
    if (auto q = m_ops.donationQuestion(m_state)) ask(std::move(*q), [this] { applyOps(OpsCommand{SaveDonation{}}); });
}

}  // namespace mh::ui

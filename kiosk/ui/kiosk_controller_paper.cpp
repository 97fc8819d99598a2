// 补录纸质名单 on the 补签 tab (contract 13): after a power cut, staff enter the ticks of the paper
// sheet (`paper-roster`) at the time written on it. The services offered are today's that have
// opened by now (a lunch that is over still takes its ticks); the hour buttons stay inside the picked
// service's hours and never after now. Each entry is asked first and recorded with source "paper"
// through the same check-in use case as `scan --at TIME --paper` (checkInManually, paper = true).
#include <cstdio>

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/core/text.hpp"
#include "shared/staff/staff_audit.hpp"

namespace mh::ui {

namespace {
std::string hhmm(int h, int m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    return buf;
}
}  // namespace

void KioskController::togglePaperEntry() {
    tick();
    PaperEntry& p = m_state.paper;
    p = PaperEntry{!p.on, {}, "", -1, -1};
    m_state.choices.clear();
    m_state.staffMessage.clear();
    m_state.staffMessageIsProblem = false;
    if (!p.on) return;
    const WallTime now = m_state.now.wallTime();
    for (const ServiceDef& s : m_site.config().services)
        if (s.opens <= now) p.services.push_back({s.id, s.name, s.opens.text() + "–" + s.closes.text()});
    // One meal on the paper (the usual case: lunch): picked already.
    if (p.services.size() == 1) pickPaperService(p.services.front().id);
}

void KioskController::pickPaperService(const std::string& serviceId) {
    PaperEntry& p = m_state.paper;
    for (const ServiceChoice& c : p.services)
        if (c.id == serviceId) {
            p.serviceId = serviceId;
            p.hour = p.minute = -1;
            return;
        }
}

void KioskController::pickPaperTime(int hour, int minute) {
    PaperEntry& p = m_state.paper;
    if (hour >= 0 && hour < 24) p.hour = hour;
    if (minute >= 0 && minute < 60) p.minute = minute;
}

void KioskController::askPaperEntry(const std::string& elderId) {
    tick();
    const PaperEntry& p = m_state.paper;
    const ServiceDef* svc = m_site.config().findService(p.serviceId);
    auto refuse = [this](const char* why) {
        m_state.staffMessage = why;
        m_state.staffMessageIsProblem = true;
    };
    if (!svc) return refuse("先点纸上是哪一项");
    if (p.hour < 0 || p.minute < 0) return refuse("先点纸上写的时间（几点、几分）");
    const WallTime t{p.hour * 60 + p.minute};
    if (!svc->isOpenAt(t)) return refuse("纸上的时间不在这一项的开放时间里");
    if (t > m_state.now.wallTime()) return refuse("纸上的时间还没到：请看清纸上写的时间");
    LocalDateTime at{m_state.now.date, p.hour, p.minute, 0};
    std::string who = elderId;
    for (const ElderChoice& c : m_state.choices)
        if (c.elderId == elderId) who = maskName(c.name) + (c.village.empty() ? "" : "（" + c.village + "）");
    ask({"按纸质名单补录这位老人吗？",
         {who + " · " + svc->name + (m_state.deliveredMode ? "（送餐）" : "") + " · 纸上的时间 " + hhmm(p.hour, p.minute),
          "记为纸质补录，今日核对里会列出"},
         "确认补录"},
        [this, elder = ElderId(elderId), service = ServiceId(svc->id), at] { paperEntry(elder, service, at); });
}

void KioskController::paperEntry(const ElderId& elder, const ServiceId& service, LocalDateTime at) {
    auto r = m_engine.checkInManually(elder, service, at, m_state.deliveredMode, kStaffScreenActor, true);
    if (!r) {
        m_state.staffMessage = r.error().message;
        m_state.staffMessageIsProblem = true;
        return;
    }
    m_state.staffMessage = (r->accepted() ? "纸质补录：" : "") + r->message;
    m_state.staffMessageIsProblem = !r->accepted();
    m_state.choices.clear();
    m_state.idDigits.clear();
    if (r->accepted()) m_ops.recordChanged(at.date, m_state.now);
}

}  // namespace mh::ui

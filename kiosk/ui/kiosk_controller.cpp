// The controller's dispatch and timers: each command goes to its area (check-in, staff, back office),
// and tick() keeps the clock line, the open service and the screens' auto-return.
#include "kiosk/ui/kiosk_controller.hpp"

#include <algorithm>
#include <set>

#include "shared/checkin/door_services.hpp"
#include "shared/checkin/service_schedule.hpp"
#include "shared/core/text.hpp"
#include "shared/staff/staff_queries.hpp"

namespace mh::ui {

PinChecker staffPinChecker(StaffPin& pin) {
    return [&pin](const std::string& digits) {
        StaffPin::Check c = pin.verify(digits);
        using K = PinAnswer::Kind;
        K kind = c.verdict == StaffPin::Verdict::Ok       ? K::Ok
                 : c.verdict == StaffPin::Verdict::Wrong  ? K::Wrong
                 : c.verdict == StaffPin::Verdict::NotSet ? K::NotSet
                 : c.lockedNow                            ? K::LockedNow
                                                          : K::Locked;
        return PinAnswer{c.sentence(), kind};
    };
}

KioskController::KioskController(Site& site, const Clock& clock, Speaker* speaker, PeerGate* peers)
    : m_site(site), m_clock(clock), m_speaker(speaker), m_engine(site, clock, peers), m_ops(site, clock) {
    m_state.siteName = site.config().name;
    m_state.showFullNames = site.config().showFullNames;
    // Masked names need only first and last characters: a few hundred glyphs for thousands of elders.
    std::set<std::string> chars;
    for (const auto& name : activeElderNames(site.db()))
        for (auto& cp : splitCodePoints(m_state.showFullNames ? name : maskName(name))) chars.insert(cp);
    for (const auto& svc : site.config().services)
        for (auto& cp : splitCodePoints(svc.name)) chars.insert(cp);
    for (const auto& c : chars) m_state.glyphSeed += c;
    loadSettings();
    if (m_speaker) m_speaker->setVolume(m_state.volume);
    tick();
}

CurrentService KioskController::pickService(const LocalDateTime& now) const {
    ServiceAtTime at = serviceAt(m_site.config(), now.wallTime());
    if (!at.service) return {};
    const ServiceDef& s = *at.service;
    return {s.id, s.name, s.opens.text() + "–" + s.closes.text(), at.openNow, at.tomorrow};
}

std::vector<ServiceChoice> KioskController::doorChoices(const LocalDateTime& now) const {
    std::vector<ServiceChoice> out;
    for (const ServiceDef* s : doorServicesAt(m_site.config(), now.wallTime()).open)
        out.push_back({s->id, s->name, s->opens.text() + "–" + s->closes.text()});
    return out;
}

bool KioskController::tick() {
    LocalDateTime now = m_engine.now();
    bool changed = now.minute != m_state.now.minute || now.hour != m_state.now.hour || !(now.date == m_state.now.date);
    m_state.now = now;
    // Once a minute: a menu set meanwhile (another terminal, `menu set`) and the next meal move up.
    if (changed) changed = loadTodayMenu() || changed;
    CurrentService svc = pickService(now);
    if (svc.id != m_state.service.id || svc.openNow != m_state.service.openNow || svc.tomorrow != m_state.service.tomorrow)
        changed = true;
    m_state.service = svc;
    std::vector<ServiceChoice> door = doorChoices(now);
    auto ids = [](const std::vector<ServiceChoice>& v) {
        std::string all;
        for (const auto& c : v) all += c.id + ",";
        return all;
    };
    if (ids(door) != ids(m_state.doorServices)) changed = true;
    m_state.doorServices = std::move(door);
    if (m_state.screen == ScreenId::Choose && m_clock.nowUnix() - m_state.pick->shownAt >= kPickSeconds) {
        backToWaiting();
        changed = true;
    }
    if (m_state.screen == ScreenId::Feedback && m_clock.nowUnix() - m_state.feedback->shownAt >= kFeedbackSeconds) {
        backToWaiting();
        changed = true;
    }
    if (m_state.screen == ScreenId::Result && m_clock.nowUnix() - m_state.resultShownAt >= kResultSeconds) {
        m_state.screen = ScreenId::Checkin;
        m_state.result.reset();
        changed = true;
    }
    if (auto left = staffSecondsLeft(); left && *left <= 0) {
        closeStaff("untouched for " + std::to_string(m_state.screen == ScreenId::Pin ? kPinIdleSeconds : kStaffIdleSeconds) + " s");
        changed = true;
    }
    if (m_ops.tick(m_state)) changed = true;
    return changed;
}

std::optional<std::int64_t> KioskController::staffSecondsLeft() const {
    if (m_state.screen == ScreenId::Pin) return m_lastTouch + kPinIdleSeconds - m_clock.nowUnix();
    if (m_state.screen == ScreenId::Roster) return m_lastTouch + kStaffIdleSeconds - m_clock.nowUnix();
    return std::nullopt;
}

std::int64_t KioskController::secondsToNextChange() const {
    std::int64_t toMinute = std::min<std::int64_t>(60 - m_state.now.second, m_ops.secondsToNextChange(m_state));
    if (auto left = staffSecondsLeft()) toMinute = std::max<std::int64_t>(0, std::min(toMinute, *left));
    if (m_state.screen == ScreenId::Result)
        return std::max<std::int64_t>(0, std::min(toMinute, m_state.resultShownAt + kResultSeconds - m_clock.nowUnix()));
    if (m_state.screen == ScreenId::Choose)
        return std::max<std::int64_t>(0, std::min(toMinute, m_state.pick->shownAt + kPickSeconds - m_clock.nowUnix()));
    if (m_state.screen == ScreenId::Feedback)
        return std::max<std::int64_t>(0, std::min(toMinute, m_state.feedback->shownAt + kFeedbackSeconds - m_clock.nowUnix()));
    return toMinute;
}

std::optional<StaffPass> KioskController::staffGate() const {
    if (m_state.screen != ScreenId::Roster) return std::nullopt;
    return StaffPass{};
}

void KioskController::noteTouch() {
    m_ops.noteActivity();
    m_lastTouch = m_clock.nowUnix();
}

void KioskController::apply(const Command& c) {
    // Any tap or scan ends the idle posting view and starts the idle time again.
    noteTouch();
    m_state.ops.postingShown = false;
    std::visit(
        [this](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, ScanCommand>) scan(cmd.payload);
            else if constexpr (std::is_same_v<T, ReplayVoice>) replayVoice();
            else if constexpr (std::is_same_v<T, BackToWaiting>) backToWaiting();
            else if constexpr (std::is_same_v<T, PickService>) pickDoorService(cmd.serviceId);
            else if constexpr (std::is_same_v<T, GiveFeedback>) giveFeedback(cmd.score);
            else if constexpr (std::is_same_v<T, OpenStaff>) openPinPad();
            else if constexpr (std::is_same_v<T, PinDigit>) pinDigit(cmd.digit);
            else if constexpr (std::is_same_v<T, PinBackspace>) pinBackspace();
            else if constexpr (std::is_same_v<T, PinSubmit>) submitPin();
            else if constexpr (std::is_same_v<T, CloseStaff>) closeStaff("");
            else if constexpr (std::is_same_v<T, ReadMenu>) readMenu();
            else if constexpr (std::is_same_v<T, StaffCommand>) {
                if (auto pass = staffGate()) applyStaff(cmd, *pass);
                // else: staff commands only act behind the PIN
            }
        },
        c);
}

void KioskController::applyStaff(const StaffCommand& c, StaffPass /*pass: the PIN gate let staff in*/) {
    std::visit(
        [this](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, ShowStaffTab>) showStaffTab(cmd.tab);
            else if constexpr (std::is_same_v<T, FindBySurname>)
                showChoices(findElders(m_site.db(), ElderKey::Surname, cmd.surname));
            else if constexpr (std::is_same_v<T, FindByVillage>)
                showChoices(findElders(m_site.db(), ElderKey::Village, cmd.village));
            else if constexpr (std::is_same_v<T, IdDigit>) idDigit(cmd.digit);
            else if constexpr (std::is_same_v<T, IdBackspace>) {
                if (!m_state.idDigits.empty()) m_state.idDigits.pop_back();
            } else if constexpr (std::is_same_v<T, ManualCheckIn>) askManualCheckIn(cmd.elderId);
            else if constexpr (std::is_same_v<T, PickManualService>) m_state.manualServiceId = cmd.serviceId;
            else if constexpr (std::is_same_v<T, StartVoid>) {
                cancelAction();
                m_state.voiding = cmd.recordId;
            } else if constexpr (std::is_same_v<T, VoidWithReason>) askVoid(cmd.reason);
            else if constexpr (std::is_same_v<T, CancelVoid>) cancelAction();
            else if constexpr (std::is_same_v<T, ToggleDelivered>) toggleDelivered();
            else if constexpr (std::is_same_v<T, OpsCommand>) {
                if (std::holds_alternative<SaveDonation>(cmd)) askDonation();
                else applyOps(cmd);
            } else if constexpr (std::is_same_v<T, PickDiagonal>) pickDiagonal(cmd.inch);
            else if constexpr (std::is_same_v<T, PickPrinter>) pickPrinter(cmd.name);
            else if constexpr (std::is_same_v<T, VolumeStep>) volumeStep(cmd.delta);
            else if constexpr (std::is_same_v<T, ConfirmClock>) askClockConfirm();
            else if constexpr (std::is_same_v<T, ConfirmStaffAction>) confirmAction();
            else if constexpr (std::is_same_v<T, CancelStaffAction>) cancelAction();
            else if constexpr (std::is_same_v<T, SafetyPickKind>) safetyPickKind(cmd.kind);
            else if constexpr (std::is_same_v<T, SafetyPickBy>) m_state.safetyForm.by = cmd.name;
            else if constexpr (std::is_same_v<T, SafetySetField>) safetySetField(cmd.key, cmd.value);
            else if constexpr (std::is_same_v<T, SafetyPadKey>) safetyPadKey(cmd.key);
            else if constexpr (std::is_same_v<T, SafetySave>) safetySave();
            else if constexpr (std::is_same_v<T, OthersPickService>) {
                m_state.others.serviceId = cmd.serviceId;
                othersPriceLine();
            } else if constexpr (std::is_same_v<T, OthersPickKind>) othersPickKind(cmd.kind);
            else if constexpr (std::is_same_v<T, OthersPickName>) m_state.others.name = cmd.name;
            else if constexpr (std::is_same_v<T, OthersPadTarget>) m_state.others.padTypesHours = cmd.hours;
            else if constexpr (std::is_same_v<T, OthersPadKey>) othersPadKey(cmd.key);
            else if constexpr (std::is_same_v<T, OthersSave>) askOthersSave();
            else if constexpr (std::is_same_v<T, DeliveryRecordOutcome>) askDeliveryOutcome(cmd.recordId, cmd.outcome);
            else if constexpr (std::is_same_v<T, DeliveryMarkHandled>) askDeliveryHandled(cmd.outcomeId);
            else if constexpr (std::is_same_v<T, MenuWeekStep>) menuWeekStep(cmd.weeks);
            else if constexpr (std::is_same_v<T, MenuEdit>) menuEdit(cmd.day, cmd.serviceId);
            else if constexpr (std::is_same_v<T, MenuToggleDish>) menuToggleDish(cmd.dish);
            else if constexpr (std::is_same_v<T, MenuSave>) askMenuSave();
            else if constexpr (std::is_same_v<T, MenuEditDone>) m_state.menuWeek.editing = false;
            else if constexpr (std::is_same_v<T, HandleReviewItem>) askHandleReview(cmd.id);
            else if constexpr (std::is_same_v<T, TogglePaperEntry>) togglePaperEntry();
            else if constexpr (std::is_same_v<T, PickPaperService>) pickPaperService(cmd.serviceId);
            else if constexpr (std::is_same_v<T, PickPaperTime>) pickPaperTime(cmd.hour, cmd.minute);
        },
        c);
}

}  // namespace mh::ui

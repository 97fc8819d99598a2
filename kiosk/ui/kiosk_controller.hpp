// Owns the kiosk's screen state and applies the commands the screens post: a scan goes through
// CheckInEngine, the result screen returns to waiting after kResultSeconds or at once on the next
// scan, staff screens open behind the PIN. No SDL here: tests drive it with a FakeClock.
// kiosk_controller.cpp only dispatches and keeps the timers; the work is split by area: check-in
// (_checkin.cpp), staff behind the PIN (_staff.cpp), back office (_backoffice.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/ui/kiosk_state.hpp"
#include "kiosk/ui/ops_panel.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/ports/audio_cue.hpp"
#include "shared/site/site.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/core/elder.hpp"

namespace mh::ui {

// The voice the controller speaks through: the AudioCue port (shared/ports/audio_cue.hpp), under
// the name the screens have always used.
using Speaker = mh::AudioCue;

// The PIN pad's answer: the sentence to show (empty when right) and what happened, for the audit log.
struct PinAnswer {
    enum class Kind { Ok, Wrong, LockedNow, Locked, NotSet };
    std::string sentence;
    Kind kind = Kind::Wrong;
    // A checker that only gives the sentence: empty means right, anything else a wrong PIN.
    PinAnswer(std::string s) : sentence(std::move(s)), kind(sentence.empty() ? Kind::Ok : Kind::Wrong) {}  // NOLINT
    PinAnswer(std::string s, Kind k) : sentence(std::move(s)), kind(k) {}
};
// Checks a staff PIN.
using PinChecker = std::function<PinAnswer(const std::string& pin)>;
// The running kiosk's checker: the stored PIN with its lockout (`pin` must outlive the checker).
PinChecker staffPinChecker(StaffPin& pin);

// Proof that the PIN gate let staff in: only KioskController's gate can make one, and the staff
// dispatcher will not run without it.
class StaffPass {
    friend class KioskController;
    StaffPass() = default;
};

class KioskController {
public:
    static constexpr int kResultSeconds = 10;
    // Staff screens nobody touches go back to waiting, so a brushed 工作人员 button never leaves the
    // elders a screen without 请刷卡 (issue 12: the PIN pad stood for 69 s).
    static constexpr int kPinIdleSeconds = 15;
    static constexpr int kStaffIdleSeconds = 30;
    // The picker nobody taps goes back to 请刷卡 and records nothing (the elder walked away).
    static constexpr int kPickSeconds = 20;
    // The faces after an accepted meal (contract 14) stand this long untapped, then 请刷卡.
    static constexpr int kFeedbackSeconds = 5;

    // `peers`: the site's other terminals (the engine asks them before accepting), or nullptr alone.
    KioskController(Site& site, const Clock& clock, Speaker* speaker = nullptr, PeerGate* peers = nullptr);

    [[nodiscard]] const KioskState& state() const { return m_state; }
    KioskState& state() { return m_state; }
    void setPinChecker(PinChecker c) { m_pinChecker = std::move(c); }
    // The county setup keys this terminal trusts (setup_card_keys.hpp): a setup card scanned on the
    // settings tab replaces the county connection. `problem`: the keys file could not be read.
    void setSetupCardKeys(std::vector<PublicKey> keys, std::string problem = {}) {
        m_setupKeys = std::move(keys);
        m_setupKeysProblem = std::move(problem);
    }
    // The running kiosk's uploader and posting job (ops_state.hpp).
    void setOpsLink(OpsLink link) { m_ops.setLink(std::move(link)); }
    // Told of every scan's result after the engine has committed it (the running kiosk writes one
    // journal line per scan; the soak test counts them). Never called for a scan that changed nothing
    // because no service was open.
    void setScanLog(std::function<void(const ScanResult&)> log) { m_scanLog = std::move(log); }

    // Refreshes the clock line and the open service, and returns to waiting when the result has
    // been shown long enough. Returns true when anything visible changed.
    bool tick();
    // Applies one command (the screens' taps, the scanner's scans).
    void apply(const Command& c);
    // Someone touched the screen (a drag, a press on no button): the staff screens' idle time and
    // the idle posting rotation start again, as after a tap.
    void noteTouch();
    void applyAll(CommandQueue& q) {
        for (auto& c : q.take()) apply(c);
    }
    // Seconds until the screen must be redrawn without any input (next minute, or the auto-return).
    [[nodiscard]] std::int64_t secondsToNextChange() const;
    // Seconds before an untouched staff screen goes back to waiting; none when no staff screen is up.
    [[nodiscard]] std::optional<std::int64_t> staffSecondsLeft() const;
    // The result screen for a result made elsewhere (screenshots).
    void showResult(const ScanResult& r);
    // Reloads today's roster for the staff screen.
    void loadRoster();
    // Refreshes whatever the current staff tab shows.
    void loadStaffTab();

private:
    // The PIN gate: a pass while the staff screens are open (the PIN was right), none otherwise.
    [[nodiscard]] std::optional<StaffPass> staffGate() const;
    // Dispatches what staff ask for; callable only with the pass the PIN gate makes.
    void applyStaff(const StaffCommand& c, StaffPass pass);

    // Check-in area, open to anyone (kiosk_controller_checkin.cpp).
    void scan(const std::string& payload);
    // Records `payload` for `serviceId` and shows the result (or the store's failure).
    void recordScan(const std::string& payload, const std::string& serviceId);
    // The store failed: nothing was recorded; the elder is sent to staff.
    void storeFailed(const Error& e, const ServiceChoice& service);
    // Shows a scan's result: the screen, the journal line and the voice.
    void showScanResult(ScanResult shown);
    // The elder's tap on the picker: the card read before is recorded for that service.
    void pickDoorService(const std::string& serviceId);
    // After an accepted meal, with [feedback] on: the faces (kiosk_controller_feedback.cpp).
    void askFeedback(const ScanResult& shown);
    // The elder's tap on a face: the meal's score recorded, said back, and back to 请刷卡.
    void giveFeedback(int score);
    void replayVoice();
    // Today's menu on the waiting screen (kiosk_controller_menu.cpp): loaded from the menu book,
    // true when it changed; 听菜谱 reads it aloud.
    bool loadTodayMenu();
    void readMenu();
    // 本周菜谱 (kiosk_controller_menu.cpp): the week, one meal edited by taps, saved after a yes.
    void loadMenuWeek();
    void menuWeekStep(int weeks);
    void menuEdit(const LocalDate& day, const std::string& serviceId);
    void menuToggleDish(const std::string& dish);
    void askMenuSave();
    void saveMenu();
    void backToWaiting();

    // Staff area, behind the PIN (kiosk_controller_staff.cpp).
    void openPinPad();
    void pinDigit(char digit);
    void pinBackspace();
    void submitPin();
    // Leaves the staff screens for the waiting screen; `why` goes in the audit log when logged in.
    void closeStaff(const std::string& why);
    void showStaffTab(StaffTab tab);
    void idDigit(char digit);
    void manualCheckIn(const std::string& elderId);
    void voidRecord(const std::string& reason);
    // Actions that change records are asked first (kiosk_controller_confirm.cpp): `ask` shows the
    // question and keeps `run`, which ConfirmStaffAction does and CancelStaffAction drops.
    void ask(StaffConfirmation question, std::function<void()> run);
    void confirmAction();
    void cancelAction();
    void askVoid(const std::string& reason);
    void askManualCheckIn(const std::string& elderId);
    void askClockConfirm();
    void askDonation();
    void toggleDelivered();
    // The 安全检查 tab (kiosk_controller_safety.cpp).
    void loadSafety();
    void safetyPickKind(const std::string& kind);
    void safetySetField(const std::string& key, const std::string& value);
    void safetyPadKey(const std::string& key);
    void safetySave();
    [[nodiscard]] std::string mealName(const std::string& serviceId) const;
    // 访客/职工/志愿者 (kiosk_controller_others.cpp): meals nobody claims a subsidy for.
    void loadOthers();
    void othersPickKind(const std::string& kind);
    void othersPadKey(const std::string& key);
    void othersPriceLine();
    void askOthersSave();
    void saveOthers();
    void askOtherVoid(const std::string& reason);
    void voidOtherMealNow(std::int64_t mealId, const std::string& reason);
    // 送餐 (kiosk_controller_delivery.cpp): what the driver found, and the alerts.
    void loadDelivery();
    void askDeliveryOutcome(std::int64_t recordId, const std::string& outcome);
    void recordDeliveryOutcome(std::int64_t recordId, const std::string& outcome);
    void askDeliveryHandled(std::int64_t outcomeId);
    // 今日核对 (kiosk_controller_review.cpp).
    void loadReview();
    void askHandleReview(const std::string& id);
    void handleReview(const std::string& id);
    // 补录纸质名单 (kiosk_controller_paper.cpp).
    void togglePaperEntry();
    void pickPaperService(const std::string& serviceId);
    void pickPaperTime(int hour, int minute);
    void askPaperEntry(const std::string& elderId);
    void paperEntry(const ElderId& elder, const ServiceId& service, LocalDateTime at);
    void showChoices(std::vector<Elder> found);
    // One staff action into the audit log (actor "staff-screen").
    void audit(const std::string& action, const std::string& subject, const std::string& detail);
    // What staff see when the audit log (or a setting with it) could not be written.
    static constexpr const char* kAuditNotWritten = "操作日志没有写入（数据库写入失败）";
    // The site's local time now, as the audit log stamps it.
    [[nodiscard]] std::string nowIso() const { return m_site.timeZone().isoWithOffset(m_clock.nowUnix()); }

    // Back office, behind the PIN: donations, uploads, posting, settings (kiosk_controller_backoffice.cpp).
    void loadSettings();
    void loadBackOffice();
    void loadPrinters();
    void pickDiagonal(double inch);
    void pickPrinter(const std::string& name);
    // A setup card scanned while staff are on the settings tab.
    void acceptSetupCard(const std::string& payload, StaffPass pass);
    void volumeStep(int delta);
    // The clock line of the settings tab, and staff confirming the time after a fast clock was set right.
    void loadClock();
    void confirmClockNow();
    void applyOps(const OpsCommand& c);

    CurrentService pickService(const LocalDateTime& now) const;
    // Every service a door scan may take now, as the waiting screen and the picker name them.
    std::vector<ServiceChoice> doorChoices(const LocalDateTime& now) const;

    Site& m_site;
    const Clock& m_clock;
    Speaker* m_speaker;
    CheckInEngine m_engine;
    KioskState m_state;
    PinChecker m_pinChecker;
    std::function<void(const ScanResult&)> m_scanLog;
    OpsPanel m_ops;
    std::int64_t m_lastTouch = 0;  // unix seconds of the last tap or scan, for the staff screens' timeout
    std::string m_pickPayload;     // the card read while the picker is up, recorded once the elder picks
    int m_unreadableInRow = 0;     // cards in a row that could not be read: the second sends the elder to staff
    std::vector<PublicKey> m_setupKeys;
    std::string m_setupKeysProblem;
    std::function<void()> m_pending;  // the action KioskState::confirming asks about; empty: none
};

}  // namespace mh::ui

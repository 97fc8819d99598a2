// What the kiosk screen shows, as a plain value: the drawing functions read it and post commands;
// only the controller (kiosk_controller.hpp) changes it, between frames.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "shared/core/scan_result.hpp"
#include "kiosk/ui/ops_state.hpp"
#include "shared/core/dates.hpp"

namespace mh::ui {

enum class ScreenId { Checkin, Result, Pin, Roster, Choose, Feedback };

// The service a scan is recorded for, and whether it is open now (the waiting screen says so).
struct CurrentService {
    std::string id;
    std::string name;      // 午餐
    std::string hours;     // 10:30–13:30
    bool openNow = false;
    bool tomorrow = false; // nothing more today: the first meal of tomorrow
};

// One service as the picker, the waiting screen and staff 补签 name it.
struct ServiceChoice {
    std::string id;
    std::string name;   // 助医
    std::string hours;  // 08:00–17:00
};

// The picker (issue 23): a card was read while several door services are open, and the elder picks
// one with a tap; nothing is recorded until then. The card itself stays with the controller.
struct DoorPick {
    std::string elderId;
    std::string maskedName;               // 张*兰, as the result screen shows it
    std::vector<ServiceChoice> options;   // door_services.hpp's order (site.toml's)
    std::int64_t shownAt = 0;             // unix seconds, for the return to waiting
};

// The three faces (contract 14, [feedback] enabled): after an accepted meal the result's headline
// stays on top and 好 / 一般 / 不好 are offered for a few seconds; one tap scores the meal's record.
// A card shown meanwhile is scanned at once, and the faces go.
struct FeedbackAsk {
    std::int64_t recordId = 0;  // this terminal's record of the accepted meal
    std::int64_t shownAt = 0;   // unix seconds, for the return to waiting
};

// One meal service's menu for today, as the waiting screen shows it and 听菜谱 reads it (contract 14).
struct MealMenu {
    std::string serviceId;
    std::string name;                 // 午餐
    std::string hours;                // 10:30–13:30
    std::vector<std::string> dishes;  // in serving order
};

struct RosterRow {
    std::int64_t recordId = 0;
    std::string name;      // staff screens show full names
    std::string time;      // 11:32
    bool delivered = false;
    bool voided = false;
    bool doubled = false;  // 两台机器重复: another terminal counted the same meal while apart; not once voided
    std::string diets;     // 饮食: 低盐、软食 (contract 14): staff screens only, never an elder's
    std::string proxy;     // 代领 (contract 12): 李明（儿子）, who collected it; empty: the elder
};

struct RosterService {
    std::string name;
    std::vector<RosterRow> rows;
    int counted = 0;
};

// The bar holds the tabs staff use every meal; 更多 opens a page of big buttons for the rest
// (kMorePages in staff_layout.hpp), each a tab of its own that keeps 更多 lit. Donation is the
// form reached from Settings.
enum class StaffTab { Roster, Missing, Manual, Settings, Donation, Safety, More, Others, Delivery, Menu, Review };

// One line of the 安全检查 tab's list (contract 14): what is overdue, due today, or done today.
struct SafetyDueLine {
    enum class State { Overdue, Due, Done };
    State state = State::Due;
    std::string text;  // 晨检（7:00 前）, 留样 午餐 红烧豆腐（13:30 前）
};

// The 安全检查 tab's form: a check in a few taps (kind, who, the kind's fields; numbers on a pad).
// Field keys and values are the contract's (`safety add --field KEY=VALUE`), so the check goes
// through the same use case as the command line.
struct SafetyForm {
    std::string kind;                                 // safetyKindKey; empty: none picked yet
    std::string by;                                   // who made the check
    std::vector<std::pair<std::string, std::string>> fields;
    [[nodiscard]] std::string field(const std::string& key) const {
        for (const auto& [k, v] : fields)
            if (k == key) return v;
        return {};
    }
};

// A 留样 waiting to be destroyed, as the tab offers it.
struct SampleChoice {
    std::string dish, meal, label;  // label: 红烧豆腐（午餐，12月1日）
};

// One of today's meals of guests, staff and volunteers as the 访客/职工/志愿者 page lists it.
struct OtherMealLine {
    std::int64_t mealId = 0;
    std::string text;  // 11:32 午餐 访客 3 份 共 45.00 元
    bool voided = false;
};

// The 访客/职工/志愿者 page (contract 12): meals nobody claims a subsidy for, in a few taps, recorded
// through the same use case as `kiosk meal`. The controller fills the price line from site.toml.
struct OthersPage {
    std::vector<ServiceChoice> services;  // the meals open now
    std::string serviceId;                // the one picked (preset when only one is open)
    std::string kind;                     // guest | staff | volunteer; empty: none picked yet
    std::string count = "1";              // typed on the pad, 1..99
    std::string hours;                    // a volunteer's hours, typed on the pad
    bool padTypesHours = false;           // the pad types the hours (a volunteer's) instead of the count
    std::string name;                     // the volunteer picked
    std::vector<std::string> volunteers;  // names already recorded, newest first
    std::string price;                    // 单价 15 元，共 45.00 元; empty until service and kind are picked
    std::vector<OtherMealLine> today;
};

// The 送餐 page (contract 12): today's delivered meals with what the driver found so far, and the
// visit alerts (not home, refused, a driver's concern note) until staff mark a note handled.
struct DeliveryStopLine {
    std::int64_t recordId = 0;
    std::string text;     // 张*兰  北关村  13800000001  午餐
    std::string outcome;  // 已送到; empty: not yet
};
struct DeliveryAlertLine {
    std::int64_t outcomeId = 0;
    std::string text;          // 王建国（南关村）13800000002 不在家 · 备注：腿肿了
    bool handleable = false;   // a concern note not yet handled: 已处理 offered
};
struct DeliveryPage {
    std::vector<DeliveryStopLine> stops;
    std::vector<DeliveryAlertLine> alerts;
};

// The 本周菜谱 page (更多 → 本周菜谱, contract 14): a week of day × meal service, and one meal being
// edited by picking from the site's dish list. Saved through setMenu, the use case of `menu set`.
struct MenuWeek {
    LocalDate monday;                                      // the week shown
    std::vector<ServiceChoice> meals;                      // the site's meal services
    std::vector<std::map<std::string, std::vector<std::string>>> days;  // 7: service id → dishes
    std::vector<std::string> known;                        // the site's dish list, most used first
    bool editing = false;                                  // a meal is being edited
    LocalDate editDay;
    std::string editService;
    std::vector<std::string> picked;                       // its dishes so far, in the order tapped
};

struct MissingRow {
    std::string name, village, phone;
    int daysCame = 0;
};

struct ElderChoice {
    std::string elderId, name, village;
};

// A staff action that changes records (a void, a 补签, the clock confirmed, a donation) waiting for
// staff to say yes (issue 23: two stray taps voided a meal). The controller fills it and keeps the
// action itself; the screen draws it with the confirm button away from where the last tap was.
// The 今日核对 page (contract 13): today's review items as staff read them, each markable handled.
struct ReviewLine {
    std::string id;    // the review's stable item id (`review --handle ID`)
    std::string text;  // 张*兰 午餐 两台都记了
    bool handled = false;
};
struct ReviewPage {
    std::vector<ReviewLine> lines;  // in the review's order
};

// 补录纸质名单 on the 补签 tab (contract 13): ticks from the power-cut sheet entered afterwards, at the
// time written on the paper (hour and minute buttons inside the service's hours, never later than now),
// recorded with source "paper" through the same check-in use case as `scan --at TIME --paper`.
struct PaperEntry {
    bool on = false;
    std::vector<ServiceChoice> services;  // today's services that have opened by now: what the paper has boxes for
    std::string serviceId;                // the one picked
    int hour = -1, minute = -1;           // from the paper; -1: not picked yet
};

struct StaffConfirmation {
    std::string question;            // 作废这条记录吗？
    std::vector<std::string> lines;  // 张*兰 · 午餐 · 11:32 / 原因：刷错了人
    std::string confirmLabel;        // 确认作废
};

struct KioskState {
    ScreenId screen = ScreenId::Checkin;
    LocalDateTime now;               // refreshed by the controller, drawn as 11月25日 星期三 11:32
    std::string siteName;
    CurrentService service;
    std::vector<ServiceChoice> doorServices;  // every service a door scan may take now (door_services.hpp)
    std::optional<DoorPick> pick;             // the picker, while ScreenId::Choose is up
    bool showFullNames = false;      // [display] show_full_names
    std::string glyphSeed;           // every character a result screen may show for this roster,
                                     // so the atlas is built once, not on each new name

    // Result screen.
    std::optional<ScanResult> result;
    std::int64_t resultShownAt = 0;  // unix seconds, for the return to waiting
    std::optional<FeedbackAsk> feedback;  // while ScreenId::Feedback is up (`result` is the meal)
    // Today's menu on the waiting screen: each meal service of today with a menu, the one open now or
    // next first. Empty: nothing drawn, no 听菜谱 button.
    std::vector<MealMenu> todayMenu;

    // Staff screens.
    std::string pinDigits;           // UI-local: what has been typed on the keypad
    std::string pinMessage;          // 密码不对 / 已锁定 N 分钟
    std::vector<RosterService> roster;
    bool soundAvailable = true;      // staff see when the speaker is missing
    std::string inputStatus;         // the camera (or replay) line for staff: 摄像头：未找到，正在查找
    StaffTab staffTab = StaffTab::Roster;
    std::vector<MissingRow> missing;             // regulars not here today
    std::vector<std::string> surnames, villages; // buttons for finding an elder without typing
    std::string idDigits;                        // last 4 ID digits typed on the keypad
    std::vector<ElderChoice> choices;            // elders found, one tap checks in
    std::vector<ServiceChoice> manualServices;   // every service open now, door or not: what 补签 may record
    std::string manualServiceId;                 // the one picked (preset when only one is open)
    std::optional<std::int64_t> voiding;         // a record whose void reason is being picked
    std::optional<StaffConfirmation> confirming; // an action that changes records, asked before it is done
    std::string staffMessage;                    // what the last staff action did
    bool staffMessageIsProblem = false;          // a refusal: drawn in red
    // The 安全检查 tab (contract 14).
    std::vector<SafetyDueLine> safetyDue;        // overdue first, then today's
    bool safetyNeedsStaff = false;               // anything overdue or due now and not done: the tab opens first
    std::vector<std::string> safetyPeople;       // names to pick from (who checked, who was checked)
    std::vector<ServiceChoice> safetyMeals;      // the site's meal services
    std::vector<std::string> safetyDishes;       // today's menu first, then the site's dish list
    std::vector<SampleChoice> safetySamples;     // samples waiting to be destroyed
    SafetyForm safetyForm;
    OthersPage others;                           // 访客/职工/志愿者 (更多)
    DeliveryPage delivery;                       // 送餐 (更多)
    MenuWeek menuWeek;                           // 本周菜谱
    ReviewPage review;                           // 今日核对 (on the 更多 page)
    PaperEntry paper;                            // 补录纸质名单 (on the 补签 tab)
    bool deliveredMode = false;                  // manual check-ins are delivered meals (送餐)
    int volume = 80;                             // percent
    double pickedDiagonalInch = 0;               // the panel size staff picked (kiosk_settings), 0: none
    std::string printer;                         // where the monthly posting is printed; empty: not printed
    std::vector<std::string> printers;           // the printers to pick from on the settings tab
    bool panelSizeKnown = true;                  // false: nothing says how big the panel is (settings say so)
    OpsState ops;                                // uploads, donations, the posting (ops_state.hpp)

    // Custody (contract 2): what the start-up check found wrong with the database, in plain Chinese
    // (empty when fine): shown on the settings tab, and as a mark on the waiting screen for staff.
    std::string databaseProblem;
    // site.toml did not load and the last good configuration is in use (Site::configProblem).
    std::string configProblem;
    // The clock check (contract 3) as the settings tab shows it: the problem in plain Chinese (empty:
    // the clock is believable), whether staff may confirm the time (a clock set right after running
    // fast; never one earlier than the site), and the records written ahead of a corrected clock,
    // one line per confirmation, for staff to review.
    std::string clockProblem;
    bool clockConfirmable = false;
    std::vector<std::string> clockCorrected;
    // `run --at`: a throwaway copy of the site; every screen carries the 培训模式 band.
    bool training = false;
};

inline constexpr const char* kTrainingBand = "培训模式：练习用，记录不保存、不上报";
inline constexpr const char* kDatabaseMark = "数据库有问题，请工作人员查看";

// What a tap, a key or a scan asks for. The controller applies them after the frame.
struct ScanCommand { std::string payload; };
struct ReplayVoice {};
struct BackToWaiting {};
struct PickService { std::string serviceId; };  // the elder's tap on the picker
struct GiveFeedback { int score; };             // the elder's tap on a face: 3 好, 2 一般, 1 不好
struct ReadMenu {};                              // the elder's tap on 听菜谱: today's menu read aloud
struct OpenStaff {};
struct PinDigit { char digit; };
struct PinBackspace {};
struct PinSubmit {};
struct CloseStaff {};
struct ShowStaffTab { StaffTab tab; };
struct FindBySurname { std::string surname; };
struct FindByVillage { std::string village; };
struct IdDigit { char digit; };          // last-4 keypad; the search runs at the fourth digit
struct IdBackspace {};
struct ManualCheckIn { std::string elderId; };
struct PickManualService { std::string serviceId; };  // which open service 补签 records
struct StartVoid { std::int64_t recordId; };
struct VoidWithReason { std::string reason; };
struct CancelVoid {};
struct ToggleDelivered {};
struct VolumeStep { int delta; };
struct PickDiagonal { double inch; };    // staff measured the 10 cm bar and picked the panel size
struct PickPrinter { std::string name; }; // the posting's printer; empty: do not print
struct ConfirmClock {};                   // 时间已调对: the clock was set right (clock_confirm.hpp)
struct ConfirmStaffAction {};             // yes to KioskState::confirming: the action is done now
struct CancelStaffAction {};              // no: nothing changes (also leaves the void's reason list)
struct SafetyPickKind { std::string kind; };                   // 安全检查: which check (safetyKindKey)
struct SafetyPickBy { std::string name; };                     // who made it
struct SafetySetField { std::string key, value; };             // a field's value picked by a tap
struct SafetyPadKey { std::string key; };                      // the number pad: "0".."9", ".", "删除"
struct SafetySave {};                                          // record the check
struct OthersPickService { std::string serviceId; };           // 访客/职工/志愿者: which open meal
struct OthersPickKind { std::string kind; };                   // guest | staff | volunteer
struct OthersPickName { std::string name; };                   // the volunteer
struct OthersPadTarget { bool hours; };                        // the pad types the hours (true) or the count
struct OthersPadKey { std::string key; };                      // "0".."9", ".", "删除"
struct OthersSave {};                                          // 记录: asks first
struct DeliveryRecordOutcome { std::int64_t recordId; std::string outcome; };  // 送餐: delivered | not_home | refused
struct DeliveryMarkHandled { std::int64_t outcomeId; };        // 送餐: a driver's note 已处理
struct MenuWeekStep { int weeks; };                            // 本周菜谱: 上一周 (-1) / 下一周 (+1)
struct MenuEdit { LocalDate day; std::string serviceId; };     // edit one day's meal
struct MenuToggleDish { std::string dish; };                   // add the dish at the end, or take it out
struct MenuSave {};                                            // save the edited meal (asked first)
struct MenuEditDone {};                                        // leave the edit unsaved
struct HandleReviewItem { std::string id; };                   // 今日核对: 处理好了 on one item (asked first)
struct TogglePaperEntry {};                                    // 补签 tab: 补录纸质名单 on or off
struct PickPaperService { std::string serviceId; };            // which service the paper's box is for
struct PickPaperTime { int hour = -1, minute = -1; };          // the time on the paper (-1: leave as is)
// What staff ask for behind the PIN. Only the staff dispatcher (KioskController::applyStaff) takes
// them, and it can only be called with the pass the PIN gate hands out: the gate is in the types,
// not a branch someone can forget.
using StaffCommand = std::variant<ShowStaffTab, FindBySurname, FindByVillage, IdDigit, IdBackspace, ManualCheckIn,
                                  PickManualService, StartVoid, VoidWithReason, CancelVoid, ToggleDelivered, VolumeStep, PickDiagonal,
                                  PickPrinter, ConfirmClock, ConfirmStaffAction, CancelStaffAction, SafetyPickKind, SafetyPickBy,
                                  SafetySetField, SafetyPadKey, SafetySave, OpsCommand, OthersPickService, OthersPickKind,
                                  OthersPickName, OthersPadTarget, OthersPadKey, OthersSave, DeliveryRecordOutcome,
                                  DeliveryMarkHandled, MenuWeekStep, MenuEdit, MenuToggleDish, MenuSave, MenuEditDone,
                                  HandleReviewItem, TogglePaperEntry, PickPaperService, PickPaperTime>;
// Everything the screens can post: the elders' check-in screens and the PIN pad, open to anyone, and
// the staff commands, which the controller passes on only through the PIN gate.
using Command = std::variant<ScanCommand, ReplayVoice, BackToWaiting, PickService, GiveFeedback, OpenStaff, PinDigit, PinBackspace, PinSubmit,
                             CloseStaff, StaffCommand, ReadMenu>;

// The reasons staff pick from when voiding a record (no typing).
inline const std::vector<std::string>& voidReasons() {
    static const std::vector<std::string> k{"刷错了人", "重复登记", "老人没有用餐", "测试记录"};
    return k;
}

// The reasons staff pick from when voiding a guest's, staff member's or volunteer's meal.
inline const std::vector<std::string>& otherMealVoidReasons() {
    static const std::vector<std::string> k{"份数记错了", "重复登记", "没有用餐", "测试记录"};
    return k;
}

// Commands from one frame, in the order they happened.
class CommandQueue {
public:
    // Built in place from the plain command: moving a temporary variant that holds a std::string
    // trips GCC 12's -Wmaybe-uninitialized (a false positive), and the build is warning-free with
    // -Werror. A wrapped OpsCommand is unwrapped first for the same reason.
    template <class C>
    void push(C&& c) {
        using T = std::decay_t<C>;
        if constexpr (std::is_same_v<T, OpsCommand>)
            std::visit([this](auto&& op) { m_items.emplace_back(std::in_place_type<StaffCommand>,
                                                                std::in_place_type<OpsCommand>,
                                                                std::forward<decltype(op)>(op)); },
                       std::forward<C>(c));
        else
            m_items.emplace_back(std::forward<C>(c));
    }
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    [[nodiscard]] const std::vector<Command>& items() const { return m_items; }
    std::vector<Command> take() { return std::exchange(m_items, {}); }

private:
    std::vector<Command> m_items;
};

}  // namespace mh::ui

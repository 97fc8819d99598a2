// Screen logic without a window: ImGui frames fed simulated taps and the controller on a fake clock
// (the keyboard-wedge scanner's tests are in tests/cards and tests/live).
#include <doctest/doctest.h>

#include "gui/gui_fixture.hpp"
#include "gui/headless_ui.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/texts.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "shared/menu/menu_book.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/fake_audio_cue.hpp"
#include "support/run_process.hpp"
#include "shared/checkin/checkin_engine.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace mh;
using namespace mh::ui;
using mh::test::HeadlessUi;

namespace {

template <class T>
int countOf(const std::vector<Command>& cs) {
    int n = 0;
    for (const auto& c : cs) n += std::holds_alternative<T>(c);
    return n;
}

using CountingSpeaker = test::FakeAudioCue;

}  // namespace

TEST_CASE("tapping 再听一遍 on a result screen asks for the voice again, once") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.showResult(mh::sampleScan(*fx.site, Outcome::Accepted, LocalDate::of(2026, 11, 25), ServiceId("lunch")));
    HeadlessUi ui(ctl.state());
    auto cmds = ui.tap(ctl.state(), "replay");
    CHECK(countOf<ReplayVoice>(cmds) == 1);
    CHECK(cmds.size() == 1);
}

TEST_CASE("a press on empty screen space posts nothing") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    auto a = ui.frame(ctl.state(), {300, 300}, true);
    auto b = ui.frame(ctl.state(), {300, 300}, false);
    CHECK(a.empty());
    CHECK(b.empty());
}

TEST_CASE("the staff button opens the PIN pad and the keypad types digits") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    HeadlessUi ui(ctl.state());
    auto cmds = ui.tap(ctl.state(), "staff");
    REQUIRE(countOf<OpenStaff>(cmds) == 1);
    for (auto& c : cmds) ctl.apply(c);
    CHECK(ctl.state().screen == ScreenId::Pin);
    for (const char* k : {"key4", "key2", "key删除", "key7"})
        for (auto& c : ui.tap(ctl.state(), k)) ctl.apply(c);
    CHECK(ctl.state().pinDigits == "47");
    for (auto& c : ui.tap(ctl.state(), "key确定")) ctl.apply(c);
    // No PIN has been set on this site: staff are told so, and the roster stays closed.
    CHECK(ctl.state().screen == ScreenId::Pin);
    CHECK(ctl.state().pinMessage.find("密码") != std::string::npos);
    for (auto& c : ui.tap(ctl.state(), "back")) ctl.apply(c);
    CHECK(ctl.state().screen == ScreenId::Checkin);
}

TEST_CASE("a scan is recorded through the engine and its result returns to waiting after 10 s, not before") {
    test::GuiFixture fx;
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    CHECK(ctl.state().service.id == "lunch");
    CHECK(ctl.state().service.openNow);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    REQUIRE(ctl.state().result->outcome == Outcome::Accepted);
    CHECK(ctl.state().result->elderPays() == 200_fen);
    CHECK(speaker.said.size() == 1);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").size() == 1);
    CHECK(ctl.secondsToNextChange() == 10);

    fx.clock.advance(9);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Result);
    fx.clock.advance(1);
    CHECK(ctl.tick());
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK_FALSE(ctl.state().result.has_value());
}

TEST_CASE("the next scan replaces a result at once, and 再听一遍 keeps the result up") {
    test::GuiFixture fx;
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    ctl.apply(ScanCommand{fx.idLow});
    fx.clock.advance(3);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Duplicate);
    fx.clock.advance(8);
    ctl.apply(ReplayVoice{});
    CHECK(speaker.said.size() == 3);
    fx.clock.advance(9);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Result);  // 9 s after the replay
    fx.clock.advance(1);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").size() == 1);
}

TEST_CASE("a card read on the PIN pad is checked in and its result shown at once") {
    // Issue 12: an elder brushed 工作人员, then showed a card that was silently ignored.
    test::GuiFixture fx;
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    ctl.apply(OpenStaff{});
    ctl.apply(PinDigit{'4'});
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Accepted);
    CHECK(ctl.state().pinDigits.empty());  // half a PIN does not wait for the next person
    CHECK(speaker.said.size() == 1);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").size() == 1);
}

TEST_CASE("a card read on the staff roster is checked in, shown, and ends the staff session in the audit log") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    ctl.apply(ScanCommand{fx.idFree});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Accepted);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").size() == 1);
    auto last = AuditLog(fx.site->db()).recent(1);
    REQUIRE(last.size() == 1);
    CHECK(last[0].action == "staff.logout");
    CHECK(last[0].detail == "a card was scanned");
}

TEST_CASE("an untouched PIN pad goes back to waiting after 15 s, the staff screens after 30 s") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    CHECK(ctl.secondsToNextChange() <= 15);  // the loop wakes in time to close it
    fx.clock.advance(10);
    ctl.apply(PinDigit{'1'});                 // a tap starts the 15 s again
    fx.clock.advance(14);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Pin);
    fx.clock.advance(1);
    CHECK(ctl.tick());
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK(ctl.state().pinDigits.empty());

    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    fx.clock.advance(29);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Roster);
    CHECK(ctl.secondsToNextChange() <= 1);
    fx.clock.advance(1);
    CHECK(ctl.tick());
    CHECK(ctl.state().screen == ScreenId::Checkin);
    auto last = AuditLog(fx.site->db()).recent(1);
    REQUIRE(last.size() == 1);
    CHECK(last[0].action == "staff.logout");
    CHECK(last[0].detail == "untouched for 30 s");
}

TEST_CASE("the second unreadable card in a row sends the elder to the staff instead of asking again") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.apply(ScanCommand{"not a card"});
    REQUIRE(ctl.state().result->outcome == Outcome::Invalid);
    CHECK(std::string(outcomeHint(*ctl.state().result).zh) == "请再刷一次");
    ctl.apply(ScanCommand{"still not a card"});
    REQUIRE(ctl.state().result->outcome == Outcome::Invalid);
    CHECK(std::string(outcomeHint(*ctl.state().result).zh) == "这张卡读不出来，请找工作人员");
    // A good card in between starts the count again.
    ctl.apply(ScanCommand{fx.idLow});
    ctl.apply(ScanCommand{"garbage"});
    CHECK(std::string(outcomeHint(*ctl.state().result).zh) == "请再刷一次");
}

TEST_CASE("a PIN accepted by the checker opens the staff screens, and today's roster shows full names") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker([](const std::string& pin) { return pin == "2468" ? "" : std::string("密码不对"); });
    ctl.apply(ScanCommand{fx.idFree});
    ctl.apply(OpenStaff{});
    for (char d : std::string("1111")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    CHECK(ctl.state().screen == ScreenId::Pin);
    CHECK(ctl.state().pinMessage == "密码不对");
    CHECK(ctl.state().pinDigits.empty());
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    // 11:32 with no 晨检 recorded: the 安全检查 tab opens first (contract 14), today's roster a tap away.
    CHECK(ctl.state().staffTab == StaffTab::Safety);
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    REQUIRE(ctl.state().roster.size() == 1);
    CHECK(ctl.state().roster[0].name == "午餐");
    CHECK(ctl.state().roster[0].counted == 1);
    CHECK(ctl.state().roster[0].rows[0].name == "王建国");
    CHECK(ctl.state().roster[0].rows[0].time == "11:32");
}

TEST_CASE("the waiting screen names the next meal when none is open") {
    test::GuiFixture fx;
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T09:30")));
    KioskController ctl(*fx.site, fx.clock);
    CHECK(ctl.state().service.id == "health");  // open all day; no meal open at 09:30
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:00")));
    ctl.tick();
    CHECK(ctl.state().service.id == "lunch");
}

TEST_CASE("`kiosk staff pin` takes the PIN from stdin, and the PIN pad then opens the roster") {
    test::GuiFixture fx;
    std::string base = std::string(KIOSK_EXE) + " staff pin --site " + fx.dir.path().string();
    CHECK(WEXITSTATUS(std::system(("echo 12ab | " + base + " >/dev/null 2>&1").c_str())) == 2);
    REQUIRE(std::system(("echo 2468 | " + base + " >/dev/null 2>&1").c_str()) == 0);
    auto site = Site::open(fx.dir.path());  // what the CLI wrote, read back as the kiosk would
    REQUIRE(site.ok());
    StaffPin pin((*site)->db(), fx.clock);
    KioskController ctl(**site, fx.clock);
    ctl.setPinChecker([&pin](const std::string& p) { return pin.verify(p).sentence(); });
    ctl.apply(OpenStaff{});
    for (int i = 0; i < 5; ++i) {
        for (char d : std::string("1111")) ctl.apply(PinDigit{d});
        ctl.apply(PinSubmit{});
    }
    CHECK(ctl.state().pinMessage.find("锁定") != std::string::npos);
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    CHECK(ctl.state().screen == ScreenId::Pin);  // locked: even the right PIN waits
    fx.clock.advance(StaffPin::kLockSeconds);
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    CHECK(ctl.state().screen == ScreenId::Roster);
}

// The PIN gate is in the types: no code outside the controller can make the pass the staff
// dispatcher needs, and a staff command is a Command only as a StaffCommand (never on its own).
static_assert(!std::is_default_constructible_v<StaffPass>);
template <class T, class V>
constexpr bool isAlternative = false;
template <class T, class... A>
constexpr bool isAlternative<T, std::variant<A...>> = (std::is_same_v<T, A> || ...);
static_assert(isAlternative<StaffCommand, Command> && !isAlternative<ManualCheckIn, Command> &&
              !isAlternative<VoidWithReason, Command> && !isAlternative<OpsCommand, Command>);
static_assert(isAlternative<ManualCheckIn, StaffCommand> && isAlternative<OpsCommand, StaffCommand>);

TEST_CASE("staff check in a forgotten card by surname or last 4 ID digits, then void it with a listed reason") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    // Not behind the PIN yet: staff commands do nothing.
    ctl.apply(ShowStaffTab{StaffTab::Manual});
    ctl.apply(ManualCheckIn{"E0001"});
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").empty());

    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    ctl.apply(ShowStaffTab{StaffTab::Manual});
    CHECK(ctl.state().surnames == std::vector<std::string>{"张", "王"});
    ctl.apply(FindBySurname{"张"});
    REQUIRE(ctl.state().choices.size() == 1);
    CHECK(ctl.state().choices[0].name == "张桂兰");
    ctl.apply(ToggleDelivered{});
    ctl.apply(ManualCheckIn{ctl.state().choices[0].elderId});
    // Asked first, naming the elder (masked), the service and the time: nothing recorded yet.
    REQUIRE(ctl.state().confirming);
    CHECK(ctl.state().confirming->lines[0].find("张*兰") != std::string::npos);
    CHECK(ctl.state().confirming->lines[0].find("11:32") != std::string::npos);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").empty());
    ctl.apply(ConfirmStaffAction{});
    auto day = CheckinStore(fx.site->db()).forDay("2026-11-25");
    REQUIRE(day.size() == 1);
    CHECK(day[0].source == "manual");
    CHECK(day[0].delivered);
    CHECK(ctl.state().staffMessage.find("送餐") != std::string::npos);

    for (char d : fx.idFree.substr(14)) ctl.apply(IdDigit{d});
    REQUIRE(ctl.state().choices.size() == 1);
    CHECK(ctl.state().choices[0].name == "王建国");

    ctl.apply(ShowStaffTab{StaffTab::Roster});
    REQUIRE(ctl.state().roster.size() == 1);
    ctl.apply(StartVoid{day[0].recordId});
    ctl.apply(VoidWithReason{voidReasons()[0]});
    // A reason is not yet a void: staff are asked, naming the record; 取消 leaves it counted.
    REQUIRE(ctl.state().confirming);
    CHECK(ctl.state().confirming->lines[0].find("张*兰") != std::string::npos);
    CHECK(ctl.state().confirming->lines[1].find(voidReasons()[0]) != std::string::npos);
    ctl.apply(CancelStaffAction{});
    CHECK_FALSE(ctl.state().confirming);
    CHECK_FALSE(ctl.state().voiding);
    CHECK_FALSE(CheckinStore(fx.site->db()).byId(day[0].recordId)->voided);
    ctl.apply(StartVoid{day[0].recordId});
    ctl.apply(VoidWithReason{voidReasons()[0]});
    ctl.apply(ConfirmStaffAction{});
    CHECK(CheckinStore(fx.site->db()).byId(day[0].recordId)->voided);
    CHECK(ctl.state().roster[0].rows[0].voided);
    CHECK(ctl.state().roster[0].counted == 0);
}

TEST_CASE("the volume buttons step by 10 within 0..100 and reach the speaker") {
    test::FakeAudioCue speaker;
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    for (int i = 0; i < 5; ++i) ctl.apply(VolumeStep{+10});
    CHECK(ctl.state().volume == 100);
    CHECK(speaker.volume == 100);
    ctl.apply(VolumeStep{-10});
    CHECK(speaker.volume == 90);
}

TEST_CASE("in delivered-meal mode a scanned card is recorded as a delivered meal") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    ctl.apply(ToggleDelivered{});
    ctl.apply(CloseStaff{});
    CHECK(ctl.state().deliveredMode);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().result->accepted());
    CHECK(ctl.state().result->delivered);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25")[0].delivered);
}

TEST_CASE("the waiting screen names the next meal today, and says 明天 once today's meals are over") {
    test::TempDir dir;
    std::string toml = test::standardToml();
    toml.replace(toml.find("opens = \"00:00\""), 15, "opens = \"08:00\"");   // 助医 in office hours only
    toml.replace(toml.find("closes = \"24:00\""), 16, "closes = \"17:00\"");
    auto site = test::makeSite(dir.path(), toml);
    FakeClock clock(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T06:00")));
    KioskController ctl(*site, clock, nullptr);
    ctl.tick();
    CHECK(ctl.state().service.id == "breakfast");  // nothing open yet: the next meal today
    CHECK_FALSE(ctl.state().service.openNow);
    CHECK_FALSE(ctl.state().service.tomorrow);
    clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T07:30")));
    ctl.tick();
    CHECK(ctl.state().service.id == "breakfast");
    CHECK(ctl.state().service.openNow);
    CHECK_FALSE(ctl.state().service.tomorrow);
    clock.set(site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T23:16")));
    ctl.tick();
    CHECK(ctl.state().service.tomorrow);
    CHECK_FALSE(ctl.state().service.openNow);
    CHECK(ctl.state().service.id == "breakfast");  // tomorrow's earliest meal
}

TEST_CASE("an inactive elder's scan shows 没有登记 with the hint that the registration is stopped") {
    test::GuiFixture fx;
    std::string id = test::makeIdNumber("19420303", 31);
    REQUIRE(importRoster(*fx.site, "elder_id,name,id_number,active\nE9,赵桂英," + id + ",0\n", LocalDate::of(2026, 11, 25),
                         "2026-11-25T08:00:00+08:00", "test")
                ->added == 1);
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    ctl.apply(ScanCommand{id});
    REQUIRE(ctl.state().screen == ScreenId::Result);
    const ScanResult& r = *ctl.state().result;
    CHECK(r.outcome == Outcome::Unknown);
    CHECK(std::string(outcomeHint(r).zh) == "登记已停用，请找工作人员");
    CHECK(speaker.said.size() == 1);
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    CHECK(ui.layout.find("hint") != nullptr);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").empty());
}

TEST_CASE("更多 opens a page of big buttons, 设置 there opens the settings, and 更多 stays lit") {
    test::GuiFixture fx;
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32")));
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    KioskState st = ctl.state();
    HeadlessUi ui(st);
    // The tab asked for by a tap's commands (a staff command inside the command variant).
    auto tabOf = [](const std::vector<Command>& cs) -> std::optional<StaffTab> {
        for (const auto& c : cs)
            if (const auto* s = std::get_if<StaffCommand>(&c))
                if (const auto* t = std::get_if<ShowStaffTab>(s)) return t->tab;
        return std::nullopt;
    };
    auto cmds = ui.tap(st, "tab更多");
    REQUIRE(tabOf(cmds) == StaffTab::More);
    for (auto& c : cmds) ctl.apply(c);
    CHECK(ctl.state().staffTab == StaffTab::More);
    st.staffTab = StaffTab::More;
    cmds = ui.tap(st, "more设置");
    CHECK(tabOf(cmds) == StaffTab::Settings);
    CHECK(barTabOf(StaffTab::Settings) == StaffTab::More);
    CHECK(barTabOf(StaffTab::Donation) == StaffTab::More);
    CHECK(barTabOf(StaffTab::Roster) == StaffTab::Roster);
}

TEST_CASE("today's menu stands on the waiting screen and 听菜谱 asks for its sentence once per tap") {
    test::GuiFixture fx;  // 11:32 on 2026-11-25: lunch open, breakfast over
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "lunch", {"红烧豆腐", "青菜", "米饭"}, "test"}, fx.clock.nowUnix()).ok());
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "breakfast", {"小米粥", "馒头"}, "test"}, fx.clock.nowUnix()).ok());
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 26), "lunch", {"饺子"}, "test"}, fx.clock.nowUnix()).ok());  // tomorrow's: not shown
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    // The meal open now first, then the one already over today; not tomorrow's.
    REQUIRE(ctl.state().todayMenu.size() == 2);
    CHECK(ctl.state().todayMenu[0].serviceId == "lunch");
    CHECK(ctl.state().todayMenu[1].serviceId == "breakfast");
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    const DrawnRect* title = ui.layout.find("menu-line0");
    REQUIRE(title != nullptr);
    CHECK(ui.layout.find("menu-line1") != nullptr);
    CHECK(ui.layout.find("please-scan") != nullptr);
    for (int tap = 1; tap <= 2; ++tap) {
        auto cmds = ui.tap(ctl.state(), "read-menu");
        CHECK(countOf<ReadMenu>(cmds) == 1);
        CHECK(cmds.size() == 1);
        for (auto& c : cmds) ctl.apply(c);
        REQUIRE(speaker.menus.size() == std::size_t(tap));
    }
    CHECK(speaker.menus[0] == "今天午餐：红烧豆腐、青菜、米饭。今天早餐：小米粥、馒头");
    CHECK(speaker.said.empty());  // no result phrase: only the menu
}

TEST_CASE("the menu reads as 今天午餐：红烧豆腐、青菜、米饭, and one set later appears within the minute") {
    test::GuiFixture fx;
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    CHECK(ctl.state().todayMenu.empty());
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "lunch", {"红烧豆腐", "青菜", "米饭"}, "test"}, fx.clock.nowUnix()).ok());
    fx.clock.advance(60);
    ctl.tick();
    REQUIRE(ctl.state().todayMenu.size() == 1);
    ctl.apply(ReadMenu{});
    REQUIRE(speaker.menus.size() == 1);
    CHECK(speaker.menus[0] == "今天午餐：红烧豆腐、青菜、米饭");
    // Cleared (an empty list): gone at the next minute, and a stray ReadMenu says nothing.
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "lunch", {}, "test"}, fx.clock.nowUnix()).ok());
    fx.clock.advance(60);
    ctl.tick();
    CHECK(ctl.state().todayMenu.empty());
    ctl.apply(ReadMenu{});
    CHECK(speaker.menus.size() == 1);
}

TEST_CASE("no menu today: no 听菜谱 button, and the waiting screen keeps its date, service line and hint") {
    test::GuiFixture fx;
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 24), "lunch", {"红烧豆腐"}, "test"}, fx.clock.nowUnix()).ok());  // yesterday's
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    CHECK(ctl.state().todayMenu.empty());
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    CHECK(ui.layout.find("button:read-menu") == nullptr);
    CHECK(ui.layout.find("menu-line0") == nullptr);
    CHECK(ui.layout.find("date:digits") != nullptr);
    CHECK(ui.layout.find("service") != nullptr);
    CHECK(ui.layout.find("hint") != nullptr);
    ctl.apply(ReadMenu{});
    CHECK(speaker.menus.empty());
}

namespace {
// The staff screens open on a site where `menu set` has typed three dishes once.
struct MenuPageFixture {
    test::GuiFixture fx;
    KioskController ctl{*fx.site, fx.clock};
    MenuPageFixture() {
        REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 20), "lunch", splitDishes("红烧豆腐,青菜,米饭"), "cli"}, fx.clock.nowUnix()).ok());
        test::enterStaff(ctl);
    }
    void tapAndApply(HeadlessUi& ui, const std::string& target) {
        for (auto& c : ui.tap(ctl.state(), target)) ctl.apply(c);
    }
};
}  // namespace

TEST_CASE("本周菜谱: pick a day's lunch, add two dishes, 保存 and confirm: menuOfDay gives those dishes in that order") {
    MenuPageFixture m;
    HeadlessUi ui(m.ctl.state(), Metrics::of(1080, 1920, 21.5));  // the week's first rows without scrolling
    m.tapAndApply(ui, "tab更多");
    m.tapAndApply(ui, "more本周菜谱");
    REQUIRE(m.ctl.state().staffTab == StaffTab::Menu);
    CHECK(barTabOf(StaffTab::Menu) == StaffTab::More);
    // Today's week (Monday 23 November), the site's dish list offered.
    CHECK(m.ctl.state().menuWeek.monday == LocalDate::of(2026, 11, 23));
    CHECK(m.ctl.state().menuWeek.known.size() == 3);
    m.tapAndApply(ui, "menu-cell2026-11-23 lunch");
    REQUIRE(m.ctl.state().menuWeek.editing);
    m.tapAndApply(ui, "menu-dish米饭");
    m.tapAndApply(ui, "menu-dish红烧豆腐");
    CHECK(m.ctl.state().menuWeek.picked == std::vector<std::string>{"米饭", "红烧豆腐"});
    m.tapAndApply(ui, "menu-save保存");
    REQUIRE(m.ctl.state().confirming.has_value());
    CHECK(menuOfDay(m.fx.site->db(), LocalDate::of(2026, 11, 23)).empty());  // asked, not yet written
    m.tapAndApply(ui, "confirm");
    CHECK_FALSE(m.ctl.state().confirming.has_value());
    auto day = menuOfDay(m.fx.site->db(), LocalDate::of(2026, 11, 23));
    CHECK(day["lunch"] == std::vector<std::string>{"米饭", "红烧豆腐"});
    // The week shows it, and the same entry `menu set` writes is in the audit log.
    CHECK(m.ctl.state().menuWeek.days[0].at("lunch") == std::vector<std::string>{"米饭", "红烧豆腐"});
    CHECK_FALSE(m.ctl.state().menuWeek.editing);
    bool audited = false;
    for (const auto& e : AuditLog(m.fx.site->db()).recent(50))
        audited = audited || (e.action == "menu.set" && e.subject == "2026-11-23 lunch" && e.actor == "staff-screen");
    CHECK(audited);
}

TEST_CASE("本周菜谱: two taps on 保存 without the confirmation change nothing, and 取消 keeps the menu as it was") {
    MenuPageFixture m;
    m.ctl.apply(ShowStaffTab{StaffTab::Menu});
    HeadlessUi ui(m.ctl.state(), Metrics::of(1080, 1920, 21.5));
    m.tapAndApply(ui, "menu-cell2026-11-23 lunch");
    m.tapAndApply(ui, "menu-dish青菜");
    m.tapAndApply(ui, "menu-save保存");
    REQUIRE(m.ctl.state().confirming.has_value());
    // A second stray tap where 保存 was: the confirm button is elsewhere.
    {
        ui.frame(m.ctl.state());
        for (auto& c : ui.frame(m.ctl.state(), {200, 300}, true)) m.ctl.apply(c);
        for (auto& c : ui.frame(m.ctl.state(), {200, 300}, false)) m.ctl.apply(c);
    }
    CHECK(menuOfDay(m.fx.site->db(), LocalDate::of(2026, 11, 23)).empty());
    m.ctl.apply(CancelStaffAction{});
    CHECK(menuOfDay(m.fx.site->db(), LocalDate::of(2026, 11, 23)).empty());
    // 上一周 / 下一周 page the week.
    m.ctl.apply(MenuEditDone{});
    m.ctl.apply(MenuWeekStep{-1});
    CHECK(m.ctl.state().menuWeek.monday == LocalDate::of(2026, 11, 16));
    CHECK(m.ctl.state().menuWeek.days[4].at("lunch") == std::vector<std::string>{"红烧豆腐", "青菜", "米饭"});  // Friday 20th
    m.ctl.apply(MenuWeekStep{1});
    CHECK(m.ctl.state().menuWeek.monday == LocalDate::of(2026, 11, 23));
}

TEST_CASE("a menu saved on 本周菜谱 for today stands on the waiting screen at once") {
    MenuPageFixture m;
    m.ctl.apply(ShowStaffTab{StaffTab::Menu});
    m.ctl.apply(MenuEdit{LocalDate::of(2026, 11, 25), "lunch"});
    m.ctl.apply(MenuToggleDish{"青菜"});
    m.ctl.apply(MenuSave{});
    m.ctl.apply(ConfirmStaffAction{});
    REQUIRE(m.ctl.state().todayMenu.size() == 1);
    CHECK(m.ctl.state().todayMenu[0].dishes == std::vector<std::string>{"青菜"});
}

TEST_CASE("a long menu stays inside a 7-inch waiting screen: lines that do not fit are left out, not cut") {
    test::GuiFixture fx;
    std::vector<std::string> dishes{"红烧豆腐", "西红柿炒鸡蛋", "清炒时令青菜", "白菜炖粉条", "蒸鸡蛋羹", "米饭",
                                    "小米粥", "馒头", "拌黄瓜", "冬瓜排骨汤", "鱼香肉丝", "土豆丝"};
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "lunch", dishes, "test"}, fx.clock.nowUnix()).ok());
    KioskController ctl(*fx.site, fx.clock);
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    const DrawnRect* button = ui.layout.find("button:read-menu");
    REQUIRE(button != nullptr);
    int lines = 0;
    for (const auto& t : ui.layout.texts)
        if (t.what.rfind("menu-line", 0) == 0 && t.what.find(':') == std::string::npos) {
            ++lines;
            INFO(t.what);
            CHECK(t.max.y <= 600 + 1);
            CHECK(t.max.x <= button->min.x);  // clear of 听菜谱
        }
    CHECK(lines >= 3);  // the title and at least two lines of dishes
}

TEST_CASE("今日核对 on 更多 lists the day's items in plain lines, 处理好了 asks first and then marks the item handled in the review") {
    test::GuiFixture fx;
    CheckInEngine engine(*fx.site, fx.clock);
    const auto at = [](const char* hhmm) { return LocalDateTime::parse(std::string("2026-11-25T") + hhmm); };
    // A paper tick entered from the power-cut sheet, and a plain backdated scan of an ID card.
    auto paper = engine.checkInManually(ElderId("E0001"), ServiceId("lunch"), at("11:10"), false, "test", true);
    REQUIRE(paper.ok());
    REQUIRE(paper->accepted());
    auto late = engine.scan(ScanRequest{fx.idFree, ServiceId("lunch"), at("11:20")});
    REQUIRE(late.ok());
    REQUIRE(late->accepted());

    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    KioskState st = ctl.state();
    HeadlessUi ui(st);
    auto applyAll = [&](const std::vector<Command>& cs) {
        for (const auto& c : cs) ctl.apply(c);
        st = ctl.state();
    };
    applyAll(ui.tap(st, "tab更多"));
    applyAll(ui.tap(st, "more今日核对"));
    REQUIRE(st.staffTab == StaffTab::Review);
    CHECK(barTabOf(StaffTab::Review) == StaffTab::More);
    REQUIRE(st.review.lines.size() == 2);
    CHECK(st.review.lines[0].text == "张*兰 午餐 纸质补录 11:10");
    CHECK(st.review.lines[1].text == "王*国 午餐 补录 11:20");
    CHECK_FALSE(st.review.lines[0].handled);

    auto review = [&] {
        auto r = test::kiosk({"review", "--site", fx.dir.path().string(), "--date", "2026-11-25"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out)["items"];
    };
    // One tap asks, naming the item; 取消 changes nothing.
    auto cmds = ui.tap(st, "review-handle0");
    REQUIRE(countOf<StaffCommand>(cmds) == 1);
    applyAll(cmds);
    REQUIRE(st.confirming);
    CHECK(st.confirming->lines[0] == "张*兰 午餐 纸质补录 11:10");
    applyAll(ui.tap(st, "confirm-cancel"));
    CHECK_FALSE(st.confirming);
    CHECK(review()[0]["handled"] == false);

    applyAll(ui.tap(st, "review-handle0"));
    REQUIRE(st.confirming);
    applyAll(ui.tap(st, "confirm"));
    CHECK_FALSE(st.confirming);
    CHECK(st.staffMessage == "已标记处理好了");
    CHECK(st.review.lines[0].handled);
    CHECK_FALSE(st.review.lines[1].handled);
    // The same use case as `review --handle`: the review says so, audited under the staff screen's name.
    auto items = review();
    CHECK(items[0]["handled"] == true);
    CHECK(items[0]["label"] == "纸质补录");
    CHECK(items[1]["handled"] == false);
    bool audited = false;
    for (const auto& e : AuditLog(fx.site->db()).recent(20))
        audited = audited || (e.action == "review.handled" && e.actor == "staff-screen" && e.subject == items[0]["id"].get<std::string>());
    CHECK(audited);
    // A handled item has no 处理好了 any more; the other one still does.
    ui.frame(st);
    CHECK_FALSE(ui.layout.find("button:review-handle0"));
    CHECK(ui.layout.find("button:review-handle1"));
}

TEST_CASE("where the door takes several services the waiting screen names them all, and today's menu gives way") {
    test::GuiFixture fx;  // 11:32 on 2026-11-25: lunch open
    REQUIRE(setMenu(*fx.site, {LocalDate::of(2026, 11, 25), "lunch", {"红烧豆腐", "青菜"}, "test"}, fx.clock.nowUnix()).ok());
    CountingSpeaker speaker;
    KioskController ctl(*fx.site, fx.clock, &speaker);
    REQUIRE(ctl.state().todayMenu.size() == 1);
    HeadlessUi ui(ctl.state());
    ui.frame(ctl.state());
    CHECK(ui.layout.find("menu-line0") != nullptr);  // one meal at the door: the menu says which
    // 助医 and 书法班 both open at the door (the demo at 16:10): the elder sees both, not a meal's menu.
    KioskState st = ctl.state();
    st.doorServices = {{"health", "助医", "08:00–17:00"}, {"calligraphy", "书法班", "14:00–16:00"}};
    ui.frame(st);
    CHECK(ui.layout.find("menu-line0") == nullptr);
    CHECK(ui.layout.find("service") != nullptr);
    CHECK(ui.layout.find("date:digits") != nullptr);
}

TEST_CASE("补录纸质名单 on the 补签 tab: the paper's service and time, asked first, recorded as 纸质补录 at the paper's time") {
    test::GuiFixture fx;  // 11:32 on 2026-11-25
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Manual});
    KioskState st = ctl.state();
    HeadlessUi ui(st);
    for (const auto& c : ui.tap(st, "paper-toggle")) ctl.apply(c);
    REQUIRE(ctl.state().paper.on);
    ctl.apply(PickPaperService{"lunch"});
    // No time picked yet: tapping the elder asks nothing and says what is missing.
    ctl.apply(ManualCheckIn{"E0001"});
    CHECK_FALSE(ctl.state().confirming);
    CHECK(ctl.state().staffMessageIsProblem);
    // A time after now is refused (the paper cannot be ahead of the clock).
    ctl.apply(PickPaperTime{13, 0});
    ctl.apply(ManualCheckIn{"E0001"});
    CHECK_FALSE(ctl.state().confirming);
    ctl.apply(PickPaperTime{11, 10});
    ctl.apply(ManualCheckIn{"E0001"});
    REQUIRE(ctl.state().confirming);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").empty());  // asked, not yet done
    ctl.apply(ConfirmStaffAction{});
    CHECK_FALSE(ctl.state().staffMessageIsProblem);
    auto r = test::kiosk({"review", "--site", fx.dir.path().string(), "--date", "2026-11-25"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    auto items = nlohmann::json::parse(r.out)["items"];
    REQUIRE(items.size() == 1);
    CHECK(items[0]["kind"] == "backdated");
    CHECK(items[0]["label"] == "纸质补录");
    CHECK(items[0]["at"].get<std::string>().find("T11:10") != std::string::npos);
    // Leaving the tab ends the paper mode: the next 补签 is a plain one.
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    ctl.apply(ShowStaffTab{StaffTab::Manual});
    CHECK_FALSE(ctl.state().paper.on);
}

// 访客/职工/志愿者 and 送餐 on the 更多 page (contract 12), tapped through headless ImGui frames and
// the controller as a finger would: the meals go through the same use case as `kiosk meal`, at the
// service's own price, into the tally's `others` only; a driver's outcome through the same use case
// as `kiosk delivery`; 记录, 作废 and an outcome ask first.
#include <doctest/doctest.h>

#include <string>

#include "gui/gui_fixture.hpp"
#include "gui/headless_ui.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/staff_layout.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/eats/delivery_outcomes.hpp"
#include "shared/eats/other_meals.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/reports/day_tally.hpp"

using namespace mh;
using namespace mh::ui;
using mh::test::HeadlessUi;

namespace {

// The standard site with lunch at 10 元 for elders and its own prices for guests and volunteers.
std::string pricedToml() {
    std::string toml = test::standardToml();
    const std::string lunch = "price_fen = 1000\n";
    auto at = toml.find(lunch);
    REQUIRE(at != std::string::npos);
    toml.insert(at + lunch.size(), "guest_price_fen = 1500\nvolunteer_price_fen = 0\n");
    return toml;
}

struct Fixture {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path(), pricedToml());
    FakeClock clock{site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32"))};  // lunch is open
};

// A tall portrait panel (a 27" screen on its side), so the whole page is on screen without
// scrolling (the pixel tests measure the 7" panel).
Metrics tallPanel() { return Metrics::of(1080, 1920, 27.0); }

void logInToOthers(KioskController& ctl) {
    test::enterStaff(ctl);
}

const ServiceTally& lunchOf(const DailyTally& t) {
    for (const auto& s : t.services)
        if (s.id.str() == "lunch") return s;
    FAIL("no lunch in the tally");
    return t.services.front();
}

}  // namespace

TEST_CASE("访客 tapped through 更多: three guest meals at the lunch's guest price reach the tally's others, never its count") {
    Fixture fx;
    KioskController ctl(*fx.site, fx.clock);
    logInToOthers(ctl);
    HeadlessUi ui(ctl.state(), tallPanel());
    ui.tap(ctl, "tab更多");
    REQUIRE(ctl.state().staffTab == StaffTab::More);
    ui.tap(ctl, "more访客/职工/志愿者");
    REQUIRE(ctl.state().staffTab == StaffTab::Others);
    CHECK(barTabOf(StaffTab::Others) == StaffTab::More);
    // Only lunch is open at 11:32, so it is picked already.
    CHECK(ctl.state().others.serviceId == "lunch");
    ui.tap(ctl, "others-kind访客");
    CHECK(ctl.state().others.kind == "guest");
    ui.tap(ctl, "others-pad删除");
    ui.tap(ctl, "others-pad3");
    CHECK(ctl.state().others.count == "3");
    CHECK(ctl.state().others.price == "单价 15 元，共 45.00 元");

    ui.tap(ctl, "others-save记录");
    REQUIRE(ctl.state().confirming);
    CHECK(ctl.state().confirming->lines.front().find("访客") != std::string::npos);
    CHECK(otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25)).empty());
    ui.tap(ctl, "confirm");
    CHECK_FALSE(ctl.state().staffMessageIsProblem);
    auto meals = otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25));
    REQUIRE(meals.size() == 1);
    CHECK(meals[0].kind == "guest");
    CHECK(meals[0].count == 3);
    CHECK(meals[0].paidFen == 4500_fen);
    REQUIRE(ctl.state().others.today.size() == 1);

    DailyTally t = tallyOfDay(*fx.site, LocalDate::of(2026, 11, 25), "2026-11-25T20:00:00+08:00");
    const ServiceTally& lunch = lunchOf(t);
    REQUIRE(lunch.others.count("guest") == 1);
    CHECK(lunch.others.at("guest").count == 3);
    CHECK(lunch.others.at("guest").paidFen == 4500_fen);
    CHECK(lunch.count == 0);
    CHECK(t.records.empty());
}

TEST_CASE("stray taps on 访客/职工/志愿者 record nothing: 记录 asks, a second tap there does not confirm, 取消 drops it") {
    Fixture fx;
    KioskController ctl(*fx.site, fx.clock);
    logInToOthers(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Others});
    HeadlessUi ui(ctl.state(), tallPanel());
    // 记录 with nothing picked: told what is missing, nothing asked.
    ui.tap(ctl, "others-save记录");
    CHECK_FALSE(ctl.state().confirming);
    CHECK(ctl.state().staffMessageIsProblem);
    ui.tap(ctl, "others-kind职工");
    ImVec2 save = ui.tap(ctl, "others-save记录");
    REQUIRE(ctl.state().confirming);
    // The same spot tapped again, as a double tap would: the question's confirm is not there.
    for (auto& cmd : ui.tapAt(ctl.state(), save)) ctl.apply(cmd);
    CHECK(otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25)).empty());
    if (ctl.state().confirming) ui.tap(ctl, "confirm-cancel");
    CHECK_FALSE(ctl.state().confirming);
    CHECK(otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25)).empty());
}

TEST_CASE("a volunteer's meal needs a name picked and hours on the pad, and is voided through 作废 with a reason, asked first") {
    Fixture fx;
    // The volunteer's name typed once, on the command line's use case.
    REQUIRE(recordOtherMeal(*fx.site, fx.clock, {"lunch", "volunteer", 1, "刘芳", 2.0, std::nullopt}).ok());
    KioskController ctl(*fx.site, fx.clock);
    logInToOthers(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Others});
    HeadlessUi ui(ctl.state(), tallPanel());
    ui.tap(ctl, "others-kind志愿者");
    REQUIRE(ctl.state().others.volunteers == std::vector<std::string>{"刘芳"});
    ui.tap(ctl, "others-save记录");
    CHECK(ctl.state().staffMessage == "先点是哪位志愿者");
    ui.tap(ctl, "others-name刘芳");
    ui.tap(ctl, "others-save记录");
    CHECK(ctl.state().staffMessage == "先在数字键上输入志愿者服务了几小时");
    CHECK_FALSE(ctl.state().confirming);
    ui.tap(ctl, "others-pad-for服务时长： 小时");
    for (const char* k : {"3", ".", "5"}) ui.tap(ctl, std::string("others-pad") + k);
    CHECK(ctl.state().others.hours == "3.5");
    ui.tap(ctl, "others-save记录");
    REQUIRE(ctl.state().confirming);
    ui.tap(ctl, "confirm");
    auto meals = otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25));
    REQUIRE(meals.size() == 2);
    CHECK(meals[1].name == "刘芳");
    CHECK(meals[1].minutes == 210);
    CHECK(meals[1].paidFen == 0_fen);

    // 作废 the first: a reason, then asked; only 确认作废 voids it.
    const std::int64_t first = meals[0].mealId;
    ui.tap(ctl, "others-void" + std::to_string(first));
    REQUIRE(ctl.state().voiding == first);
    ui.tap(ctl, "reason" + otherMealVoidReasons()[1]);
    REQUIRE(ctl.state().confirming);
    CHECK_FALSE(otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25))[0].voided);
    ui.tap(ctl, "confirm");
    CHECK(otherMealsOfDay(*fx.site, LocalDate::of(2026, 11, 25))[0].voided);
    DailyTally t = tallyOfDay(*fx.site, LocalDate::of(2026, 11, 25), "2026-11-25T20:00:00+08:00");
    REQUIRE(lunchOf(t).others.count("volunteer") == 1);
    CHECK(lunchOf(t).others.at("volunteer").count == 1);
}

TEST_CASE("送餐 tapped through 更多: 不在家 asks first, then voids the meal and puts the elder on the day's alerts with the phone") {
    Fixture fx;
    const LocalDate day = LocalDate::of(2026, 11, 25);
    const std::string id = test::makeIdNumber("19400101", 12);
    REQUIRE(importRoster(*fx.site, "elder_id,name,id_number,categories,village,phone\nE1,张桂兰," + id + ",dibao,北关村,13800000001\n", day,
                         "2026-11-25T08:00:00+08:00", "test")
                .ok());
    auto meal = CheckInEngine(*fx.site, fx.clock).scan(ScanRequest{id, ServiceId("lunch"), std::nullopt, /*delivered=*/true});
    REQUIRE(meal.ok());
    REQUIRE(meal->accepted());
    const std::int64_t recordId = *meal->recordId;

    KioskController ctl(*fx.site, fx.clock);
    logInToOthers(ctl);
    HeadlessUi ui(ctl.state(), tallPanel());
    ui.tap(ctl, "tab更多");
    ui.tap(ctl, "more送餐");
    REQUIRE(ctl.state().staffTab == StaffTab::Delivery);
    REQUIRE(ctl.state().delivery.stops.size() == 1);
    CHECK(ctl.state().delivery.stops[0].text.find("张*兰") != std::string::npos);
    CHECK(ctl.state().delivery.stops[0].text.find("13800000001") != std::string::npos);
    CHECK(ctl.state().delivery.alerts.empty());

    ui.tap(ctl, "delivery" + std::to_string(recordId) + "不在家");
    REQUIRE(ctl.state().confirming);
    CHECK_FALSE(CheckinStore(fx.site->db()).byId(recordId)->voided);
    ui.tap(ctl, "confirm-cancel");
    CHECK_FALSE(CheckinStore(fx.site->db()).byId(recordId)->voided);
    CHECK(deliveryAlerts(*fx.site, day).empty());

    ui.tap(ctl, "delivery" + std::to_string(recordId) + "不在家");
    ui.tap(ctl, "confirm");
    CHECK_FALSE(ctl.state().staffMessageIsProblem);
    CHECK(CheckinStore(fx.site->db()).byId(recordId)->voided);
    auto alerts = deliveryAlerts(*fx.site, day);
    REQUIRE(alerts.size() == 1);
    CHECK(alerts[0].name == "张桂兰");
    CHECK(alerts[0].phone == "13800000001");
    CHECK(alerts[0].outcome == "not_home");
    CHECK(alerts[0].by == "staff-screen");
    // The page shows it: the meal gone from the list, the elder on the alerts.
    CHECK(ctl.state().delivery.stops.empty());
    REQUIRE(ctl.state().delivery.alerts.size() == 1);
    CHECK(ctl.state().delivery.alerts[0].text.find("13800000001") != std::string::npos);
    // Out of the tally's count.
    CHECK(lunchOf(tallyOfDay(*fx.site, day, "2026-11-25T20:00:00+08:00")).count == 0);
}

TEST_CASE("送餐: a driver's concern note stays on the alerts until 已处理 is tapped and confirmed") {
    Fixture fx;
    const LocalDate day = LocalDate::of(2026, 11, 25);
    const std::string id = test::makeIdNumber("19400101", 12);
    REQUIRE(importRoster(*fx.site, "elder_id,name,id_number,categories,village,phone\nE1,张桂兰," + id + ",dibao,北关村,13800000001\n", day,
                         "2026-11-25T08:00:00+08:00", "test")
                .ok());
    auto meal = CheckInEngine(*fx.site, fx.clock).scan(ScanRequest{id, ServiceId("lunch"), std::nullopt, /*delivered=*/true});
    REQUIRE(meal.ok());
    // The driver, back at the hall, on the command line's use case: delivered, with a note.
    auto outcome = recordDelivery(*fx.site, fx.clock, DeliveryRequest{*meal->recordId, "delivered", "李师傅", "腿肿了", std::nullopt});
    REQUIRE(outcome.ok());

    KioskController ctl(*fx.site, fx.clock);
    logInToOthers(ctl);
    ctl.apply(ShowStaffTab{StaffTab::Delivery});
    REQUIRE(ctl.state().delivery.alerts.size() == 1);
    CHECK(ctl.state().delivery.alerts[0].text.find("腿肿了") != std::string::npos);
    CHECK(ctl.state().delivery.stops[0].outcome == "已送到");
    HeadlessUi ui(ctl.state(), tallPanel());
    const std::string handled = "delivery-handled" + std::to_string(outcome->outcomeId) + "已处理";
    ui.tap(ctl, handled);
    REQUIRE(ctl.state().confirming);
    ui.tap(ctl, "confirm-cancel");
    CHECK(deliveryAlerts(*fx.site, day).size() == 1);
    ui.tap(ctl, handled);
    ui.tap(ctl, "confirm");
    CHECK(deliveryAlerts(*fx.site, day).empty());
    CHECK(ctl.state().delivery.alerts.empty());
}

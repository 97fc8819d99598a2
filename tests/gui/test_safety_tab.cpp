// The staff screen's 安全检查 tab (contract 14), through the controller as the screen drives it: what
// is overdue opens first behind the PIN, a check in a few taps is recorded through the same use case
// as `safety add`, and a refusal is shown in plain words with nothing recorded.
#include <doctest/doctest.h>

#include "gui/gui_fixture.hpp"
#include "gui/headless_ui.hpp"
#include "kiosk/render/screenshot.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/safety/safety_book.hpp"

using namespace mh;
using namespace mh::ui;

TEST_CASE("behind the PIN the overdue checks stand first, and a daily check in a few taps is recorded") {
    test::GuiFixture fx;  // 11:32: the 晨检 and the daily check were due by breakfast, 07:00
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    const KioskState& st = ctl.state();
    CHECK(st.staffTab == StaffTab::Safety);
    REQUIRE_FALSE(st.safetyDue.empty());
    CHECK(st.safetyDue.front().state == SafetyDueLine::State::Overdue);
    // One short line each (a 7" panel's 80 mm): 过期：晨检 07:00前.
    CHECK(st.safetyDue.front().text.find("过期：") == 0);
    INFO(st.safetyDue.front().text);
    CHECK(st.safetyDue.front().text.find(":00前") != std::string::npos);
    REQUIRE_FALSE(st.safetyPeople.empty());

    ctl.apply(StaffCommand{SafetyPickKind{"daily"}});
    // Nobody picked yet: refused in words, nothing written.
    ctl.apply(StaffCommand{SafetySave{}});
    CHECK(st.staffMessage == "先点是谁检查的");
    CHECK(st.staffMessageIsProblem);
    ctl.apply(StaffCommand{SafetyPickBy{st.safetyPeople.front()}});
    ctl.apply(StaffCommand{SafetySetField{"electric", "ok"}});
    ctl.apply(StaffCommand{SafetySetField{"gas", "ok"}});
    // A field left out is named.
    ctl.apply(StaffCommand{SafetySave{}});
    CHECK(st.staffMessage.find("食品") != std::string::npos);
    CHECK(st.staffMessageIsProblem);
    CHECK(safetyChecks(fx.site->db()).empty());
    ctl.apply(StaffCommand{SafetySetField{"food", "problem"}});
    ctl.apply(StaffCommand{SafetySave{}});
    CHECK(st.staffMessage == "已记下：每日用电用气食品检查");
    CHECK_FALSE(st.staffMessageIsProblem);
    auto book = safetyChecks(fx.site->db());
    REQUIRE(book.size() == 1);
    CHECK(book[0].kind == SafetyKind::Daily);
    CHECK(book[0].by == st.safetyPeople.front());
    CHECK(book[0].field("food") == "problem");
    // Done today now, and the form is ready for the next check with the same worker.
    bool done = false;
    for (const auto& l : st.safetyDue) done = done || (l.state == SafetyDueLine::State::Done && l.text.find("每日") != std::string::npos);
    CHECK(done);
    CHECK(st.safetyForm.kind.empty());
    CHECK(st.safetyForm.by == book[0].by);
}

TEST_CASE("a sample under 125 g typed on the pad is refused in plain words, 150 g is recorded") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    const KioskState& st = ctl.state();
    ctl.apply(StaffCommand{SafetyPickKind{"sample"}});
    ctl.apply(StaffCommand{SafetyPickBy{"厨师"}});
    ctl.apply(StaffCommand{SafetySetField{"meal", "lunch"}});
    ctl.apply(StaffCommand{SafetySetField{"dish", "红烧豆腐"}});
    for (const char* k : {"1", "0", "0"}) ctl.apply(StaffCommand{SafetyPadKey{k}});
    CHECK(st.safetyForm.field("grams") == "100");
    ctl.apply(StaffCommand{SafetySave{}});
    CHECK(st.staffMessageIsProblem);
    CHECK(st.staffMessage.find("不少于 125 克") != std::string::npos);
    CHECK(safetyChecks(fx.site->db()).empty());
    // 删除 twice and 50: 150 g.
    ctl.apply(StaffCommand{SafetyPadKey{"删除"}});
    ctl.apply(StaffCommand{SafetyPadKey{"删除"}});
    ctl.apply(StaffCommand{SafetyPadKey{"5"}});
    ctl.apply(StaffCommand{SafetyPadKey{"0"}});
    ctl.apply(StaffCommand{SafetyPadKey{"."}});  // grams are whole: no point
    CHECK(st.safetyForm.field("grams") == "150");
    ctl.apply(StaffCommand{SafetySave{}});
    CHECK_FALSE(st.staffMessageIsProblem);
    auto book = safetyChecks(fx.site->db());
    REQUIRE(book.size() == 1);
    CHECK(book[0].field("grams") == "150");
    CHECK(book[0].field("dish") == "红烧豆腐");
}

TEST_CASE("with nothing due within the hour the roster opens first, as before") {
    test::GuiFixture fx;
    // The site made at 05:00 today and the clock at 05:30: the 晨检 is due at 07:00.
    std::int64_t five = fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T05:00"));
    fx.site->db().exec("UPDATE terminal SET created_at = " + std::to_string(five));
    fx.clock.set(five + 1800);
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    CHECK(ctl.state().staffTab == StaffTab::Roster);
    ctl.apply(StaffCommand{ShowStaffTab{StaffTab::Safety}});
    REQUIRE_FALSE(ctl.state().safetyDue.empty());
    CHECK(ctl.state().safetyDue.front().state == SafetyDueLine::State::Due);
}

TEST_CASE("the 安全检查 screenshot at 7 and 10.1 inches: the kinds, the pad and 记下这次检查 on screen") {
    test::GuiFixture fx;
    for (auto [w, h, inch] : {std::tuple{1024, 600, 7.0}, std::tuple{1280, 800, 10.1}}) {
        render::ScreenshotOptions opt;
        opt.screen = "safety";
        opt.width = w;
        opt.height = h;
        opt.diagonalInch = inch;
        opt.at = LocalDateTime::parse("2026-11-25T11:32");
        auto shot = render::renderScreen(*fx.site, opt);
        REQUIRE(shot.ok());
        const auto& layout = (*shot)->layout;
        INFO(w << "x" << h);
        CHECK(layout.find("button:tab安全检查") != nullptr);
        CHECK(layout.find("button:safety-kind● 留样") != nullptr);
        CHECK(layout.find("button:pad5") != nullptr);
        CHECK(layout.find("button:safety-save记下这次检查") != nullptr);
    }
}

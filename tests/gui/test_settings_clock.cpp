// The settings tab's clock (contract 3): after a clock that ran fast is set right, the tab says so in
// red with a 时间已调对 button (then a confirmation) behind the PIN; pressing it lets the next scan through at once and
// lists the records written ahead of the corrected clock. A clock earlier than the site gets no button.
#include <doctest/doctest.h>

#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"
#include "gui/gui_fixture.hpp"

using namespace mh;
using namespace mh::ui;

namespace {
void openSettings(KioskController& ctl) {
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
}
std::int64_t at(const Site& site, const char* local) { return site.timeZone().toUnix(*LocalDateTime::parse(local)); }
}  // namespace

TEST_CASE("staff confirm a clock set right on the settings tab, and the next scan is accepted at once") {
    test::GuiFixture fx;
    fx.site->db().exec("UPDATE terminal SET created_at = " + std::to_string(at(*fx.site, "2026-11-25T08:00")));
    fx.clock.set(at(*fx.site, "2026-11-25T13:00"));  // two hours fast
    KioskController ctl(*fx.site, fx.clock);
    ctl.apply(ScanCommand{fx.idLow});
    REQUIRE(ctl.state().result->outcome == Outcome::Accepted);
    const std::int64_t ahead = *ctl.state().result->recordId;

    fx.clock.set(at(*fx.site, "2026-11-25T11:00"));  // set right
    ctl.apply(ScanCommand{fx.idFree});
    CHECK(ctl.state().result->outcome == Outcome::Closed);

    openSettings(ctl);
    CHECK(ctl.state().clockProblem.find("时钟") != std::string::npos);
    CHECK(ctl.state().clockConfirmable);
    CHECK(ctl.state().clockCorrected.empty());
    ctl.apply(StaffCommand{ConfirmClock{}});
    // Asked first, with the time the terminal shows now; nothing confirmed until staff say yes.
    REQUIRE(ctl.state().confirming);
    CHECK(ctl.state().confirming->lines[0].find("11:00") != std::string::npos);
    CHECK_FALSE(ctl.state().clockProblem.empty());
    ctl.apply(StaffCommand{ConfirmStaffAction{}});
    CHECK(ctl.state().clockProblem.empty());
    CHECK(ctl.state().staffMessage.find("已确认时间正确") != std::string::npos);
    REQUIRE(ctl.state().clockCorrected.size() == 1);
    CHECK(ctl.state().clockCorrected[0].find("记录号 " + std::to_string(ahead)) != std::string::npos);
    bool audited = false;
    for (auto& e : AuditLog(fx.site->db()).recent(20))
        audited |= e.action == "clock.confirm" && e.actor == "staff-screen";
    CHECK(audited);

    ctl.apply(CloseStaff{});
    ctl.apply(ScanCommand{fx.idFree});
    CHECK(ctl.state().result->outcome == Outcome::Accepted);
}

TEST_CASE("the confirm button is not there for a clock earlier than the site, nor behind a closed PIN") {
    test::GuiFixture fx;
    fx.site->db().exec("UPDATE terminal SET created_at = " + std::to_string(at(*fx.site, "2026-11-25T08:00")));
    fx.clock.set(at(*fx.site, "2026-11-24T11:00"));  // the day before the site was made
    KioskController ctl(*fx.site, fx.clock);
    ctl.apply(StaffCommand{ConfirmClock{}});  // no PIN: nothing happens
    auto count = [&] {
        auto st = fx.site->db().prepare("SELECT COUNT(*) FROM clock_confirmations");
        st.step();
        return st.i64(0);
    };
    CHECK(count() == 0);
    openSettings(ctl);
    CHECK_FALSE(ctl.state().clockProblem.empty());
    CHECK_FALSE(ctl.state().clockConfirmable);
    ctl.apply(StaffCommand{ConfirmClock{}});
    ctl.apply(StaffCommand{ConfirmStaffAction{}});
    CHECK(count() == 0);
    CHECK(ctl.state().staffMessage.find("早于本站建立") != std::string::npos);
}

// Every staff action on the kiosk's own screens lands in the audit log as "staff-screen": the PIN pad
// (right, wrong, the lockout, refused while locked), leaving, delivered mode, volume (kept across a restart), 立即上报, manual
// check-in and void. Driven through KioskController on a real temp site, read back with AuditLog.
#include <doctest/doctest.h>

#include "gui/gui_fixture.hpp"
#include "gui/headless_ui.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/metrics.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/kiosk_settings.hpp"
#include "support/fake_audio_cue.hpp"

using namespace mh;
using namespace mh::ui;

namespace {

// The entries written since `before` (ids above it), oldest first.
std::vector<AuditEntry> since(Site& site, std::int64_t before) {
    std::vector<AuditEntry> out;
    for (auto& e : AuditLog(site.db()).recent(1000))
        if (e.id > before) out.insert(out.begin(), e);
    return out;
}

std::int64_t lastId(Site& site) {
    auto r = AuditLog(site.db()).recent(1);
    return r.empty() ? 0 : r[0].id;
}

std::vector<std::string> actions(const std::vector<AuditEntry>& es) {
    std::vector<std::string> out;
    for (auto& e : es) out.push_back(e.action);
    return out;
}

void typePin(KioskController& ctl, const std::string& pin) {
    for (char d : pin) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
}


}  // namespace

TEST_CASE("the PIN pad audits a login, each wrong PIN, the lockout, a refusal while locked, and leaving") {
    test::GuiFixture fx;
    StaffPin pin(fx.site->db(), fx.clock);
    REQUIRE(pin.set("2468", "2026-11-25T08:00:00+08:00", "test").ok());
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker(staffPinChecker(pin));
    std::int64_t start = lastId(*fx.site);

    ctl.apply(OpenStaff{});
    for (int i = 0; i < StaffPin::kMaxFailures; ++i) typePin(ctl, "1357");
    typePin(ctl, "2468");  // right, but the pad is locked
    CHECK(ctl.state().screen == ScreenId::Pin);
    fx.clock.advance(StaffPin::kLockSeconds);
    typePin(ctl, "2468");
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    ctl.apply(CloseStaff{});

    auto log = since(*fx.site, start);
    CHECK(actions(log) == std::vector<std::string>{"staff.login.failed", "staff.login.failed", "staff.login.failed",
                                                   "staff.login.failed", "staff.login.locked", "staff.login.refused",
                                                   "staff.login", "staff.logout"});
    for (auto& e : log) {
        CHECK(e.actor == "staff-screen");
        // Neither the wrong digits nor the right ones are ever written down.
        CHECK(e.detail.find("1357") == std::string::npos);
        CHECK(e.detail.find("2468") == std::string::npos);
    }
    CHECK(log[0].at == "2026-11-25T11:32:00+08:00");
    CHECK(log[6].at == "2026-11-25T11:37:00+08:00");
}

TEST_CASE("with no PIN set the pad refuses and says so in the audit log") {
    test::GuiFixture fx;
    StaffPin pin(fx.site->db(), fx.clock);
    KioskController ctl(*fx.site, fx.clock);
    ctl.setPinChecker(staffPinChecker(pin));
    std::int64_t start = lastId(*fx.site);
    ctl.apply(OpenStaff{});
    typePin(ctl, "2468");
    CHECK(ctl.state().screen == ScreenId::Pin);
    auto log = since(*fx.site, start);
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "staff.login.refused");
    CHECK(log[0].detail == "no staff PIN set");
}

TEST_CASE("delivered mode, volume steps and 立即上报 on the staff screen are audited") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    int woken = 0;
    ctl.setOpsLink(OpsLink{[&woken] { ++woken; }, {}, {}, {}});
    test::enterStaff(ctl);
    std::int64_t start = lastId(*fx.site);

    ctl.apply(ToggleDelivered{});
    ctl.apply(ToggleDelivered{});
    ctl.apply(VolumeStep{+10});
    ctl.apply(VolumeStep{+10});
    ctl.apply(VolumeStep{+10});  // already at 100: no change, no entry
    ctl.apply(VolumeStep{-30});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
    ctl.apply(Command{OpsCommand{UploadNow{}}});
    CHECK(woken == 1);

    auto log = since(*fx.site, start);
    REQUIRE(actions(log) == std::vector<std::string>{"kiosk.delivered.on", "kiosk.delivered.off", "kiosk.volume",
                                                      "kiosk.volume", "kiosk.volume", "upload.now"});
    CHECK(log[2].detail == "80 -> 90");
    CHECK(log[3].detail == "90 -> 100");
    CHECK(log[4].detail == "100 -> 70");
    CHECK(log[5].detail == "uploader woken");
    for (auto& e : log) CHECK(e.actor == "staff-screen");
}

TEST_CASE("a manual check-in and its void from the staff screen are logged as staff-screen") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    std::int64_t start = lastId(*fx.site);
    ctl.apply(ShowStaffTab{StaffTab::Manual});
    ctl.apply(ManualCheckIn{"E0001"});
    ctl.apply(ConfirmStaffAction{});
    auto day = CheckinStore(fx.site->db()).forDay("2026-11-25");
    REQUIRE(day.size() == 1);
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    ctl.apply(StartVoid{day[0].recordId});
    ctl.apply(VoidWithReason{voidReasons()[0]});
    ctl.apply(ConfirmStaffAction{});
    auto log = since(*fx.site, start);
    REQUIRE(actions(log) == std::vector<std::string>{"checkin.manual", "checkin.void"});
    CHECK(log[0].actor == "staff-screen");
    CHECK(log[1].actor == "staff-screen");
}

TEST_CASE("the volume staff set is kept across a restart but delivered mode is not") {
    using VolumeSpeaker = test::FakeAudioCue;
    test::GuiFixture fx;
    {
        VolumeSpeaker speaker;
        KioskController ctl(*fx.site, fx.clock, &speaker);
        CHECK(ctl.state().volume == 80);  // a new site: the default
        CHECK(speaker.volume == 80);
        test::enterStaff(ctl);
        ctl.apply(VolumeStep{-10});
        ctl.apply(VolumeStep{-10});
        ctl.apply(ToggleDelivered{});
        REQUIRE(ctl.state().deliveredMode);
    }
    // A restart: the site opened again from its folder, a new controller and speaker.
    auto site = Site::open(fx.dir.path());
    REQUIRE(site.ok());
    VolumeSpeaker speaker;
    KioskController ctl(**site, fx.clock, &speaker);
    CHECK(ctl.state().volume == 60);
    CHECK(speaker.volume == 60);  // the speaker is told before anything is said
    CHECK_FALSE(ctl.state().deliveredMode);
}

TEST_CASE("a stored volume that is not a whole number in 0..100 falls back to the default") {
    test::GuiFixture fx;
    for (const char* bad : {"loud", "150", "-5", "70%", ""}) {
        KioskSettings(fx.site->db()).set(KioskSettings::kVolume, bad, "2026-11-25T08:00:00+08:00");
        KioskController ctl(*fx.site, fx.clock);
        CHECK_MESSAGE(ctl.state().volume == 80, bad);
    }
    KioskSettings(fx.site->db()).set(KioskSettings::kVolume, "30", "2026-11-25T08:00:00+08:00");
    CHECK(KioskController(*fx.site, fx.clock).state().volume == 30);
}

TEST_CASE("the panel size staff pick is kept across a restart, audited, and used where site.toml gives none") {
    test::GuiFixture fx;
    {
        KioskController ctl(*fx.site, fx.clock);
        CHECK(ctl.state().pickedDiagonalInch == 0);
        test::enterStaff(ctl);
        std::int64_t before = lastId(*fx.site);
        ctl.apply(PickDiagonal{7.0});
        ctl.apply(PickDiagonal{7.0});  // the same size again changes nothing
        auto es = since(*fx.site, before);
        REQUIRE(es.size() == 1);
        CHECK(es[0].action == "kiosk.diagonal");
        CHECK(es[0].detail == "0 -> 7");
        CHECK(es[0].actor == "staff-screen");
    }
    KioskController again(*fx.site, fx.clock);
    CHECK(again.state().pickedDiagonalInch == 7.0);
    CHECK(KioskSettings(fx.site->db()).get(KioskSettings::kDiagonal) == std::optional<std::string>("7"));

    // site.toml first, then the staff pick, then the panel's EDID, then a real DPI; 96 dpi from X is no answer.
    bool known = false;
    CHECK(Metrics::choose(1024, 600, 10.1, 7.0, 15.6, 0, &known).pxPerMm == Metrics::of(1024, 600, 10.1).pxPerMm);
    CHECK(Metrics::choose(1024, 600, 0, 7.0, 15.6, 0, &known).pxPerMm == Metrics::of(1024, 600, 7.0).pxPerMm);
    CHECK(known);
    CHECK(Metrics::choose(1024, 600, 0, 0, 15.6, 0, &known).pxPerMm == Metrics::of(1024, 600, 15.6).pxPerMm);
    Metrics::choose(1024, 600, 0, 0, 0, 96.0f, &known);
    CHECK_FALSE(known);
    Metrics::choose(1024, 600, 0, 0, 0, 170.0f, &known);
    CHECK(known);
}

TEST_CASE("a staff screen left alone is logged out in the audit log, as leaving it is") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    test::enterStaff(ctl);
    std::int64_t before = lastId(*fx.site);
    fx.clock.advance(KioskController::kStaffIdleSeconds);
    ctl.tick();
    CHECK(actions(since(*fx.site, before)) == std::vector<std::string>{"staff.logout"});
}

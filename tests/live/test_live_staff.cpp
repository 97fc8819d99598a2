// The staff screens through the kiosk's own event loop (KioskLoop in SDL's offscreen driver), touched
// as a finger does: SDL mouse events pushed into the queue (SDL turns a touch panel's touches into
// these), frames drawn, taps found on the drawn layout. Issue 23: two stray taps voided a meal, the
// roster could not be dragged, and the staff screens closed while someone scrolled.
#include <doctest/doctest.h>

#include <SDL.h>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/reports/day_tally.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/checkin_store.hpp"

using namespace mh;

namespace {

// The kiosk's window, controller and loop at 7" with staff logged in on the roster.
struct LiveStaff {
    test::GuiFixture& fx;
    ui::ImGuiSession session;
    platform::SdlWindow win{"test", 1024, 600};
    ui::KioskController ctl{*fx.site, fx.clock};
    gui::KioskLoop loop{win, ctl, 7.0, {}};

    explicit LiveStaff(test::GuiFixture& f) : fx(f) {
        REQUIRE(std::string(SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "") == "offscreen");
        ctl.setPinChecker([](const std::string&) { return std::string(); });
        ctl.apply(ui::OpenStaff{});
        ctl.apply(ui::PinSubmit{});
        REQUIRE(ctl.state().screen == ui::ScreenId::Roster);
        // 11:32 with no 晨检 recorded: the 安全检查 tab opens first (contract 14); these tests are about the roster.
        CHECK(ctl.state().staffTab == ui::StaffTab::Safety);
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Roster});
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        REQUIRE(SDL_PushEvent(&wake) == 1);
        settle();
    }
    // Lets the loop take what was pushed and draw until nothing more is due.
    void settle() {
        for (int i = 0; i < 5; ++i) loop.step(5);
    }
    void push(SDL_Event e) { REQUIRE(SDL_PushEvent(&e) == 1); }
    void motion(ImVec2 at, bool held) {
        SDL_Event e{};
        e.type = SDL_MOUSEMOTION;
        e.motion.x = int(at.x), e.motion.y = int(at.y);
        e.motion.state = held ? SDL_BUTTON_LMASK : 0;
        push(e);
    }
    void button(ImVec2 at, bool down) {
        SDL_Event e{};
        e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = int(at.x), e.button.y = int(at.y);
        push(e);
    }
    void tap(ImVec2 at) {
        motion(at, false);
        button(at, true);
        settle();
        button(at, false);
        settle();
    }
    // A finger put down at `from`, moved to `to` in a few steps, lifted there.
    void drag(ImVec2 from, ImVec2 to) {
        motion(from, false);
        button(from, true);
        settle();
        for (int i = 1; i <= 6; ++i) {
            motion({from.x + (to.x - from.x) * float(i) / 6, from.y + (to.y - from.y) * float(i) / 6}, true);
            settle();
        }
        button(to, false);
        settle();
    }
    [[nodiscard]] const ui::DrawnRect& target(const std::string& what) const {
        const ui::DrawnRect* r = loop.layout().find("button:" + what);
        REQUIRE_MESSAGE(r, "no touch target " << what);
        return *r;
    }
    static ImVec2 centre(const ui::DrawnRect& r) { return {(r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2}; }
    // Lunches counted today, as the tally the county gets says (voided records excluded).
    int lunchesCounted() {
        int n = 0;
        for (const auto& s : tallyOfDay(*fx.site, LocalDate::of(2026, 11, 25), "2026-11-25T11:32:00+08:00").services)
            if (s.id.str() == "lunch") n += s.count;
        return n;
    }
};

}  // namespace

TEST_CASE("through the real event loop, two taps on 作废 and a reason leave the meal counted, only the confirmation voids it") {
    test::GuiFixture fx;
    CheckInEngine engine(*fx.site, fx.clock);
    auto scanned = engine.scan(ScanRequest{fx.idLow, ServiceId("lunch"), std::nullopt, false});
    REQUIRE(scanned->accepted());
    const std::string voidId = "void" + std::to_string(*scanned->recordId);
    LiveStaff live(fx);
    live.settle();
    REQUIRE(live.lunchesCounted() == 1);

    // 作废, and a second tap in the same place: the reasons keep out of the 作废 column.
    ImVec2 voidAt = LiveStaff::centre(live.target(voidId));
    live.tap(voidAt);
    REQUIRE(live.ctl.state().voiding);
    live.tap(voidAt);
    CHECK(live.lunchesCounted() == 1);
    CHECK_FALSE(live.ctl.state().confirming);
    if (!live.ctl.state().voiding) live.tap(LiveStaff::centre(live.target(voidId)));  // the second tap was 取消
    REQUIRE(live.ctl.state().voiding);

    // A reason, and a second tap in the same place: asked, never done.
    ImVec2 reasonAt = LiveStaff::centre(live.target("reason" + ui::voidReasons()[0]));
    live.tap(reasonAt);
    REQUIRE(live.ctl.state().confirming);
    CHECK(live.lunchesCounted() == 1);
    live.tap(reasonAt);
    CHECK(live.lunchesCounted() == 1);
    CHECK_FALSE(CheckinStore(fx.site->db()).byId(*scanned->recordId)->voided);

    // The confirmation names the record; 取消 leaves it counted.
    if (!live.ctl.state().confirming) {  // the repeat tap was 取消: ask again
        live.tap(LiveStaff::centre(live.target(voidId)));
        live.tap(LiveStaff::centre(live.target("reason" + ui::voidReasons()[0])));
    }
    REQUIRE(live.ctl.state().confirming);
    CHECK(live.ctl.state().confirming->lines[0] == "张*兰 · 午餐 · 11:32");
    CHECK(live.loop.layout().find("confirm-line1") != nullptr);
    const ui::DrawnRect confirm = live.target("confirm");
    live.tap(LiveStaff::centre(live.target("confirm-cancel")));
    CHECK_FALSE(live.ctl.state().confirming);
    CHECK(live.lunchesCounted() == 1);

    // Asked again and confirmed: voided, and the tally drops.
    live.tap(LiveStaff::centre(live.target(voidId)));
    live.tap(LiveStaff::centre(live.target("reason" + ui::voidReasons()[0])));
    REQUIRE(live.ctl.state().confirming);
    live.tap(LiveStaff::centre(confirm));
    CHECK_FALSE(live.ctl.state().confirming);
    CHECK(CheckinStore(fx.site->db()).byId(*scanned->recordId)->voided);
    CHECK(live.lunchesCounted() == 0);
}

namespace {
// Ten more elders at lunch: a roster longer than the 7" screen.
void lunchForTwelve(test::GuiFixture& fx) {
    std::string csv = "elder_id,name,id_number,categories\n";
    std::vector<std::string> ids;
    for (int i = 0; i < 10; ++i) {
        ids.push_back(test::makeIdNumber("194501" + std::to_string(10 + i), 30 + i, i % 2 == 0));
        csv += "E01" + std::to_string(10 + i) + ",李" + std::string(i % 2 ? "秀英" : "国华") + std::to_string(i) + "," +
               ids.back() + ",dibao\n";
    }
    auto r = importRoster(*fx.site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test");
    REQUIRE(r.ok());
    CheckInEngine engine(*fx.site, fx.clock);
    REQUIRE(engine.scan(ScanRequest{fx.idLow, ServiceId("lunch"), std::nullopt, false})->accepted());
    REQUIRE(engine.scan(ScanRequest{fx.idFree, ServiceId("lunch"), std::nullopt, false})->accepted());
    for (const auto& id : ids) REQUIRE(engine.scan(ScanRequest{id, ServiceId("lunch"), std::nullopt, false})->accepted());
}

// The topmost 作废 button drawn on the roster.
const ui::DrawnRect* firstVoid(const ui::DrawnLayout& l) {
    const ui::DrawnRect* top = nullptr;
    for (const auto& t : l.targets)
        if (t.what.rfind("button:void", 0) == 0 && t.what != "button:void-cancel" && (!top || t.min.y < top->min.y)) top = &t;
    return top;
}
}  // namespace

TEST_CASE("through the real event loop, a finger dragged up the roster scrolls it, and the drag taps nothing") {
    test::GuiFixture fx;
    lunchForTwelve(fx);
    LiveStaff live(fx);
    const ui::DrawnRect* before = firstVoid(live.loop.layout());
    REQUIRE(before);
    const ui::DrawnRect top = *before;
    float mm = live.loop.metrics().pxPerMm;
    // Down on a 作废 button, dragged 40 mm up: the list follows the finger, and 作废 is not tapped.
    ImVec2 from = LiveStaff::centre(top);
    live.drag(from, {from.x, from.y - 40 * mm});
    const ui::DrawnRect* after = firstVoid(live.loop.layout());
    REQUIRE(after);
    INFO("first 作废 from y " << top.min.y << " to " << after->min.y);
    CHECK(after->what == top.what);
    CHECK(after->min.y < top.min.y - 35 * mm);  // the list followed the finger up
    CHECK_FALSE(live.ctl.state().voiding);
    // Dragged back down, on a row's name: the list returns.
    live.drag({from.x - 25 * mm, 200}, {from.x - 25 * mm, 200 + 60 * mm});
    after = firstVoid(live.loop.layout());
    REQUIRE(after);
    CHECK(after->what == top.what);
    CHECK(after->min.y == doctest::Approx(top.min.y).epsilon(0.01));
    CHECK_FALSE(live.ctl.state().voiding);
}

TEST_CASE("through the real event loop, a drag on the staff screens starts their idle time again") {
    test::GuiFixture fx;
    lunchForTwelve(fx);
    LiveStaff live(fx);
    fx.clock.advance(25);
    live.ctl.tick();
    REQUIRE(live.ctl.staffSecondsLeft() == 5);
    const ui::DrawnRect* row = firstVoid(live.loop.layout());
    REQUIRE(row);
    float mm = live.loop.metrics().pxPerMm;
    ImVec2 from{row->min.x - 25 * mm, LiveStaff::centre(*row).y};
    live.drag(from, {from.x, from.y - 20 * mm});
    CHECK(live.ctl.staffSecondsLeft() == ui::KioskController::kStaffIdleSeconds);
    // 25 s after the drag (50 s after the last tap) the roster is still up; untouched, it closes.
    fx.clock.advance(25);
    live.settle();
    CHECK(live.ctl.state().screen == ui::ScreenId::Roster);
    fx.clock.advance(6);
    live.settle();
    CHECK(live.ctl.state().screen == ui::ScreenId::Checkin);
}

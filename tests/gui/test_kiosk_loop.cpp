// The kiosk's own event loop (KioskLoop, as `kiosk run` runs it) in a window of SDL's offscreen
// driver: key events pushed into SDL's queue as the wedge scanner types them, through LiveInputs,
// the controller and a drawn frame.
#include <doctest/doctest.h>

#include <SDL.h>

#include <cstring>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/sdl_wedge.hpp"

using namespace mh;

TEST_CASE("through the real event loop, a card scanned on the PIN pad is recorded and its result drawn") {
    REQUIRE(std::string(SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "") == "offscreen");
    test::GuiFixture fx;
    SteadyMonoClock mono;
    kiosk::LiveInputOptions opt;
    opt.camera = "none";  // the wedge scanner alone
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());

    ui::ImGuiSession session;
    platform::SdlWindow win("test", 1024, 600);
    ui::KioskController ctl(*fx.site, fx.clock);
    gui::KioskLoop loop(win, ctl, 7.0,
                        {[&](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                         [&](std::int64_t ms) { inputs.onEnter(ms); }, [&](ui::CommandQueue& q) { inputs.drainInto(q); },
                         [&] { return inputs.status().zh; }});
    for (int i = 0; i < 3; ++i) loop.step(10);
    REQUIRE(loop.layout().find("button:staff") != nullptr);

    // Someone brushed 工作人员: the PIN pad is up.
    ctl.apply(ui::OpenStaff{});
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;  // as the camera thread wakes the loop: draw the new screen
    REQUIRE(SDL_PushEvent(&wake) == 1);
    for (int i = 0; i < 3; ++i) loop.step(10);
    REQUIRE(ctl.state().screen == ui::ScreenId::Pin);
    REQUIRE(loop.layout().find("button:key确定") != nullptr);

    test::pushWedgeScan(fx.idLow);
    for (int i = 0; i < 6 && ctl.state().screen != ui::ScreenId::Result; ++i) loop.step(50);
    for (int i = 0; i < 3; ++i) loop.step(10);
    REQUIRE(ctl.state().screen == ui::ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Accepted);
    CHECK(CheckinStore(fx.site->db()).forDay("2026-11-25").size() == 1);
    // The frame the loop drew is the result: its word and the replay button, no keypad.
    CHECK(loop.layout().find("outcome") != nullptr);
    CHECK(loop.layout().find("button:replay") != nullptr);
    CHECK(loop.layout().find("button:key确定") == nullptr);
    inputs.stop();
}

// Issue 14's missing-camera fault through the kiosk's own loop (SDL offscreen): the camera named in
// site.toml is not there, the wedge scanner still checks elders in, and the staff settings tab shows
// the camera's state from the live inputs.
#include <doctest/doctest.h>

#include <SDL.h>

#include <chrono>
#include <thread>

#include "gui/gui_fixture.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "support/sdl_wedge.hpp"

using namespace mh;

TEST_CASE("a missing camera: the scanner still checks in and the settings tab tells staff the camera is not available") {
    test::GuiFixture fx;
    SteadyMonoClock mono;
    kiosk::LiveInputOptions opt;
    opt.camera = "/dev/video-unplugged";
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());  // a missing camera is a state, not a refusal to start

    ui::ImGuiSession session;
    platform::SdlWindow win("test", 1024, 600);
    ui::KioskController ctl(*fx.site, fx.clock);
    gui::KioskLoop loop(win, ctl, 7.0,
                        {[&](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                         [&](std::int64_t ms) { inputs.onEnter(ms); }, [&](ui::CommandQueue& q) { inputs.drainInto(q); },
                         [&] { return inputs.status().zh; }});
    // The camera thread finds nothing; the loop copies its state into the screen's.
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (ctl.state().inputStatus.find("不可用") == std::string::npos && std::chrono::steady_clock::now() < until)
        loop.step(20);
    CHECK(ctl.state().inputStatus.find("不可用") != std::string::npos);

    // The scanner: one scan, accepted, as a wedge types it.
    test::pushWedgeScan(fx.idLow);
    for (int i = 0; i < 10 && ctl.state().screen != ui::ScreenId::Result; ++i) loop.step(50);
    REQUIRE(ctl.state().screen == ui::ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Accepted);

    // Staff open the settings tab behind the PIN: the camera line is what the tab draws.
    ctl.setPinChecker([](const std::string& pin) { return pin == "2468" ? std::string() : std::string("密码不对"); });
    ctl.apply(ui::OpenStaff{});
    for (char d : std::string("2468")) ctl.apply(ui::PinDigit{d});
    ctl.apply(ui::PinSubmit{});
    REQUIRE(ctl.state().screen == ui::ScreenId::Roster);
    ctl.apply(ui::ShowStaffTab{ui::StaffTab::Settings});
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    REQUIRE(SDL_PushEvent(&wake) == 1);
    for (int i = 0; i < 3; ++i) loop.step(10);
    CHECK(ctl.state().staffTab == ui::StaffTab::Settings);
    CHECK(ctl.state().inputStatus.find("摄像头") != std::string::npos);
    CHECK(inputs.status().en.find("/dev/video-unplugged") != std::string::npos);
    inputs.stop();
}

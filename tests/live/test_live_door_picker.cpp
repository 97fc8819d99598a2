// Issue 23 through the kiosk's own event loop (KioskLoop, as `kiosk run` runs it, in SDL's offscreen
// driver) on the real demo site (`kiosk demo --no-gui`): at 16:10 助医 and 书法班 are open at the door
// and 助洁 is staff-booked, so a card shows the picker; the elder's pick is what is recorded, a card
// shown again picks nothing twice, and a picker left alone records nothing.
#include <doctest/doctest.h>

#include <SDL.h>

#include <fstream>
#include <map>
#include <sstream>

#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/fake_clocks.hpp"
#include "support/run_process.hpp"
#include "support/sdl_wedge.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

struct DemoAt1610 {
    test::TempDir dir;
    std::unique_ptr<Site> site;
    std::map<std::string, std::string> cards;  // elder id -> signed card payload
    std::unique_ptr<FakeClock> clock;
    LocalDate day;

    DemoAt1610() {
        auto made = test::kiosk({"demo", "--site", dir.path().string(), "--no-gui"});
        REQUIRE_MESSAGE(made.exitCode == 0, made.err);
        auto opened = Site::open(dir.path());
        REQUIRE(opened.ok());
        site = std::move(*opened);
        std::istringstream in(test::readFile(dir.path() / "cards.txt"));
        for (std::string line; std::getline(in, line);) {
            std::istringstream f(line);
            std::string id, name, payload;
            if (line.empty() || line[0] == '#' || !(f >> id >> name >> payload)) continue;
            if (payload.rfind("MH1:", 0) == 0) cards[id] = payload;
        }
        REQUIRE(cards.count("E0023") == 1);
        // Tomorrow 16:10: after every record the demo wrote (the clock check refuses a clock behind them).
        day = site->timeZone().toLocal(SystemClock().nowUnix()).date.plusDays(1);
        clock = std::make_unique<FakeClock>(site->timeZone().toUnix(LocalDateTime{day, 16, 10, 0}));
    }
    // The elder's counted records of the day, as service ids.
    std::vector<std::string> recordsOf(const std::string& elderId) {
        std::vector<std::string> out;
        for (const auto& r : CheckinStore(site->db()).forDay(day.iso()))
            if (r.elderId.str() == elderId && !r.voided) out.push_back(r.service.str());
        return out;
    }
};

}  // namespace

TEST_CASE("through the real event loop at 16:10 on the demo site, the elder picks the service and only it is recorded") {
    REQUIRE(std::string(SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "") == "offscreen");
    DemoAt1610 fx;
    FakeMonoClock mono(100'000);
    kiosk::LiveInputOptions opt;
    opt.camera = "none";  // the wedge scanner alone
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());
    ui::ImGuiSession session;
    platform::SdlWindow win("test", 1024, 600);
    ui::KioskController ctl(*fx.site, *fx.clock);
    gui::KioskLoop loop(win, ctl, 7.0,
                        {[&](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                         [&](std::int64_t ms) { inputs.onEnter(ms); }, [&](ui::CommandQueue& q) { inputs.drainInto(q); },
                         [&] { return inputs.status().zh; }});
    auto steps = [&](int n = 4) {
        for (int i = 0; i < n; ++i) loop.step(20);
    };
    auto scan = [&](const std::string& payload) {
        mono.advance(8000);  // the card taken away and shown again: past the inbox's hold, a new read
        test::pushWedgeScan(payload);
        steps(6);
    };
    // What a tap on a drawn button posts, applied between frames as the loop applies its queue (the
    // SDL backend reads the mouse from SDL's global state, which pushed events do not move).
    auto tap = [&](const std::string& what, const ui::Command& c) {
        REQUIRE_MESSAGE(loop.layout().find(what) != nullptr, what);
        ctl.apply(c);
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        REQUIRE(SDL_PushEvent(&wake) == 1);
        steps();
    };
    steps();
    // The waiting screen names both services the door takes now, and not the staff-booked 助洁.
    REQUIRE(ctl.state().screen == ui::ScreenId::Checkin);
    const auto* service = loop.layout().find("service");
    REQUIRE(service != nullptr);
    CHECK(ctl.state().doorServices.size() == 2);

    // E0023 (no records today) shows the card: the picker, one button per open door service, nothing recorded.
    scan(fx.cards["E0023"]);
    REQUIRE(ctl.state().screen == ui::ScreenId::Choose);
    CHECK(loop.layout().find("button:pick:medical") != nullptr);
    CHECK(loop.layout().find("button:pick:calligraphy") != nullptr);
    CHECK(loop.layout().find("button:pick:cleaning") == nullptr);
    CHECK(fx.recordsOf("E0023").empty());

    // The same card read again while the picker is up: still the picker, still nothing recorded.
    scan(fx.cards["E0023"]);
    CHECK(ctl.state().screen == ui::ScreenId::Choose);
    CHECK(fx.recordsOf("E0023").empty());

    // The elder taps 助医: 助医 is recorded, at its price (free), and the result says so.
    tap("button:pick:medical", ui::PickService{"medical"});
    REQUIRE(ctl.state().screen == ui::ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Accepted);
    CHECK(ctl.state().result->service.str() == "medical");
    CHECK(ctl.state().result->priceFen.value_or(Fen{-1}) == 0_fen);
    CHECK(fx.recordsOf("E0023") == std::vector<std::string>{"medical"});
    CHECK(loop.layout().find("outcome") != nullptr);

    // The card once more: the picker again (书法班 is still open); 助医 again is 已经签过, not a second record.
    scan(fx.cards["E0023"]);
    REQUIRE(ctl.state().screen == ui::ScreenId::Choose);
    tap("button:pick:medical", ui::PickService{"medical"});
    REQUIRE(ctl.state().screen == ui::ScreenId::Result);
    CHECK(ctl.state().result->outcome == Outcome::Duplicate);
    CHECK(fx.recordsOf("E0023") == std::vector<std::string>{"medical"});

    // E0024 shows the card and walks away: after the picker's time it is 请刷卡 again, nothing recorded.
    fx.clock->advance(ui::KioskController::kResultSeconds + 1);
    steps();
    scan(fx.cards["E0024"]);
    REQUIRE(ctl.state().screen == ui::ScreenId::Choose);
    fx.clock->advance(ui::KioskController::kPickSeconds);
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    REQUIRE(SDL_PushEvent(&wake) == 1);
    steps();
    CHECK(ctl.state().screen == ui::ScreenId::Checkin);
    CHECK(loop.layout().find("please-scan") != nullptr);
    CHECK(fx.recordsOf("E0024").empty());
    // 返回 on the picker records nothing either.
    scan(fx.cards["E0024"]);
    REQUIRE(ctl.state().screen == ui::ScreenId::Choose);
    tap("button:back", ui::BackToWaiting{});
    CHECK(ctl.state().screen == ui::ScreenId::Checkin);
    CHECK(fx.recordsOf("E0024").empty());
    inputs.stop();
}

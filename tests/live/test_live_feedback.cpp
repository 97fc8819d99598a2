// Contract 14's faces through the kiosk's own event loop (KioskLoop, as `kiosk run` runs it, in SDL's
// offscreen driver) on the real demo site with [feedback] on, at lunch: an accepted meal shows the
// three faces; a card scanned while they are up is checked in within 1 s (the faces never hold up
// the queue); a tap on a face scores that elder's meal, and the posting's counts see it.
#include <doctest/doctest.h>

#include <SDL.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "shared/feedback/feedback_book.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/fake_clocks.hpp"
#include "support/run_process.hpp"
#include "support/sdl_wedge.hpp"
#include "support/test_site.hpp"

using namespace mh;

TEST_CASE("through the real event loop at lunch, a card shown while the faces are up is checked in within 1 s, and a face tap scores the meal") {
    REQUIRE(std::string(SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "") == "offscreen");
    test::TempDir dir;
    auto made = test::kiosk({"demo", "--site", dir.path().string(), "--no-gui"});
    REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    {
        std::ofstream toml(dir.path() / "site.toml", std::ios::app);
        toml << "\n[feedback]\nenabled = true\n";
    }
    auto opened = Site::open(dir.path());
    REQUIRE(opened.ok());
    Site& site = **opened;
    REQUIRE(site.config().feedbackEnabled);
    std::map<std::string, std::string> cards;
    std::istringstream in(test::readFile(dir.path() / "cards.txt"));
    for (std::string line; std::getline(in, line);) {
        std::istringstream f(line);
        std::string id, name, payload;
        if (line.empty() || line[0] == '#' || !(f >> id >> name >> payload)) continue;
        cards[id] = payload;
    }
    REQUIRE(cards.count("E0023") == 1);
    REQUIRE(cards.count("E0024") == 1);
    // Tomorrow 12:00 (after every record the demo wrote): lunch alone is open at the door.
    LocalDate day = site.timeZone().toLocal(SystemClock().nowUnix()).date.plusDays(1);
    FakeClock clock(site.timeZone().toUnix(LocalDateTime{day, 12, 0, 0}));
    auto lunchOf = [&](const std::string& elderId) -> std::optional<CheckinRecord> {
        return CheckinStore(site.db()).counted(ElderId(elderId), ServiceId("lunch"), day.iso());
    };

    FakeMonoClock mono(100'000);
    kiosk::LiveInputOptions opt;
    opt.camera = "none";  // the wedge scanner alone
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());
    ui::ImGuiSession session;
    platform::SdlWindow win("test", 1024, 600);
    ui::KioskController ctl(site, clock);
    gui::KioskLoop loop(win, ctl, 7.0,
                        {[&](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                         [&](std::int64_t ms) { inputs.onEnter(ms); }, [&](ui::CommandQueue& q) { inputs.drainInto(q); },
                         [&] { return inputs.status().zh; }});
    auto steps = [&](int n = 4) {
        for (int i = 0; i < n; ++i) loop.step(20);
    };
    // A card through the wedge scanner; the loop stepped until `done` (at most 50 short steps).
    // Returns how long that took on the real clock.
    auto scanUntil = [&](const std::string& payload, const std::function<bool()>& done) {
        mono.advance(8000);  // past the inbox's hold: a new read
        auto t0 = std::chrono::steady_clock::now();
        test::pushWedgeScan(payload);
        for (int i = 0; i < 50 && !done(); ++i) loop.step(20);
        steps(2);  // the frame that shows it
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    steps();
    REQUIRE(ctl.state().screen == ui::ScreenId::Checkin);

    // E0023 eats: accepted, and the faces are drawn under the headline.
    scanUntil(cards["E0023"], [&] { return lunchOf("E0023").has_value(); });
    REQUIRE(lunchOf("E0023"));
    REQUIRE(ctl.state().screen == ui::ScreenId::Feedback);
    for (const char* b : {"button:face:3", "button:face:2", "button:face:1"}) CHECK(loop.layout().find(b) != nullptr);
    CHECK(loop.layout().find("outcome") != nullptr);

    // E0024 shows the card while E0023's faces are up: checked in at once, within 1 s, with faces of
    // their own; E0023's meal is not scored.
    double took = scanUntil(cards["E0024"], [&] { return lunchOf("E0024").has_value(); });
    REQUIRE(lunchOf("E0024"));
    CHECK(took < 1.0);
    MESSAGE("a card shown while the faces were up was checked in after " << took * 1000 << " ms");
    REQUIRE(ctl.state().screen == ui::ScreenId::Feedback);
    CHECK(ctl.state().feedback->recordId == lunchOf("E0024")->recordId);

    // E0024 taps 好 (what the drawn button posts, applied between frames as the loop does: the SDL
    // backend reads the mouse from SDL's global state, which pushed events do not move).
    REQUIRE(loop.layout().find("button:face:3") != nullptr);
    ctl.apply(ui::GiveFeedback{3});
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    REQUIRE(SDL_PushEvent(&wake) == 1);
    steps();
    CHECK(ctl.state().screen == ui::ScreenId::Checkin);
    CHECK(loop.layout().find("please-scan") != nullptr);
    auto counts = feedbackCounts(site.db(), day.iso(), day.iso());
    CHECK(counts["lunch"].good == 1);
    CHECK(counts["lunch"].total() == 1);
    // A second score for E0024's meal is refused: one per meal.
    auto again = recordFeedback(site, {lunchOf("E0024")->recordId, FeedbackScore::Bad, std::nullopt, kFeedbackFromScript},
                                clock.nowUnix());
    CHECK_FALSE(again.ok());
    inputs.stop();
}

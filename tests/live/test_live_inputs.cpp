// The kiosk's live inputs without a window: printed cards replayed through the real decode pipeline
// and de-bouncers into the KioskController on fake clocks, the wedge scanner through the shared
// WedgeInput into the same controller, and the camera settings from site.toml.
#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

#include "gui/gui_fixture.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/cards/card_render.hpp"
#include "platform/input/replay_source.hpp"
#include "platform/vision/image_file.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/store/checkin_store.hpp"
#include "support/fake_clocks.hpp"
#include "support/run_process.hpp"
#include "support/wait_until.hpp"

using namespace mh;
using namespace mh::ui;

namespace {

// The GUI fixture's two elders with their printed cards (card_render PNGs) in a replay folder,
// a blank picture between them as when nobody is at the camera.
struct CardFolder : test::GuiFixture {
    test::TempDir cards;
    std::string payloadA, payloadB;

    CardFolder() {
        payloadA = signCard({"E0001", "1"}, site->keys().card.sec);
        payloadB = signCard({"E0002", "1"}, site->keys().card.sec);
        REQUIRE(writeCardPng({"测试食堂", "张桂兰", "E0001", "1", "北关村", payloadA}, cards.path() / "1-a.png").ok());
        REQUIRE(saveGrayPng(GrayImage(640, 480, 200), cards.path() / "2-blank.png").ok());
        REQUIRE(writeCardPng({"测试食堂", "王建国", "E0002", "1", "北关村", payloadB}, cards.path() / "3-b.png").ok());
    }
    int checkinsToday() {
        int n = 0;
        for (const auto& r : CheckinStore(site->db()).forDay("2026-11-25")) n += r.voided ? 0 : 1;
        return n;
    }
};

// Applies whatever the inbox holds, as the UI loop does after waking; returns the outcomes shown.
std::vector<Outcome> applyInbox(kiosk::ScanInbox& inbox, KioskController& ctl) {
    CommandQueue q;
    std::vector<Outcome> shown;
    inbox.drainInto(q);
    for (auto& c : q.take()) {
        ctl.apply(c);
        REQUIRE(ctl.state().screen == ScreenId::Result);
        shown.push_back(ctl.state().result->outcome);
    }
    return shown;
}

const FrameDecoderOptions kNoBudget{0.0, false};  // a loaded test machine must not cut decodes short

}  // namespace

TEST_CASE("replayed cards check in once each however long the replay loops, and the result screen shows them") {
    CardFolder fx;
    FakeMonoClock mono(50'000);
    kiosk::ScanInbox inbox(mono, 5000);
    KioskController ctl(*fx.site, fx.clock);
    ReplaySource replay(fx.cards.path(), mono, 0, kNoBudget);
    REQUIRE(replay.load());
    replay.startPipeline(inbox.sink());

    // Two minutes at one picture a second (40 times round): each card is back in view every 3 s, so
    // it stays held.
    std::vector<Outcome> shown;
    std::vector<std::string> names;
    for (int i = 0; i < 120; ++i) {
        REQUIRE(replay.step());
        for (Outcome o : applyInbox(inbox, ctl)) {
            shown.push_back(o);
            names.push_back(ctl.state().result->elderId.str());
        }
        mono.advance(1000);
        if (i % 10 == 9) fx.clock.advance(10);
    }
    CHECK(shown == std::vector<Outcome>{Outcome::Accepted, Outcome::Accepted});
    CHECK(names == std::vector<std::string>{"E0001", "E0002"});
    CHECK(fx.checkinsToday() == 2);
    CHECK(ctl.state().result->maskedName == "王*国");

    // A card taken away for longer than the hold and shown again is a new scan: the engine, not
    // the camera, says it was already checked in; the count stays at one per elder.
    mono.advance(8000);
    REQUIRE(replay.step());  // a
    shown = applyInbox(inbox, ctl);
    CHECK(shown == std::vector<Outcome>{Outcome::Duplicate});
    CHECK(ctl.state().result->elderId.str() == "E0001");
    CHECK(fx.checkinsToday() == 2);
    replay.stop();
}

TEST_CASE("the wedge scanner goes through the shared WedgeInput into the same controller path") {
    CardFolder fx;
    FakeMonoClock mono(1000);
    kiosk::LiveInputOptions opt;
    opt.camera = "none";
    kiosk::LiveInputs inputs(opt, mono);
    int wakes = 0;
    REQUIRE(inputs.start([&] { ++wakes; }).ok());
    CHECK(inputs.status().zh.find("未启用") != std::string::npos);
    KioskController ctl(*fx.site, fx.clock);
    // SDL event times are their own clock (ms since SDL started); only the gaps matter.
    std::int64_t sdlMs = 70'000;
    auto type = [&](const std::string& text, std::int64_t gap) {
        for (char c : text) inputs.onText(std::string(1, c), sdlMs += gap);
        return inputs.onEnter(sdlMs += gap);
    };

    // Staff at the keyboard typing a PIN and Enter: nothing reaches the controller.
    CHECK_FALSE(type("2468", 90));
    CHECK_FALSE(type("2468", 40));
    CommandQueue q;
    CHECK(inputs.drainInto(q) == 0);
    CHECK(wakes == 0);

    // The scanner reading E0001's card: one scan, the accepted screen.
    CHECK(type(fx.payloadA, 3));
    CHECK(wakes == 1);
    CHECK(applyInbox(inputs.inbox(), ctl) == std::vector<Outcome>{Outcome::Accepted});
    CHECK(ctl.state().result->elderId.str() == "E0001");
    // A scanner in continuous mode re-sending the card under it: folded, the screen stays accepted.
    mono.advance(800);
    CHECK(type(fx.payloadA, 3));
    CHECK(inputs.drainInto(q) == 0);
    // An ID card (the 18-digit number) on the same reader.
    mono.advance(2000);
    CHECK(type(fx.idFree, 2));
    CHECK(applyInbox(inputs.inbox(), ctl) == std::vector<Outcome>{Outcome::Accepted});
    CHECK(ctl.state().result->elderId.str() == "E0002");
    CHECK(fx.checkinsToday() == 2);
}

TEST_CASE("a card read by the wedge scanner and seen by the camera at once checks in once") {
    CardFolder fx;
    FakeMonoClock mono(1000);
    kiosk::ScanInbox inbox(mono, 5000);
    KioskController ctl(*fx.site, fx.clock);
    inbox.post(ScanEvent{fx.payloadA, ScanSourceKind::Wedge, 1000});
    mono.advance(300);
    inbox.post(ScanEvent{fx.payloadA, ScanSourceKind::Camera, 1300});
    CHECK(applyInbox(inbox, ctl) == std::vector<Outcome>{Outcome::Accepted});
    CHECK(inbox.folded() == 1);
    CHECK(fx.checkinsToday() == 1);
}

TEST_CASE("the replay runs on its own thread and wakes the UI loop, which hands each card to the controller once") {
    CardFolder fx;
    SteadyMonoClock mono;
    KioskController ctl(*fx.site, fx.clock);
    kiosk::LiveInputOptions opt;
    opt.replay = fx.cards.path();
    opt.replayIntervalMs = 5;
    opt.decode = kNoBudget;
    kiosk::LiveInputs inputs(opt, mono);
    std::mutex mu;
    std::condition_variable cv;
    int wakes = 0;
    REQUIRE(inputs.start([&] {
                std::lock_guard lock(mu);
                ++wakes;
                cv.notify_one();
            }).ok());
    CHECK(inputs.status().zh.find("3 张图片") != std::string::npos);
    // The UI loop: sleep until woken, take the scans, until both cards were shown; then let the
    // replay loop on for a while longer.
    std::vector<Outcome> shown;
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (shown.size() < 2 && std::chrono::steady_clock::now() < until) {
        std::unique_lock lock(mu);
        cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return wakes > 0; });
        wakes = 0;
        lock.unlock();
        for (Outcome o : applyInbox(inputs.inbox(), ctl)) shown.push_back(o);
    }
    // The replay loops on: wait until each card has come round twice more and been folded by the
    // inbox (a condition, not a fixed time), and nothing new reaches the screen.
    std::uint64_t folded = inputs.inbox().folded();
    CHECK(test::waitUntil([&] { return inputs.inbox().folded() >= folded + 4; }, std::chrono::seconds(20)));
    for (Outcome o : applyInbox(inputs.inbox(), ctl)) shown.push_back(o);
    inputs.stop();
    CHECK(shown == std::vector<Outcome>{Outcome::Accepted, Outcome::Accepted});
    CHECK(fx.checkinsToday() == 2);
}

TEST_CASE("a camera that is not there is a status, not an error") {
    CardFolder fx;
    SteadyMonoClock mono;
    auto cfg = parseSiteConfig(test::standardToml("[input]\ncamera = \"/dev/video-not-here\"\n"));
    REQUIRE(cfg.ok());
    kiosk::LiveInputOptions opt = kiosk::liveInputOptions(*cfg);
    CHECK(opt.camera == "/dev/video-not-here");
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());
    CHECK(test::waitUntil([&] { return inputs.status().zh.find("不可用") != std::string::npos; }));
    CHECK(inputs.status().en.find("/dev/video-not-here") != std::string::npos);
    KioskController ctl(*fx.site, fx.clock);
    for (char c : fx.payloadB) inputs.onText(std::string(1, c), 5);
    CHECK(inputs.onEnter(6));
    CHECK(applyInbox(inputs.inbox(), ctl) == std::vector<Outcome>{Outcome::Accepted});
    inputs.stop();
}

TEST_CASE("`kiosk run --replay` with a folder of no pictures is refused before any window opens") {
    CardFolder fx;
    test::TempDir empty;
    test::writeFile(empty.path() / "notes.txt", "no pictures here");
    auto r = test::kiosk({"run", "--site", fx.dir.path().string(), "--replay", empty.path().string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("没有可读的图片") != std::string::npos);
    auto en = test::kiosk({"--lang", "en", "run", "--site", fx.dir.path().string(), "--replay", empty.path().string()});
    CHECK(en.exitCode == 2);
    CHECK(en.err.find("no readable pictures") != std::string::npos);
}

TEST_CASE("a scan does not rebuild the font atlas when names are masked (the glyph seed covers them)") {
    // bench_live_latency found the first scans of each new name taking 200-700 ms: the hidden full
    // name's middle character was asked of the atlas.
    test::GuiFixture fx;
    ImGuiSession session;
    KioskController ctl(*fx.site, fx.clock);
    Metrics m = Metrics::of(1280, 800, 10.1);
    FontSet fonts;
    CHECK(ensureFonts(fonts, m, ctl.state()));  // the first build
    ctl.apply(ScanCommand{fx.idLow});           // 张桂兰, shown as 张*兰
    REQUIRE(ctl.state().result->outcome == Outcome::Accepted);
    CHECK_FALSE(ensureFonts(fonts, m, ctl.state()));
    ctl.state().showFullNames = true;           // a site that shows full names needs 桂
    CHECK(ensureFonts(fonts, m, ctl.state()));
}

TEST_CASE("`listen` without --camera uses the site's [input] camera") {
    test::TempDir a, b;
    test::makeSite(a.path(), test::standardToml("[input]\ncamera = \"/dev/video-from-toml\"\n"));
    auto r = test::kiosk({"listen", "--site", a.path().string(), "--service", "health", "--seconds", "0.3"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("/dev/video-from-toml") != std::string::npos);
    test::makeSite(b.path(), test::standardToml("[input]\ncamera = \"none\"\n"));
    auto none = test::kiosk({"listen", "--site", b.path().string(), "--service", "health", "--seconds", "0.3"});
    CHECK(none.exitCode == 2);
    CHECK(none.err.find("--camera") != std::string::npos);
}

// The scan inputs: the keyboard-wedge recogniser, the de-bouncer, the replay source through the
// real decode pipeline with a fake clock, and the camera with no camera attached.
#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "bench/corpus/frame_synth.hpp"
#include "platform/input/frame_pipeline.hpp"
#include "platform/input/replay_source.hpp"
#include "platform/input/v4l2_camera.hpp"
#include "platform/vision/image_file.hpp"
#include "shared/input/scan_debouncer.hpp"
#include "shared/input/wedge_input.hpp"
#include "shared/input/wedge_recogniser.hpp"
#include "support/fake_clocks.hpp"
#include "support/test_site.hpp"
#include "support/wait_until.hpp"

using namespace mh;

namespace {
// Types `text` one character every `gapMs` starting at t; returns the time of the last key.
std::int64_t type(WedgeRecogniser& w, const std::string& text, std::int64_t t, std::int64_t gapMs) {
    for (size_t i = 0; i < text.size(); ++i) w.onText(text.substr(i, 1), t + std::int64_t(i) * gapMs);
    return t + std::int64_t(text.size() - 1) * gapMs;
}

struct Collected {
    std::mutex mu;
    std::vector<ScanEvent> events;
    ScanSink sink() {
        return [this](const ScanEvent& e) {
            std::lock_guard lock(mu);
            events.push_back(e);
        };
    }
    // The payloads that count as scans once the one de-bouncer (as the kiosk's inbox holds it, on
    // the frames' arrival times) has folded the repeated sightings.
    std::vector<std::pair<std::string, std::int64_t>> scans() {
        std::lock_guard lock(mu);
        ScanDebouncer hold;
        std::vector<std::pair<std::string, std::int64_t>> out;
        for (const auto& e : events)
            if (hold.admit(e.payload, e.atMs)) out.emplace_back(e.payload, e.atMs);
        return out;
    }
};
}  // namespace

TEST_CASE("a scanner's fast burst ending in Enter is one scan") {
    WedgeRecogniser w;
    std::int64_t last = type(w, "11010519491231002X", 1000, 4);
    auto scan = w.onEnter(last + 5);
    REQUIRE(scan);
    CHECK(*scan == "11010519491231002X");
    // The next burst starts clean.
    last = type(w, "MH1:E0001:1:ABC", 5000, 2);
    CHECK(w.onEnter(last + 3) == std::optional<std::string>("MH1:E0001:1:ABC"));
}

TEST_CASE("the same characters typed at human speed are not a scan") {
    WedgeRecogniser w;
    std::int64_t last = type(w, "11010519491231002X", 1000, 120);
    CHECK_FALSE(w.onEnter(last + 150));
    // ... and a fast burst followed by a slow Enter is a person pressing Enter later.
    last = type(w, "11010519491231002X", 9000, 3);
    CHECK_FALSE(w.onEnter(last + 400));
}

TEST_CASE("slow keys typed before a scanner fires do not prefix the scan, and stay the person's text") {
    WedgeRecogniser w;
    std::int64_t last = type(w, "12", 0, 200);
    CHECK(w.humanText() == "12");
    last = type(w, "E0001-CARD", last + 300, 5);
    CHECK(w.onEnter(last + 5) == std::optional<std::string>("E0001-CARD"));
    CHECK(w.humanText().empty());
}

TEST_CASE("a fast burst too short to be a card, or Enter alone, is not a scan") {
    WedgeRecogniser w;
    std::int64_t last = type(w, "ab", 0, 2);
    CHECK_FALSE(w.onEnter(last + 2));
    CHECK_FALSE(w.onEnter(5000));
}

TEST_CASE("a burst that arrives as multi-character text events is still one scan") {
    // Some input stacks hand a fast burst over in chunks; a chunk is many characters at one time.
    WedgeRecogniser w;
    w.onText("MH1:E00", 100);
    w.onText("01:1:", 104);
    w.onText("ABC", 108);
    CHECK(w.onEnter(110) == std::optional<std::string>("MH1:E0001:1:ABC"));
    w.onText("12", 2000);  // two characters at once, then Enter at once: too short to be a card
    CHECK_FALSE(w.onEnter(2005));
}

TEST_CASE("a staff PIN typed on a keyboard is never a scan, however quick the typist") {
    // Measured human inter-key gaps are 60 ms and up; a fast typist rolling keys is tried at 40 ms.
    for (std::int64_t gap : {40, 60, 120, 250}) {
        WedgeRecogniser w;
        for (const std::string pin : {"2468", "135790", "000000000000"}) {
            CAPTURE(gap);
            CHECK_FALSE(w.onEnter(type(w, pin, 10'000, gap) + gap));
            CHECK_FALSE(w.onEnter(type(w, pin, 20'000, gap) + 5));  // even with Enter right after the last digit
        }
    }
}

TEST_CASE("the same payload held in view is one scan until it has been away for 5 s") {
    ScanDebouncer d(5000);
    FakeMonoClock clock(0);
    CHECK(d.admit("A", clock.nowMs()));
    for (int i = 0; i < 100; ++i) {  // held for 10 s at 10 frames a second: still the one scan
        clock.advance(100);
        CHECK_FALSE(d.admit("A", clock.nowMs()));
    }
    CHECK(d.admit("B", clock.nowMs()));  // someone else's card counts at once
    clock.advance(5001);                 // A was away for more than 5 s
    CHECK(d.admit("A", clock.nowMs()));
    clock.advance(4999);
    CHECK_FALSE(d.admit("A", clock.nowMs()));
}

TEST_CASE("replayed pictures go through the decode pipeline, their sightings through the de-bouncer, on a fake clock") {
    test::TempDir tmp;
    CardKeyPair key = corpus::fixedKey(3);
    corpus::FrameSynth synth(key, 2);
    auto a = synth.make(corpus::Difficulty::Easy, 640, 480, 0), b = synth.make(corpus::Difficulty::Easy, 640, 480, 1);
    REQUIRE(a.payload != b.payload);
    REQUIRE(saveGrayJpeg(a.image, tmp.path() / "1-a.jpg", 85).ok());
    REQUIRE(saveGrayPng(b.image, tmp.path() / "2-b.png").ok());
    REQUIRE(saveGrayPng(GrayImage(640, 480, 90), tmp.path() / "3-empty.png").ok());
    test::writeFile(tmp.path() / "4-notes.txt", "not a picture");

    FakeMonoClock clock(10'000);
    ReplaySource replay(tmp.path(), clock, 0, FrameDecoderOptions{0.0, false});
    REQUIRE(replay.load());
    CHECK(replay.status().en.find("3 pictures") != std::string::npos);
    CHECK(replay.status().zh.find("3 张图片") != std::string::npos);
    CHECK(replay.status().en.find("1 unreadable") != std::string::npos);
    Collected got;
    replay.startPipeline(got.sink());

    // One picture a second: a, b, empty, a (3 s after the first a: same card still, dropped) ...
    for (int i = 0; i < 6; ++i) {
        REQUIRE(replay.step());
        clock.advance(1000);
    }
    // ... then two seconds apart: a is seen at 16 s after its last sighting at 13 s, dropped;
    // the next time round it had been away 6 s and counts again.
    for (int i = 0; i < 6; ++i) {
        REQUIRE(replay.step());
        clock.advance(3000);
    }
    replay.stop();
    // The source hands over every sighting: a and b in each of the four rounds, the empty picture never.
    CHECK(got.events.size() == 8);
    for (const auto& e : got.events) {
        CHECK(e.source == ScanSourceKind::Replay);
        CHECK(verifyCard(e.payload, {key.pub}).ok());
    }
    std::vector<std::pair<std::string, std::int64_t>> seen = got.scans();
    // a@10s, b@11s, (empty), a@13s dup, b@14s dup, (empty), a@16s dup (3 s), b@19s dup (exactly 5 s:
    // still held), (empty@22), a@25s (9 s away: new), b@28s (9 s: new), (empty@31)
    std::vector<std::pair<std::string, std::int64_t>> want = {
        {a.payload, 10'000}, {b.payload, 11'000}, {a.payload, 25'000}, {b.payload, 28'000}};
    CHECK(seen == want);
}

TEST_CASE("the pipeline decodes the newest frame and drops the ones it had no time for") {
    CardKeyPair key = corpus::fixedKey(4);
    corpus::FrameSynth synth(key, 3);
    FramePipeline pipe(ScanSourceKind::Camera, FrameDecoderOptions{0.0, false});
    Collected got;
    std::mutex gate;
    gate.lock();  // the sink blocks on the first scan so that frames pile up behind it
    bool first = true;
    pipe.start([&](const ScanEvent& e) {
        got.sink()(e);
        if (first) {
            first = false;
            std::lock_guard wait(gate);
        }
    });
    std::vector<corpus::SynthFrame> frames;
    for (std::uint32_t i = 0; i < 3; ++i) frames.push_back(synth.make(corpus::Difficulty::Easy, 640, 480, i));
    pipe.pushFrame(frames[0].image, 1);
    auto count = [&] {
        std::lock_guard lock(got.mu);
        return got.events.size();
    };
    test::waitUntil([&] { return count() > 0; }, std::chrono::milliseconds(5000));
    pipe.pushFrame(frames[1].image, 2);  // replaced by the next before the worker is free
    pipe.pushFrame(frames[2].image, 3);
    gate.unlock();
    pipe.drain();
    pipe.stop();
    REQUIRE(got.events.size() == 2);
    CHECK(got.events[0].payload == frames[0].payload);
    CHECK(got.events[1].payload == frames[2].payload);
    CHECK(got.events[1].atMs == 3);
    auto st = pipe.stats();
    CHECK(st.framesIn == 3);
    CHECK(st.framesDropped == 1);
    CHECK(st.framesDecoded == 2);
}

TEST_CASE("no camera is not an error: the camera source says so and stops promptly") {
    SteadyMonoClock clock;
    V4l2Camera cam(CameraOptions{"/dev/video-does-not-exist", 640, 480, 100}, clock);
    Collected got;
    cam.start(got.sink());
    CHECK(test::waitUntil([&] { return cam.status().en.find("not available") != std::string::npos; }));
    CHECK(cam.status().zh.find("不可用") != std::string::npos);
    auto t0 = std::chrono::steady_clock::now();
    cam.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
    CHECK(got.events.empty());
    CHECK(cam.status().en == "camera: stopped");
}

TEST_CASE("each wedge scanner burst becomes a scan event for the inbox to de-bounce, typing does not") {
    std::vector<ScanEvent> got;
    WedgeInput in([&](const ScanEvent& e) { got.push_back(e); });
    FakeMonoClock clock(1000);
    auto burst = [&](const std::string& text, std::int64_t gap) {
        for (char c : text) {
            in.onText(std::string(1, c), clock.nowMs());
            clock.advance(gap);
        }
        return in.onEnter(clock.nowMs());
    };
    CHECK(burst("11010519491231002X", 3));
    CHECK(burst("11010519491231002X", 3));  // continuous-mode re-send a moment later: passed on, the inbox folds it
    CHECK_FALSE(burst("1234", 150));         // staff typing in a field
    clock.advance(6000);
    CHECK(burst("11010519491231002X", 3));  // the same card again later
    REQUIRE(got.size() == 3);
    CHECK(got[0].source == ScanSourceKind::Wedge);
    CHECK(got[0].payload == "11010519491231002X");
    CHECK(got[1].atMs < got[0].atMs + 100);  // stamped with the burst's own key times
    CHECK(got[2].atMs > got[0].atMs + 5000);
}

namespace {
// A camera that is missing at first, streams card A, is pulled out, is missing again, then comes
// back streaming card B. Each step is one call; the script then idles (no frames).
class ScriptedCamera final : public VideoDevice {
public:
    ScriptedCamera(GrayImage a, GrayImage b) : m_a(std::move(a)), m_b(std::move(b)) {}
    bool open(SourceStatus& st) override {
        std::lock_guard lock(m_mu);
        ++m_openCalls;
        bool present = m_openCalls == 3 || m_openCalls == 5;  // absent on calls 1, 2 and 4
        st = present ? SourceStatus{"摄像头：假设备", "camera: fake"} : SourceStatus{"摄像头：未找到", "camera: none"};
        if (present) m_reads = 0;
        return present;
    }
    Read read(GrayImage& frame, int) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a 50 fps camera
        std::lock_guard lock(m_mu);
        ++m_reads;
        if (m_openCalls == 3) {
            if (m_reads > 4) return Read::Lost;  // unplugged after four frames of card A
            frame = m_a;
            return Read::Frame;
        }
        if (m_reads <= 4) {
            frame = m_b;
            return Read::Frame;
        }
        return Read::None;
    }
    void close() override {
        std::lock_guard lock(m_mu);
        ++m_closes;
    }
    int closes() {
        std::lock_guard lock(m_mu);
        return m_closes;
    }

private:
    std::mutex m_mu;
    GrayImage m_a, m_b;
    int m_openCalls = 0, m_reads = 0, m_closes = 0;
};
}  // namespace

TEST_CASE("the camera recovers from being unplugged and plugged back in") {
    CardKeyPair key = corpus::fixedKey(5);
    corpus::FrameSynth synth(key, 2);
    auto a = synth.make(corpus::Difficulty::Easy, 640, 480, 0), b = synth.make(corpus::Difficulty::Easy, 640, 480, 1);
    auto device = std::make_unique<ScriptedCamera>(a.image, b.image);
    ScriptedCamera* fake = device.get();
    SteadyMonoClock clock;
    V4l2Camera cam(CameraOptions{"fake", 640, 480, 10}, clock, FrameDecoderOptions{0.0, false}, std::move(device));
    Collected got;
    cam.start(got.sink());
    // Streaming card B after the replug, and its frames read: no fixed pause for the camera thread.
    CHECK(test::waitUntil([&] { return cam.opens() == 2 && got.scans().size() == 2; }));
    cam.drain();
    CHECK(cam.status().en == "camera: fake");  // streaming again after the replug
    cam.stop();
    CHECK(cam.opens() == 2);
    CHECK(fake->closes() == 2);  // closed when lost, and when stopped
    auto scans = got.scans();
    REQUIRE(scans.size() == 2);  // card A once, card B once, despite four frames each
    CHECK(scans[0].first == a.payload);
    CHECK(scans[1].first == b.payload);
    std::lock_guard lock(got.mu);
    CHECK(got.events.size() >= 2);  // every frame a code was read in is a sighting
    CHECK(got.events[0].source == ScanSourceKind::Camera);
}

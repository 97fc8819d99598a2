// Scan-to-result latency through the real threads: the camera's capture thread reads a 30 fps
// device (a VideoDevice playing an empty scene, then a card held up for ~0.3 s, for 40 elders), the
// FramePipeline worker decodes the newest frame and the sink asks the CheckInEngine on a real SQLite
// site (synchronous=FULL). Reports p50/p99 from
// the arrival of the decoded frame, and from the first frame that showed the card, to the answer.
// Usage: bench_scan_latency [elders] [decode budget ms per frame]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "bench/corpus/frame_synth.hpp"
#include "platform/input/v4l2_camera.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/input/scan_debouncer.hpp"
#include "shared/roster/roster_import.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {
double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}
// Plays pre-rendered frames at 30 fps like a camera; notes when each card's first frame is delivered.
class PlayedCamera final : public VideoDevice {
public:
    struct Shot {
        const GrayImage* image;
        const std::string* firstOf;  // payload whose first frame this is, or nullptr
    };
    PlayedCamera(std::vector<Shot> shots, const MonoClock& mono, std::function<void(const std::string&, std::int64_t)> shown)
        : m_shots(std::move(shots)), m_mono(mono), m_shown(std::move(shown)) {}
    bool open(SourceStatus& st) override {
        st = {"摄像头：回放", "camera: played"};
        m_next = std::chrono::steady_clock::now();
        return true;
    }
    Read read(GrayImage& frame, int) override {
        if (m_i >= m_shots.size()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return Read::None;
        }
        m_next += std::chrono::microseconds(33333);
        std::this_thread::sleep_until(m_next);
        const Shot& s = m_shots[m_i++];
        frame = *s.image;
        if (s.firstOf) m_shown(*s.firstOf, m_mono.nowMs());
        return Read::Frame;
    }
    void close() override {}
    [[nodiscard]] bool done() const { return m_i >= m_shots.size(); }

private:
    std::vector<Shot> m_shots;
    const MonoClock& m_mono;
    std::function<void(const std::string&, std::int64_t)> m_shown;
    std::chrono::steady_clock::time_point m_next;
    std::atomic<size_t> m_i{0};
};

}  // namespace

int main(int argc, char** argv) {
    const int elders = argc > 1 ? std::max(1, std::atoi(argv[1])) : 40;
    const double budgetMs = argc > 2 ? std::atof(argv[2]) : FrameDecoderOptions{}.budgetMs;
    fs::path dir = fs::temp_directory_path() / ("mealhall-bench-latency-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    auto created = Site::init(dir, "141022-001", "北关村老年食堂");
    if (!created) return std::fprintf(stderr, "%s\n", created.error().en.c_str()), 2;
    created->reset();
    std::ofstream(dir / kSiteToml) << "[site]\nid = \"141022-001\"\nname = \"北关村老年食堂\"\ntimezone = \"Asia/Shanghai\"\n"
                                      "[[service]]\nid = \"lunch\"\nname = \"午餐\"\nkind = \"meal\"\nopens = \"00:00\"\n"
                                      "closes = \"24:00\"\nprice_fen = 1000\n";
    auto site = Site::open(dir);
    if (!site) return std::fprintf(stderr, "%s\n", site.error().en.c_str()), 2;

    // The synthesiser's elders are E1000, E1037, ...; sign their cards with the site's own key.
    CardKeyPair key = (*site)->keys().card;
    corpus::FrameSynth synth(key, elders);
    {
        std::ofstream csv(dir / "roster.csv");
        csv << "elder_id,name,birth_date,card_serial\n";
        for (int i = 0; i < elders; ++i) csv << "E" << 1000 + 37 * i << ",老人" << i << ",1940-01-01," << 1 + i % 3 << "\n";
    }
    // Tomorrow 11:30 local: a fake clock before the site's creation would have every scan refused by the
    // clock check (contract 3), and the bench would time refusals.
    FakeClock calendar((*site)->timeZone().toUnix(LocalDateTime{(*site)->timeZone().toLocal(SystemClock().nowUnix()).date, 11, 30, 0}) + 86400);
    auto imported = importRosterFile(**site, dir / "roster.csv", LocalDate::of(2026, 11, 24), "2026-11-24T11:00:00+08:00", "bench");
    if (!imported || !imported->rejected.empty()) return std::fprintf(stderr, "roster import failed\n"), 2;

    CheckInEngine engine(**site, calendar);
    SteadyMonoClock mono;
    std::mutex mu;
    std::map<std::string, std::int64_t> firstShown;  // payload -> arrival of its first frame
    std::vector<double> fromDecoded, fromFirst;
    int accepted = 0, other = 0;

    // Pre-render the frames so the device keeps camera timing.
    std::vector<std::vector<GrayImage>> shows;
    std::vector<std::string> payloads;
    for (int i = 0; i < elders; ++i) {
        std::vector<GrayImage> held;
        for (int f = 0; f < 10; ++f) {
            auto how = corpus::FrameSynth::draw(corpus::Difficulty::Easy, std::uint32_t(i));
            auto fr = synth.render(how, 640, 480, std::uint32_t(i * 100 + f), i);  // same pose, fresh noise
            if (f == 0) payloads.push_back(fr.payload);
            held.push_back(std::move(fr.image));
        }
        shows.push_back(std::move(held));
    }
    GrayImage empty(640, 480);
    std::mt19937 g(1);
    for (auto& p : empty.pixels) p = std::uint8_t(100 + g() % 40);
    std::vector<PlayedCamera::Shot> shots;
    for (int i = 0; i < elders; ++i) {
        for (int f = 0; f < 6; ++f) shots.push_back({&empty, nullptr});
        for (size_t f = 0; f < shows[size_t(i)].size(); ++f)
            shots.push_back({&shows[size_t(i)][f], f == 0 ? &payloads[size_t(i)] : nullptr});
    }
    for (int f = 0; f < 10; ++f) shots.push_back({&empty, nullptr});
    auto device = std::make_unique<PlayedCamera>(std::move(shots), mono, [&](const std::string& p, std::int64_t t) {
        std::lock_guard lock(mu);
        firstShown[p] = t;
    });
    PlayedCamera* played = device.get();
    V4l2Camera cam(CameraOptions{"played"}, mono, FrameDecoderOptions{budgetMs, false}, std::move(device));
    ScanDebouncer hold;  // the one de-bouncer, where the kiosk's inbox has it (the camera hands over every sighting)
    cam.start([&](const ScanEvent& e) {
        if (!hold.admit(e.payload, e.atMs)) return;
        auto r = engine.scan(ScanRequest{e.payload, ServiceId("lunch"), std::nullopt, false});
        std::int64_t done = mono.nowMs();
        std::lock_guard lock(mu);
        (r && r->accepted() ? accepted : other)++;
        fromDecoded.push_back(double(done - e.atMs));
        if (auto it = firstShown.find(e.payload); it != firstShown.end()) fromFirst.push_back(double(done - it->second));
    });
    while (!played->done()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cam.drain();
    cam.stop();
    auto st = cam.stats();
    std::printf("scan latency bench: %d elders, camera thread at 30 fps (640x480) -> decode worker -> engine on SQLite synchronous=FULL\n", elders);
    std::printf("  decode budget %.0f ms a frame\n", budgetMs);
    std::printf("  scans %d accepted, %d other; frames in %llu, decoded %llu, dropped %llu\n", accepted, other,
                (unsigned long long)st.framesIn, (unsigned long long)st.framesDecoded, (unsigned long long)st.framesDropped);
    std::printf("  decoded frame arrival -> engine answer: p50 %.0f ms, p99 %.0f ms\n", pct(fromDecoded, 0.5), pct(fromDecoded, 0.99));
    std::printf("  card first in view    -> engine answer: p50 %.0f ms, p99 %.0f ms (target p99 < 60 ms)\n",
                pct(fromFirst, 0.5), pct(fromFirst, 0.99));
    site->reset();
    fs::remove_all(dir);
    return 0;
}

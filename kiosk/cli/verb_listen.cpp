// `listen`: the live inputs without the GUI. A camera (V4L2) or a replayed folder of pictures feeds
// the same FramePipeline and CheckInEngine the kiosk screen uses; each scan prints one JSON result
// line (contract 7, plus "source" and "latency_ms"). For installers checking a camera, and for
// acceptance runs on machines with no screen.
#include <csignal>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/cli_common.hpp"
#include "platform/input/replay_source.hpp"
#include "platform/input/v4l2_camera.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/input/scan_debouncer.hpp"
#include "shared/tally/tally_json.hpp"

namespace mh::cli {
namespace {

std::atomic<bool> g_interrupted{false};

struct ListenArgs {
    std::string site = kDefaultSite, service, camera, replay;
    double seconds = 0;
    bool delivered = false;
};

const char* sourceName(ScanSourceKind k) {
    switch (k) {
        case ScanSourceKind::Camera: return "camera";
        case ScanSourceKind::Wedge: return "scanner";
        case ScanSourceKind::Replay: return "replay";
    }
    return "?";
}

int runListen(const ListenArgs& a, Context& ctx) {
    if (!a.camera.empty() && !a.replay.empty()) {
        ctx.say("--camera 和 --replay 只能选一个", "give --camera or --replay, not both");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    if (!site->config().findService(a.service)) {
        ctx.say("site.toml 里没有服务 " + a.service, "no service " + a.service + " in site.toml");
        return kUsage;
    }
    SteadyMonoClock mono;
    // Legacy barcode cards are only worth the extra decode time where the site accepts them.
    FrameDecoderOptions decode;
    decode.alsoLinear = site->config().allowUnsigned;
    std::unique_ptr<ScanSource> source;
    if (!a.replay.empty()) {
        auto replay = std::make_unique<ReplaySource>(a.replay, mono, kReplayIntervalMs, decode);
        if (!replay->load()) {
            ctx.say("文件夹里没有可读的图片：" + a.replay, "no readable pictures in " + a.replay);
            return kUsage;
        }
        source = std::move(replay);
    } else {
        // Without --camera, the site's own [input] camera, as `run` uses it.
        std::string camera = a.camera.empty() && site->config().inputCamera != "auto" ? site->config().inputCamera : a.camera;
        if (camera == "none") {
            ctx.say("site.toml 里 [input] camera = \"none\"：请用 --camera 指定摄像头，或用 --replay",
                    "site.toml has [input] camera = \"none\": give --camera DEVICE or --replay DIR");
            return kUsage;
        }
        source = std::make_unique<V4l2Camera>(CameraOptions{camera}, mono, decode);
    }

    // The engine runs on the decode worker's thread, one scan at a time, as the kiosk's does.
    CheckInEngine engine(*site, ctx.clock);
    std::mutex mu;
    int refused = 0;
    // The sources hand over every sighting; this is the path's one de-bouncer, as the kiosk's inbox
    // is the screen's (only the decode worker calls the sink, so it needs no lock).
    ScanDebouncer hold;
    source->start([&](const ScanEvent& e) {
        if (!hold.admit(e.payload, mono.nowMs())) return;
        auto r = engine.scan(ScanRequest{e.payload, ServiceId(a.service), std::nullopt, a.delivered});
        std::lock_guard lock(mu);
        if (!r) {
            ctx.error(r.error());
            return;
        }
        auto j = scanResultJson(*r, ctx.english);
        j["source"] = sourceName(e.source);
        j["latency_ms"] = mono.nowMs() - e.atMs;
        printJson(j);
        if (!r->accepted()) ++refused;
    });
    g_interrupted = false;
    std::signal(SIGINT, [](int) { g_interrupted = true; });
    std::signal(SIGTERM, [](int) { g_interrupted = true; });
    const std::int64_t until = a.seconds > 0 ? mono.nowMs() + std::int64_t(a.seconds * 1000) : INT64_MAX;
    SourceStatus lastStatus;
    while (!g_interrupted && mono.nowMs() < until) {
        if (auto st = source->status(); !(st == lastStatus)) {
            std::cerr << st.text(ctx.english) << std::endl;  // device state for the installer: found, lost, looking
            lastStatus = st;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    source->stop();
    return refused ? kRefused : kDone;
}

}  // namespace

void registerListenVerb(CLI::App& app, Context& ctx) {
    Verb<ListenArgs>(app, ctx, "listen", "check in from the camera (or replayed pictures); one JSON line per scan", runListen)
        .site()
        .service()
        .option("--camera", &ListenArgs::camera, "V4L2 device (default: site.toml [input] camera, else the first camera found)")
        .option("--replay", &ListenArgs::replay, "a folder of PNG/JPEG pictures played as camera frames, looped")
        .option("--seconds", &ListenArgs::seconds, "stop after this long (default: until Ctrl-C)")
        .flag("--delivered", &ListenArgs::delivered, "delivered meals (送餐)");
}

}  // namespace mh::cli

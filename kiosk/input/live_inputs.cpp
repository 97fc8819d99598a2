// Chooses the frame source from the options and routes every source into the inbox.
#include "kiosk/input/live_inputs.hpp"

#include "platform/input/replay_source.hpp"
#include "platform/input/v4l2_camera.hpp"

namespace mh::kiosk {

LiveInputOptions liveInputOptions(const SiteConfig& cfg, std::filesystem::path replay) {
    LiveInputOptions o;
    o.camera = cfg.inputCamera;
    o.replay = std::move(replay);
    o.decode.alsoLinear = cfg.allowUnsigned;  // the extra decode pass costs time on every frame
    return o;
}

LiveInputs::LiveInputs(LiveInputOptions opt, const MonoClock& clock)
    : m_opt(std::move(opt)),
      m_clock(clock),
      m_inbox(clock, m_opt.debounceMs),
      // Wedge events carry SDL's tick time; re-stamp on the inbox's clock so every scan in the
      // inbox has one time base (this runs on the UI thread right after the Enter).
      m_wedge([this](const ScanEvent& e) { m_inbox.post(ScanEvent{e.payload, e.source, m_clock.nowMs()}); }) {}

LiveInputs::~LiveInputs() { stop(); }

Status LiveInputs::start(std::function<void()> wake) {
    m_inbox.setWake(std::move(wake));
    if (!m_opt.replay.empty()) {
        auto replay = std::make_unique<ReplaySource>(m_opt.replay, m_clock, m_opt.replayIntervalMs, m_opt.decode);
        if (!replay->load())
            return Error{"input.replay", "文件夹里没有可读的图片：" + m_opt.replay.string(),
                         "no readable pictures in " + m_opt.replay.string()};
        m_source = std::move(replay);
    } else if (m_opt.camera != "none") {
        CameraOptions cam;
        cam.device = m_opt.camera == "auto" ? "" : m_opt.camera;
        m_source = std::make_unique<V4l2Camera>(cam, m_clock, m_opt.decode);
    }
    if (m_source) m_source->start(m_inbox.sink());
    return okStatus();
}

void LiveInputs::stop() {
    if (m_source) m_source->stop();
}

SourceStatus LiveInputs::status() const {
    if (m_source) return m_source->status();
    return {"摄像头：未启用，只用扫码枪",
            "camera: off ([input] camera = \"none\"); scanner only"};
}

}  // namespace mh::kiosk

// The camera as a scan input: a capture thread reads frames from a VideoDevice (V4L2 by default)
// and hands each to the FramePipeline, which decodes the newest. No camera, or a camera pulled
// out, is a state shown to staff, not an error: the thread keeps looking and picks it up again.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "platform/input/frame_pipeline.hpp"
#include "platform/input/video_device.hpp"

namespace mh {

class V4l2Camera final : public ScanSource {
public:
    // How long one read waits for a frame: also the longest stop() waits for the capture thread.
    static constexpr int kReadTimeoutMs = 200;

    // device: nullptr for the real V4L2 device described by opt (tests pass a scripted fake).
    V4l2Camera(CameraOptions opt, const MonoClock& clock, FrameDecoderOptions decode = {},
               std::unique_ptr<VideoDevice> device = nullptr);
    ~V4l2Camera() override;

    void start(ScanSink sink) override;
    void stop() override;
    [[nodiscard]] SourceStatus status() const override;
    [[nodiscard]] PipelineStats stats() const { return m_pipeline.stats(); }
    // How many times a camera was opened (1 + replugs), for staff diagnostics and tests.
    [[nodiscard]] int opens() const { return m_opens; }
    // Waits until every frame read so far has been decoded (tests).
    void drain() { m_pipeline.drain(); }

private:
    void run(std::stop_token stop);
    void setStatus(SourceStatus s);

    CameraOptions m_opt;
    const MonoClock& m_clock;
    FramePipeline m_pipeline;
    std::unique_ptr<VideoDevice> m_device;
    std::atomic<int> m_opens{0};
    std::mutex m_waitMu;  // with m_waitCv: the retry wait that a stop request cuts short
    std::condition_variable_any m_waitCv;
    mutable std::mutex m_mu;
    SourceStatus m_status{"摄像头：未启动", "camera: not started"};
    std::jthread m_thread;  // last: stopped and joined before the members it uses go away
};

}  // namespace mh

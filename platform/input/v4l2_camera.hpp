// A USB camera through V4L2 (libv4l2 converts whatever the camera sends, MJPEG or YUYV, to planar
// YUV 4:2:0, whose first plane is the luma the decoder wants). A capture thread reads frames and
// hands each to the FramePipeline, which decodes the newest. No camera, or a camera pulled out,
// is a state shown to staff, not an error: the thread keeps looking and picks a camera up again.
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "platform/input/frame_pipeline.hpp"

namespace mh {

struct CameraOptions {
    std::string device;  // e.g. /dev/video0; empty: the first /dev/video* that can capture
    int width = 640, height = 480;
    int retryMs = 1000;  // how often to look for a camera when there is none
};

class V4l2Camera final : public ScanSource {
public:
    V4l2Camera(CameraOptions opt, const MonoClock& clock, FrameDecoderOptions decode = {});
    ~V4l2Camera() override;

    void start(ScanSink sink) override;
    void stop() override;
    [[nodiscard]] SourceStatus status() const override;
    [[nodiscard]] PipelineStats stats() const { return m_pipeline.stats(); }

private:
    void run();
    int openDevice();  // fd or -1; sets the status
    void setStatus(std::string zh, std::string en);

    CameraOptions m_opt;
    const MonoClock& m_clock;
    FramePipeline m_pipeline;
    std::atomic<bool> m_run{false};
    std::thread m_thread;
    mutable std::mutex m_mu;
    SourceStatus m_status{"摄像头：未启动", "camera: not started"};
    int m_width = 0, m_height = 0;
};

}  // namespace mh

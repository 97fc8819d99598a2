// The capture loop: look for a camera, stream from it, and on loss go back to looking. The frame's
// arrival time is taken as soon as read() returns, so latency figures include any decode backlog.
#include "platform/input/v4l2_camera.hpp"

#include <chrono>

namespace mh {

V4l2Camera::V4l2Camera(CameraOptions opt, const MonoClock& clock, FrameDecoderOptions decode,
                       std::unique_ptr<VideoDevice> device)
    : m_opt(std::move(opt)),
      m_clock(clock),
      m_pipeline(ScanSourceKind::Camera, decode),
      m_device(device ? std::move(device) : makeV4l2Device(m_opt)) {}

V4l2Camera::~V4l2Camera() { stop(); }

void V4l2Camera::setStatus(SourceStatus s) {
    std::lock_guard lock(m_mu);
    m_status = std::move(s);
}

SourceStatus V4l2Camera::status() const {
    std::lock_guard lock(m_mu);
    return m_status;
}

void V4l2Camera::start(ScanSink sink) {
    if (m_thread.joinable()) return;
    m_pipeline.start(std::move(sink));
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void V4l2Camera::stop() {
    m_thread.request_stop();  // ends the retry wait at once; a read returns within kReadTimeoutMs
    if (m_thread.joinable()) m_thread.join();
    m_pipeline.stop();
}

void V4l2Camera::run(std::stop_token stop) {
    using namespace std::chrono;
    while (!stop.stop_requested()) {
        SourceStatus st;
        bool opened = m_device->open(st);
        setStatus(st);
        if (!opened) {
            // Wait for the next look, woken at once by stop(): no polling, so a kiosk with no camera idles.
            std::unique_lock lock(m_waitMu);
            m_waitCv.wait_for(lock, stop, milliseconds(m_opt.retryMs), [] { return false; });
            continue;
        }
        ++m_opens;
        while (!stop.stop_requested()) {
            GrayImage frame;
            auto r = m_device->read(frame, kReadTimeoutMs);
            if (r == VideoDevice::Read::Lost) break;
            if (r == VideoDevice::Read::Frame) m_pipeline.pushFrame(std::move(frame), m_clock.nowMs());
        }
        m_device->close();
        if (!stop.stop_requested()) setStatus({"摄像头：连接断开，正在重新查找", "camera: lost, looking for it again"});
    }
    setStatus({"摄像头：已停止", "camera: stopped"});
}

}  // namespace mh

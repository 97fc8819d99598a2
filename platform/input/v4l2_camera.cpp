// read() I/O through libv4l2 (it emulates read with mmap where the driver lacks it): one copy per
// frame, which at 640x480 is far below the decode cost and keeps unplug handling simple — a failed
// read with ENODEV or EIO closes the device and the thread goes back to looking.
#include "platform/input/v4l2_camera.hpp"

#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

namespace mh {

V4l2Camera::V4l2Camera(CameraOptions opt, const MonoClock& clock, FrameDecoderOptions decode)
    : m_opt(std::move(opt)), m_clock(clock), m_pipeline(ScanSourceKind::Camera, decode) {}

V4l2Camera::~V4l2Camera() { stop(); }

void V4l2Camera::setStatus(std::string zh, std::string en) {
    std::lock_guard lock(m_mu);
    m_status = {std::move(zh), std::move(en)};
}

SourceStatus V4l2Camera::status() const {
    std::lock_guard lock(m_mu);
    return m_status;
}

void V4l2Camera::start(ScanSink sink) {
    if (m_thread.joinable()) return;
    m_pipeline.start(std::move(sink));
    m_run = true;
    m_thread = std::thread([this] { run(); });
}

void V4l2Camera::stop() {
    m_run = false;
    if (m_thread.joinable()) m_thread.join();
    m_pipeline.stop();
}

int V4l2Camera::openDevice() {
    std::vector<std::string> candidates;
    if (!m_opt.device.empty()) {
        candidates.push_back(m_opt.device);
    } else {
        for (int i = 0; i < 16; ++i) candidates.push_back("/dev/video" + std::to_string(i));
    }
    for (const auto& path : candidates) {
        if (!std::filesystem::exists(path)) continue;
        int fd = v4l2_open(path.c_str(), O_RDWR | O_NONBLOCK);
        if (fd < 0) continue;
        v4l2_capability cap{};
        // Skip metadata nodes (UVC cameras register two /dev/video nodes; one cannot capture).
        if (v4l2_ioctl(fd, VIDIOC_QUERYCAP, &cap) < 0 || !(cap.device_caps & V4L2_CAP_VIDEO_CAPTURE)) {
            v4l2_close(fd);
            continue;
        }
        v4l2_format fmt{};
        fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        fmt.fmt.pix.width = unsigned(m_opt.width);
        fmt.fmt.pix.height = unsigned(m_opt.height);
        fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_YUV420;
        fmt.fmt.pix.field = V4L2_FIELD_ANY;
        if (v4l2_ioctl(fd, VIDIOC_S_FMT, &fmt) < 0 || fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_YUV420) {
            v4l2_close(fd);
            continue;
        }
        m_width = int(fmt.fmt.pix.width);
        m_height = int(fmt.fmt.pix.height);
        std::string size = std::to_string(m_width) + "x" + std::to_string(m_height);
        setStatus("摄像头：" + path + " " + size, "camera: " + path + " " + size);
        return fd;
    }
    if (m_opt.device.empty()) setStatus("摄像头：未找到，正在查找", "camera: none found, still looking");
    else setStatus("摄像头：" + m_opt.device + " 不可用，正在查找", "camera: " + m_opt.device + " not available, still looking");
    return -1;
}

void V4l2Camera::run() {
    using namespace std::chrono;
    while (m_run) {
        int fd = openDevice();
        if (fd < 0) {
            // Sleep in small steps so stop() is prompt.
            for (int waited = 0; m_run && waited < m_opt.retryMs; waited += 50) std::this_thread::sleep_for(milliseconds(50));
            continue;
        }
        std::vector<std::uint8_t> buf(size_t(m_width) * m_height * 3 / 2);
        while (m_run) {
            pollfd p{fd, POLLIN, 0};
            int pr = poll(&p, 1, 200);
            if (pr == 0) continue;  // no frame yet; check m_run
            if (pr < 0 && errno == EINTR) continue;
            if (pr < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL))) break;
            ssize_t n = v4l2_read(fd, buf.data(), buf.size());
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (n < ssize_t(size_t(m_width) * m_height)) break;  // unplugged (ENODEV/EIO) or broken frame stream
            std::int64_t arrived = m_clock.nowMs();
            GrayImage frame(m_width, m_height);
            std::memcpy(frame.pixels.data(), buf.data(), frame.pixels.size());  // Y plane
            m_pipeline.pushFrame(std::move(frame), arrived);
        }
        v4l2_close(fd);
        if (m_run) setStatus("摄像头：连接断开，正在重新查找", "camera: lost, looking for it again");
    }
    setStatus("摄像头：已停止", "camera: stopped");
}

}  // namespace mh

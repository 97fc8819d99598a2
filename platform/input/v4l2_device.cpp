// The real VideoDevice: read() I/O through libv4l2 (it emulates read with mmap where the driver
// lacks it, and converts MJPEG/YUYV to planar YUV 4:2:0, whose first plane is luma). One copy per
// frame, far below the decode cost at 640x480, and unplug handling stays simple: a failed read
// (ENODEV, EIO) or POLLERR means the camera is gone.
#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "platform/input/video_device.hpp"

namespace mh {
namespace {

class V4l2Device final : public VideoDevice {
public:
    explicit V4l2Device(CameraOptions opt) : m_opt(std::move(opt)) {}
    ~V4l2Device() override { close(); }

    bool open(SourceStatus& status) override {
        std::vector<std::string> candidates;
        if (!m_opt.device.empty()) candidates.push_back(m_opt.device);
        else
            for (int i = 0; i < 16; ++i) candidates.push_back("/dev/video" + std::to_string(i));
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
            m_fd = fd;
            m_width = int(fmt.fmt.pix.width);
            m_height = int(fmt.fmt.pix.height);
            m_buf.resize(size_t(m_width) * size_t(m_height) * 3 / 2);
            std::string size = std::to_string(m_width) + "x" + std::to_string(m_height);
            status = {"摄像头：" + path + " " + size, "camera: " + path + " " + size};
            return true;
        }
        if (m_opt.device.empty()) status = {"摄像头：未找到，正在查找", "camera: none found, still looking"};
        else
            status = {"摄像头：" + m_opt.device + " 不可用，正在查找", "camera: " + m_opt.device + " not available, still looking"};
        return false;
    }

    Read read(GrayImage& frame, int timeoutMs) override {
        if (m_fd < 0) return Read::Lost;
        pollfd p{m_fd, POLLIN, 0};
        int pr = poll(&p, 1, timeoutMs);
        if (pr == 0 || (pr < 0 && errno == EINTR)) return Read::None;
        if (pr < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL))) return Read::Lost;
        ssize_t n = v4l2_read(m_fd, m_buf.data(), m_buf.size());
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return Read::None;
        if (n < ssize_t(size_t(m_width) * size_t(m_height))) return Read::Lost;
        frame = GrayImage(m_width, m_height);
        std::memcpy(frame.pixels.data(), m_buf.data(), frame.pixels.size());  // the Y plane
        return Read::Frame;
    }

    void close() override {
        if (m_fd >= 0) v4l2_close(m_fd);
        m_fd = -1;
    }

private:
    CameraOptions m_opt;
    int m_fd = -1;
    int m_width = 0, m_height = 0;
    std::vector<std::uint8_t> m_buf;
};

}  // namespace

std::unique_ptr<VideoDevice> makeV4l2Device(const CameraOptions& opt) { return std::make_unique<V4l2Device>(opt); }

}  // namespace mh

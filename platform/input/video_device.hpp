// One capture device as the camera loop sees it: open, read frames, notice it is gone, close.
// V4l2Device is the real one; tests script a fake to drive unplug and replug.
#pragma once
#include <memory>
#include <string>

#include "shared/ports/gray_image.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh {

class VideoDevice {
public:
    enum class Read { Frame, None, Lost };
    virtual ~VideoDevice() = default;
    // True when a device is open and streaming; sets `status` either way (found / none / busy).
    virtual bool open(SourceStatus& status) = 0;
    // Waits up to timeoutMs for a frame. None: nothing yet. Lost: unplugged or failing, close it.
    virtual Read read(GrayImage& frame, int timeoutMs) = 0;
    virtual void close() = 0;
};

struct CameraOptions {
    std::string device;  // e.g. /dev/video0; empty: the first /dev/video* that can capture
    int width = 640, height = 480;
    int retryMs = 1000;  // how often to look for a camera when there is none
};

std::unique_ptr<VideoDevice> makeV4l2Device(const CameraOptions& opt);

}  // namespace mh

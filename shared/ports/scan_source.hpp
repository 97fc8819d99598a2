// "A scan happened": what every input (camera, keyboard-wedge scanner, replayed images) hands the
// kiosk. The kiosk only consumes ScanEvents; it never knows which device made them.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "shared/ports/clock.hpp"  // MonoClock: ScanEvent::atMs is on it

namespace mh {

enum class ScanSourceKind { Camera, Wedge, Replay };

struct ScanEvent {
    std::string payload;        // untrusted text, exactly as decoded or typed
    ScanSourceKind source = ScanSourceKind::Camera;
    std::int64_t atMs = 0;      // monotonic milliseconds (MonoClock) when the frame/keys arrived
};

using ScanSink = std::function<void(const ScanEvent&)>;

// A device's state for the staff screen, in both languages ("未找到摄像头，正在查找").
struct SourceStatus {
    std::string zh;
    std::string en;
    [[nodiscard]] const std::string& text(bool english) const { return english ? en : zh; }
    bool operator==(const SourceStatus&) const = default;
};

// A live input. start() returns at once; events arrive on the source's own thread through the sink.
// A missing device is not an error: the source keeps looking and reports its state.
class ScanSource {
public:
    virtual ~ScanSource() = default;
    virtual void start(ScanSink sink) = 0;
    virtual void stop() = 0;
    // One short line for the staff screen, e.g. "camera: none found, still looking".
    [[nodiscard]] virtual SourceStatus status() const = 0;
};

}  // namespace mh

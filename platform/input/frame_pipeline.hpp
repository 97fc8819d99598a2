// From frames to scans: a decode worker that always takes the newest frame (older undecoded
// frames are dropped, so a slow decode never builds a backlog), runs the FrameDecoder, de-bounces
// and hands "a scan happened" to the sink. Shared by the camera and the replay source.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

#include "platform/vision/frame_decoder.hpp"
#include "shared/input/scan_debouncer.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh {

struct PipelineStats {
    std::uint64_t framesIn = 0, framesDecoded = 0, framesDropped = 0, scans = 0;
};

class FramePipeline {
public:
    FramePipeline(ScanSourceKind kind, FrameDecoderOptions opt = {},
                  std::int64_t debounceMs = kScanHoldMs);
    ~FramePipeline();
    FramePipeline(const FramePipeline&) = delete;

    void start(ScanSink sink);
    // Joins the worker; frames pushed afterwards are ignored. Safe to call twice.
    void stop();
    // Called by the capture thread; never blocks on decoding. arrivedMs: when the frame arrived.
    void pushFrame(GrayImage frame, std::int64_t arrivedMs);
    // Blocks until every frame pushed so far has been decoded or dropped (tests, replay).
    void drain();
    [[nodiscard]] PipelineStats stats() const;

private:
    void run();

    ScanSourceKind m_kind;
    FrameDecoder m_decoder;
    ScanDebouncer m_debouncer;
    ScanSink m_sink;

    mutable std::mutex m_mu;
    std::condition_variable m_cv;
    std::optional<std::pair<GrayImage, std::int64_t>> m_latest;
    bool m_busy = false;
    bool m_stop = false;
    PipelineStats m_stats;
    std::thread m_worker;
};

}  // namespace mh

// From frames to sightings: a decode worker that always takes the newest frame (older undecoded
// frames are dropped, so a slow decode never builds a backlog), runs the FrameDecoder and hands
// every code it reads to the sink. It does not de-bounce: a card held up for a second is read in
// many frames, and the one de-bouncer where all inputs meet (kiosk/input/scan_inbox, kScanHoldMs)
// makes it one scan. Shared by the camera and the replay source.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

#include "platform/vision/frame_decoder.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh {

struct PipelineStats {
    std::uint64_t framesIn = 0, framesDecoded = 0, framesDropped = 0, scans = 0;  // scans: frames a code was read in
};

class FramePipeline {
public:
    explicit FramePipeline(ScanSourceKind kind, FrameDecoderOptions opt = {});
    ~FramePipeline();
    FramePipeline(const FramePipeline&) = delete;

    void start(ScanSink sink);
    // Stops and joins the worker; frames pushed afterwards are ignored. Safe to call twice.
    void stop();
    // Called by the capture thread; never blocks on decoding. arrivedMs: when the frame arrived.
    void pushFrame(GrayImage frame, std::int64_t arrivedMs);
    // Blocks until every frame pushed so far has been decoded or dropped (tests, replay).
    void drain();
    [[nodiscard]] PipelineStats stats() const;

private:
    void run(std::stop_token stop);

    ScanSourceKind m_kind;
    FrameDecoder m_decoder;
    ScanSink m_sink;

    mutable std::mutex m_mu;
    std::condition_variable_any m_cv;  // waits that a stop request also ends
    std::optional<std::pair<GrayImage, std::int64_t>> m_latest;
    bool m_busy = false;
    bool m_stopped = false;  // after stop(): frames are ignored and drain() returns at once
    PipelineStats m_stats;
    std::jthread m_worker;  // last: stopped and joined before the members it uses go away
};

}  // namespace mh

// A folder of pictures played as if a camera saw them, in name order, looped: for demos, for
// acceptance runs without a camera, and for tests of the whole path from frame to scan.
#pragma once
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "platform/input/frame_pipeline.hpp"

namespace mh {

// A picture every 200 ms: about the rate a camera's decoder gets through frames on the kiosk.
inline constexpr std::int64_t kReplayIntervalMs = 200;

class ReplaySource final : public ScanSource {
public:
    // intervalMs: time between frames when running on its own thread.
    ReplaySource(std::filesystem::path folder, const MonoClock& clock, std::int64_t intervalMs = kReplayIntervalMs,
                 FrameDecoderOptions opt = {});
    ~ReplaySource() override;

    void start(ScanSink sink) override;  // loads the pictures, then plays them on a thread
    void stop() override;
    [[nodiscard]] SourceStatus status() const override;

    // Without the thread (tests): load, then push the next picture stamped with the clock's now
    // and wait until it has been decoded. Returns false when the folder has no readable picture.
    bool load();
    bool step();
    void startPipeline(ScanSink sink) { m_pipeline.start(std::move(sink)); }

private:
    std::filesystem::path m_folder;
    const MonoClock& m_clock;
    std::int64_t m_intervalMs;
    FramePipeline m_pipeline;
    std::vector<GrayImage> m_frames;
    size_t m_next = 0;
    int m_unreadable = 0;
    std::mutex m_waitMu;  // with m_waitCv: the pause between pictures, which a stop request cuts short
    std::condition_variable_any m_waitCv;
    std::jthread m_thread;  // last: stopped and joined before the members it uses go away
};

}  // namespace mh

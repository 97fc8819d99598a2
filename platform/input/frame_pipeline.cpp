// One worker thread. The slot holds at most one frame: pushing over an undecoded frame replaces it
// (counted as dropped), because a card in front of the camera is better answered from the newest
// frame than from a queue of stale ones.
#include "platform/input/frame_pipeline.hpp"

namespace mh {

FramePipeline::FramePipeline(ScanSourceKind kind, FrameDecoderOptions opt) : m_kind(kind), m_decoder(opt) {}

FramePipeline::~FramePipeline() { stop(); }

void FramePipeline::start(ScanSink sink) {
    std::lock_guard lock(m_mu);
    if (m_worker.joinable()) return;
    m_sink = std::move(sink);
    m_stopped = false;
    m_worker = std::jthread([this](std::stop_token stop) { run(stop); });
}

void FramePipeline::stop() {
    m_worker.request_stop();  // wakes the worker's wait (condition_variable_any with the token)
    if (m_worker.joinable()) m_worker.join();
    {
        std::lock_guard lock(m_mu);
        m_stopped = true;
    }
    m_cv.notify_all();  // a drain() waiting for a frame the worker will no longer take
}

void FramePipeline::pushFrame(GrayImage frame, std::int64_t arrivedMs) {
    {
        std::lock_guard lock(m_mu);
        if (m_stopped) return;
        ++m_stats.framesIn;
        if (m_latest) ++m_stats.framesDropped;
        m_latest.emplace(std::move(frame), arrivedMs);
    }
    m_cv.notify_all();
}

void FramePipeline::drain() {
    std::unique_lock lock(m_mu);
    m_cv.wait(lock, [&] { return m_stopped || (!m_latest && !m_busy); });
}

PipelineStats FramePipeline::stats() const {
    std::lock_guard lock(m_mu);
    return m_stats;
}

void FramePipeline::run(std::stop_token stop) {
    for (;;) {
        std::pair<GrayImage, std::int64_t> job;
        {
            std::unique_lock lock(m_mu);
            if (!m_cv.wait(lock, stop, [&] { return m_latest.has_value(); })) return;  // stop requested
            job = std::move(*m_latest);
            m_latest.reset();
            m_busy = true;
        }
        auto d = m_decoder.decode(job.first);
        if (d.payload) m_sink(ScanEvent{*d.payload, m_kind, job.second});
        {
            std::lock_guard lock(m_mu);
            ++m_stats.framesDecoded;
            if (d.payload) ++m_stats.scans;
            m_busy = false;
        }
        m_cv.notify_all();
    }
}

}  // namespace mh

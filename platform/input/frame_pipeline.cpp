// One worker thread. The slot holds at most one frame: pushing over an undecoded frame replaces it
// (counted as dropped), because a card in front of the camera is better answered from the newest
// frame than from a queue of stale ones.
#include "platform/input/frame_pipeline.hpp"

namespace mh {

FramePipeline::FramePipeline(ScanSourceKind kind, FrameDecoderOptions opt,
                             std::int64_t debounceMs)
    : m_kind(kind), m_decoder(opt), m_debouncer(debounceMs) {}

FramePipeline::~FramePipeline() { stop(); }

void FramePipeline::start(ScanSink sink) {
    std::lock_guard lock(m_mu);
    if (m_worker.joinable()) return;
    m_sink = std::move(sink);
    m_stop = false;
    m_worker = std::thread([this] { run(); });
}

void FramePipeline::stop() {
    {
        std::lock_guard lock(m_mu);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

void FramePipeline::pushFrame(GrayImage frame, std::int64_t arrivedMs) {
    {
        std::lock_guard lock(m_mu);
        if (m_stop) return;
        ++m_stats.framesIn;
        if (m_latest) ++m_stats.framesDropped;
        m_latest.emplace(std::move(frame), arrivedMs);
    }
    m_cv.notify_all();
}

void FramePipeline::drain() {
    std::unique_lock lock(m_mu);
    m_cv.wait(lock, [&] { return m_stop || (!m_latest && !m_busy); });
}

PipelineStats FramePipeline::stats() const {
    std::lock_guard lock(m_mu);
    return m_stats;
}

void FramePipeline::run() {
    for (;;) {
        std::pair<GrayImage, std::int64_t> job;
        {
            std::unique_lock lock(m_mu);
            m_cv.wait(lock, [&] { return m_stop || m_latest; });
            if (m_stop) return;
            job = std::move(*m_latest);
            m_latest.reset();
            m_busy = true;
        }
        auto d = m_decoder.decode(job.first);
        bool fresh = d.payload && m_debouncer.admit(*d.payload, job.second);
        if (fresh) m_sink(ScanEvent{*d.payload, m_kind, job.second});
        {
            std::lock_guard lock(m_mu);
            ++m_stats.framesDecoded;
            if (fresh) ++m_stats.scans;
            m_busy = false;
        }
        m_cv.notify_all();
    }
}

}  // namespace mh

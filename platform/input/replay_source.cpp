// Pictures are decoded once from disk at load and then replayed from memory, so replay timing is
// the pipeline's, not the disk's.
#include "platform/input/replay_source.hpp"

#include <algorithm>
#include <chrono>

#include "platform/vision/image_file.hpp"

namespace mh {
namespace fs = std::filesystem;

ReplaySource::ReplaySource(fs::path folder, const MonoClock& clock, std::int64_t intervalMs, FrameDecoderOptions opt)
    : m_folder(std::move(folder)), m_clock(clock), m_intervalMs(intervalMs), m_pipeline(ScanSourceKind::Replay, opt) {}

ReplaySource::~ReplaySource() { stop(); }

bool ReplaySource::load() {
    m_frames.clear();
    m_unreadable = 0;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(m_folder, ec))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        auto img = loadGrayImage(f);
        if (img) m_frames.push_back(std::move(*img));
        else ++m_unreadable;  // a stray text file in the folder is skipped, not fatal
    }
    m_next = 0;
    return !m_frames.empty();
}

bool ReplaySource::step() {
    if (m_frames.empty()) return false;
    m_pipeline.pushFrame(m_frames[m_next], m_clock.nowMs());
    m_next = (m_next + 1) % m_frames.size();
    m_pipeline.drain();
    return true;
}

void ReplaySource::start(ScanSink sink) {
    if (m_thread.joinable() || !load()) return;
    m_pipeline.start(std::move(sink));
    m_thread = std::jthread([this](std::stop_token stop) {
        while (!stop.stop_requested()) {
            step();
            std::unique_lock lock(m_waitMu);
            m_waitCv.wait_for(lock, stop, std::chrono::milliseconds(m_intervalMs), [] { return false; });
        }
    });
}

void ReplaySource::stop() {
    m_thread.request_stop();
    if (m_thread.joinable()) m_thread.join();
    m_pipeline.stop();
}

SourceStatus ReplaySource::status() const {
    if (m_frames.empty())
        return {"回放：文件夹里没有可读的图片 " + m_folder.string(), "replay: no readable pictures in " + m_folder.string()};
    std::string n = std::to_string(m_frames.size()), bad = std::to_string(m_unreadable);
    return {"回放：" + m_folder.string() + " 中的 " + n + " 张图片" + (m_unreadable ? "，跳过 " + bad + " 个无法读取的文件" : ""),
            "replay: " + n + " pictures from " + m_folder.string() +
                (m_unreadable ? ", " + bad + " unreadable skipped" : "")};
}

}  // namespace mh

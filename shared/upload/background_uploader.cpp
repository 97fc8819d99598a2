#include "shared/upload/background_uploader.hpp"

#include <algorithm>

namespace mh {

BackgroundUploader::BackgroundUploader(std::filesystem::path siteDir, const Clock& clock, HttpClientFactory factory,
                                       BackgroundUploaderOptions options)
    : m_dir(std::move(siteDir)), m_clock(clock), m_factory(std::move(factory)), m_opt(options) {
    m_opt.upload.respectSchedule = true;
    m_opt.upload.rosterEverySeconds = m_opt.rosterEverySeconds;
}

BackgroundUploader::~BackgroundUploader() { stop(); }

void BackgroundUploader::start() {
    if (m_thread.joinable()) return;
    m_httpStop = false;
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void BackgroundUploader::stop() {
    m_thread.request_stop();
    if (m_thread.joinable()) m_thread.join();
}

void BackgroundUploader::wakeUp() {
    {
        std::lock_guard lock(m_mutex);
        m_wake = true;
        m_force = true;
    }
    m_cv.notify_all();
}

UploadStatus BackgroundUploader::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

bool BackgroundUploader::waitMs(std::stop_token stop, std::int64_t ms) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, stop, std::chrono::milliseconds(std::max<std::int64_t>(ms, 0)), [this] { return m_wake; });
    m_wake = false;
    return !stop.stop_requested();
}

void BackgroundUploader::loop(std::stop_token stop) {
    // The client checks a plain flag from inside the transfer (curl's progress callback).
    std::stop_callback abortHttp(stop, [this] { m_httpStop = true; });
    std::unique_ptr<Site> site;
    std::unique_ptr<HttpClient> http;
    while (!stop.stop_requested()) {
        std::int64_t waitFor = m_opt.pollMs;
        try {
            if (!site) {
                auto opened = Site::open(m_dir);
                if (!opened) {
                    std::lock_guard lock(m_mutex);
                    m_status.lastError = opened.error().message;
                    m_status.lastErrorEn = opened.error().en;
                } else {
                    site = std::move(*opened);
                    http = m_factory(site->config(), m_httpStop);
                }
            }
            if (site) {
                // Quick retries inside a run would hold the thread; the stored schedule does the waiting.
                UploadOptions o = m_opt.upload;
                o.quickRetries = 0;
                {
                    std::lock_guard lock(m_mutex);
                    o.respectSchedule = !m_force;
                    m_force = false;
                }
                TallyUploader up(*site, m_clock, *http, o, [this, &stop](std::int64_t ms) { return waitMs(stop, ms); });
                UploadRunReport rep = up.run();
                if (rep.nextAttemptUnix > 0)
                    waitFor = std::clamp<std::int64_t>((rep.nextAttemptUnix - m_clock.nowUnix()) * 1000, 0, m_opt.pollMs);
                UploadStatus st = readUploadStatus(*site);
                std::lock_guard lock(m_mutex);
                m_status = st;
            }
        } catch (const std::exception& e) {
            // The disk or the database failed: say so on the staff screen and try again later.
            std::lock_guard lock(m_mutex);
            m_status.lastError = "本机存储出错，上报暂停，稍后重试。";
            m_status.lastErrorEn = std::string("local storage failed: ") + e.what();
            site.reset();
            http.reset();
        }
        ++m_runs;
        if (!waitMs(stop, waitFor)) break;
    }
}

}  // namespace mh

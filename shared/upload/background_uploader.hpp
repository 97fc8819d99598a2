// The running kiosk's uploader: a thread that freezes due days, sends them, backs off and tries again,
// forever, until stopped. start() and status() never block the caller (the GUI's frame loop); stop()
// waits at most for the request in flight, which the HttpClient aborts when the stop flag is set.
// The thread is a std::jthread: its stop request ends every wait at once and sets the HTTP client's
// stop flag (HttpClientFactory) through a stop_callback.
#pragma once
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/ports/http_client.hpp"
#include "shared/ports/http_client_factory.hpp"  // HttpClientFactory moved there; kept visible here
#include "shared/upload/tally_uploader.hpp"
#include "shared/upload/upload_status.hpp"

namespace mh {

struct BackgroundUploaderOptions {
    UploadOptions upload;                  // respectSchedule is forced on
    std::int64_t pollMs = 60'000;          // look for newly due days at least this often
    std::int64_t rosterEverySeconds = 3600;
};

class BackgroundUploader {
public:
    // Opens its own connection to the site database (SQLite connections are not shared across threads).
    BackgroundUploader(std::filesystem::path siteDir, const Clock& clock, HttpClientFactory factory,
                       BackgroundUploaderOptions options = {});
    ~BackgroundUploader();
    BackgroundUploader(const BackgroundUploader&) = delete;

    void start();
    void stop();
    // Try now instead of at the next poll, ignoring the backoff schedule once (staff pressed 上报 after
    // fixing the token, or a void touched a frozen day).
    void wakeUp();

    // The status as of the end of the last run, without touching the database.
    [[nodiscard]] UploadStatus status() const;
    [[nodiscard]] int runs() const { return m_runs.load(); }

private:
    void loop(std::stop_token stop);
    bool waitMs(std::stop_token stop, std::int64_t ms);  // false when stopping

    std::filesystem::path m_dir;
    const Clock& m_clock;
    HttpClientFactory m_factory;
    BackgroundUploaderOptions m_opt;
    std::atomic<bool> m_httpStop{false};  // the HTTP client's abort flag, set by the stop request
    std::atomic<int> m_runs{0};
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;  // waits that a stop request also ends
    bool m_wake = false;
    bool m_force = false;  // the next run ignores the stored backoff schedule
    UploadStatus m_status;
    std::jthread m_thread;  // last: stopped and joined before the members it uses go away
};

}  // namespace mh

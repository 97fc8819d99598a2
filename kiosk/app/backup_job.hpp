// The running kiosk's nightly backup ([backup] in site.toml): after end_of_day, one copy a night to
// the USB stick through shared nightlyBackup(), the newest `keep` kept. Its own thread and database
// connection, so the frame loop never waits for a slow stick. Staff see the last backup's age and
// any failure in plain Chinese on the settings tab, no paths.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site.hpp"

namespace mh::app {

struct BackupJobOptions {
    std::int64_t pollMs = 600'000;  // how often the thread looks at the clock
    std::int64_t firstCheckDelayMs = 20'000;  // after the first frames and the posting job's start
};

class BackupJob {
public:
    BackupJob(std::filesystem::path siteDir, const Clock& clock, BackupJobOptions options = {});
    ~BackupJob();
    BackupJob(const BackupJob&) = delete;

    void start();
    void stop();
    // One check on the caller's thread (the job's thread calls it; tests call it directly).
    void runOnce(Site& site);
    // 上次备份：3小时前 / 已经3天没有备份了，请检查U盘 / 备份没有做成：U盘不在…; empty without [backup].
    [[nodiscard]] std::string statusText() const;

private:
    void loop(std::stop_token stop);

    std::filesystem::path m_dir;
    const Clock& m_clock;
    BackupJobOptions m_opt;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    bool m_configured = false;
    std::optional<std::int64_t> m_lastUnix;  // the last backup this kiosk made or found
    std::string m_error;                     // the last failure, for staff; empty after a success
    std::jthread m_thread;                   // last: joined before the members it reads go
};

}  // namespace mh::app

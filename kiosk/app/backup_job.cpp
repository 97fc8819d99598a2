// The kiosk's nightly backup thread (see backup_job.hpp).
#include "kiosk/app/backup_job.hpp"

#include "kiosk/app/site_job_loop.hpp"

#include <sys/stat.h>

#include <iostream>

#include "shared/backup/site_backup.hpp"

namespace mh::app {
namespace fs = std::filesystem;

BackupJob::BackupJob(fs::path siteDir, const Clock& clock, BackupJobOptions options)
    : m_dir(std::move(siteDir)), m_clock(clock), m_opt(options) {}

BackupJob::~BackupJob() { stop(); }

void BackupJob::start() {
    if (m_thread.joinable()) return;
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void BackupJob::stop() {
    m_thread.request_stop();
    if (m_thread.joinable()) m_thread.join();
    m_thread = {};
}

void BackupJob::runOnce(Site& site) {
    const std::int64_t now = m_clock.nowUnix();
    auto night = nightlyBackup(site, now);
    std::lock_guard lock(m_mutex);
    m_configured = !site.config().backupTo.empty();
    if (!night) {
        // A missing or full stick has its own sentence; anything else may name files, which staff
        // screens never show (the stderr log has the detail).
        m_error = night.error().code == "backup.target" ? "备份没有做成：U盘不在或已满" : "备份没有做成，请联系县信息科";
        std::cerr << "夜间备份：" << night.error().message << "\n";
        return;
    }
    if (night->made) {
        m_lastUnix = now;
        m_error.clear();
    } else if (!m_lastUnix && m_configured) {
        // A kiosk restarted after tonight's copy: the newest copy on the stick says when.
        auto all = listBackups(site.config().backupTo);
        struct stat st {};
        if (!all.empty() && ::stat((all.back() / kBackupManifest).c_str(), &st) == 0) m_lastUnix = st.st_mtime;
    }
}

std::string BackupJob::statusText() const {
    std::lock_guard lock(m_mutex);
    if (!m_configured) return "";
    std::string age = backupAgeText(m_lastUnix, m_clock.nowUnix());
    return m_error.empty() ? age : m_error + "（" + age + "）";
}

void BackupJob::loop(std::stop_token stop) {
    runSiteJobLoop(stop, m_mutex, m_cv, m_dir, m_opt.firstCheckDelayMs, m_opt.pollMs, "夜间备份出错：",
                   [this](Site& site) { runOnce(site); });
}

}  // namespace mh::app

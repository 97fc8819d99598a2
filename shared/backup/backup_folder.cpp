#include "shared/backup/backup_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "shared/backup/site_backup.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {

// Holds flock(LOCK_EX) on a directory while it lives.
struct DirLock {
    int fd = -1;
    explicit DirLock(const fs::path& dir, bool wait) {
        fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0 && ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~DirLock() {
        if (fd >= 0) ::close(fd);
    }
    DirLock(const DirLock&) = delete;
    DirLock& operator=(const DirLock&) = delete;
};

}  // namespace

std::unique_ptr<BackupTemp> BackupTemp::make(const fs::path& to) {
    DirLock whole(to, true);
    if (whole.fd < 0) return nullptr;
    int removed = 0;
    std::error_code ec;
    std::vector<fs::path> stale;
    for (const auto& e : fs::directory_iterator(to, ec))
        if (e.path().filename().string().rfind(kBackupTempPrefix, 0) == 0) stale.push_back(e.path());
    for (const auto& p : stale) {
        // A live backup holds its temporary's lock; one that died let go of it with its process.
        DirLock owner(p, false);
        if (owner.fd < 0) continue;
        if (fs::remove_all(p, ec) > 0 && !ec) ++removed;
    }
    std::string pattern = (to / (std::string(kBackupTempPrefix) + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) return nullptr;  // mkdtemp makes it 0700
    int fd = ::open(pattern.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (fd >= 0) ::close(fd);
        fs::remove_all(pattern, ec);
        return nullptr;
    }
    return std::unique_ptr<BackupTemp>(new BackupTemp(pattern, fd, removed));
}

BackupTemp::~BackupTemp() {
    std::error_code ec;
    if (!m_keep) fs::remove_all(m_path, ec);
    if (m_fd >= 0) ::close(m_fd);
}

BackupChoice chooseBackup(const fs::path& from, const std::string& siteId, const std::vector<std::string>& ownTerminals) {
    BackupChoice c;
    std::error_code ec;
    if (fs::exists(from / kBackupManifest, ec)) {
        c.chosen = from;
        return c;
    }
    c.fromFolder = true;
    std::vector<std::pair<fs::path, BackupInfo>> found;  // newest first
    auto all = listBackups(from);
    std::set<std::string> sites;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        auto info = readBackup(*it);
        if (!info) continue;
        sites.insert(info->siteId);
        if (!siteId.empty() && info->siteId != siteId) continue;
        found.emplace_back(*it, *info);
    }
    if (siteId.empty() && sites.size() > 1) {
        c.severalSites = true;
        return c;
    }
    if (found.empty()) return c;
    auto own = std::find_if(found.begin(), found.end(), [&](const auto& f) {
        return std::find(ownTerminals.begin(), ownTerminals.end(), f.second.terminal) != ownTerminals.end();
    });
    c.chosen = (own != found.end() ? own : found.begin())->first;
    for (const auto& f : found)
        if (f.first != c.chosen) c.others.push_back(f.first);
    return c;
}

}  // namespace mh

// Where backups live on the stick (contract 11): the dot-named temporary a backup is made in, and
// the choice of one backup among the folders that `backup --to` filled.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mh {

inline constexpr const char* kBackupTempPrefix = ".mealhall-partial-";

// A backup under construction: `TO/.mealhall-partial-XXXXXX/` (0700), locked (flock) for as long as
// this object lives, so that another backup can tell a live temporary from one left by a backup that
// was killed (a full stick, a file-size limit, a power cut). Making one first removes every unlocked
// temporary in TO; the whole sweep-and-make step holds a lock on TO itself, so two backups never
// take each other's temporary for a stale one. The destructor removes the temporary unless
// release() was called after it was renamed to its final name.
class BackupTemp {
public:
    // Null when TO cannot be written.
    static std::unique_ptr<BackupTemp> make(const std::filesystem::path& to);
    ~BackupTemp();
    BackupTemp(const BackupTemp&) = delete;
    BackupTemp& operator=(const BackupTemp&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] int removedStale() const { return m_removedStale; }
    void release() { m_keep = true; }

private:
    BackupTemp(std::filesystem::path path, int fd, int removed) : m_path(std::move(path)), m_fd(fd), m_removedStale(removed) {}
    std::filesystem::path m_path;
    int m_fd = -1;
    int m_removedStale = 0;
    bool m_keep = false;
};

// The folder given to `restore --from`: one backup, or the folder given to `backup --to`, in which
// the newest backup of `siteId` is chosen (one of `ownTerminals` first, when it has any; any site's
// when `siteId` is empty and the folder holds only one site's backups).
struct BackupChoice {
    std::filesystem::path chosen;              // empty: none found
    std::vector<std::filesystem::path> others;  // the other backups of the site there, newest first
    bool fromFolder = false;                    // chosen among several, not given directly
    bool severalSites = false;                  // no site given and backups of several sites found
};
BackupChoice chooseBackup(const std::filesystem::path& from, const std::string& siteId,
                          const std::vector<std::string>& ownTerminals);

}  // namespace mh

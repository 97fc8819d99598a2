// One `run` or `serve` per site directory (contract 11, hardened 2026-12-06): an advisory lock
// (flock) on DIR/kiosk.lock, held for the life of the process that answers the peers, uploads and
// runs the jobs. Two of them on one directory would answer the peers twice and run every job twice.
// Other verbs (`scan`, `void`, `status`...) never take it: they share the database with the one that
// runs. The file says who holds it ("PID VERB"), so the second can name that process; the kernel
// lets the lock go when the holder dies, however it dies, so a stale file never blocks anything.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"

namespace mh {

inline constexpr const char* kSiteLock = "kiosk.lock";

class SiteLock {
public:
    // Takes the lock of site directory `dir` for `verb` ("run", "serve"), without waiting. Error
    // site.locked (naming the holder's pid and verb) when another process holds it; site.lock when
    // the file cannot be made. The file is 0600 whatever the umask.
    static Result<SiteLock> take(const std::filesystem::path& dir, const std::string& verb);
    ~SiteLock();
    SiteLock(SiteLock&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    SiteLock& operator=(SiteLock&&) = delete;
    SiteLock(const SiteLock&) = delete;

private:
    explicit SiteLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace mh

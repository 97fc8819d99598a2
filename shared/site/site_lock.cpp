#include "shared/site/site_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

namespace mh {
namespace {

// "PID VERB" as the holder wrote it; empty fields when it has not written yet (it just took the lock).
void readHolder(int fd, std::string& pid, std::string& verb) {
    char buf[128] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return;
    std::istringstream in(std::string(buf, size_t(n)));
    in >> pid >> verb;
    if (pid.find_first_not_of("0123456789") != std::string::npos) pid.clear();
    if (verb != "run" && verb != "serve" && verb != "demo") verb.clear();
}

}  // namespace

Result<SiteLock> SiteLock::take(const std::filesystem::path& dir, const std::string& verb) {
    const std::filesystem::path file = dir / kSiteLock;
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return Error{"site.lock", "无法在站点目录里建锁文件 " + file.string() + "：" + std::strerror(errno),
                     "cannot make the lock file " + file.string() + ": " + std::strerror(errno)};
    ::fchmod(fd, 0600);  // whatever the umask, and an older file too
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        std::string pid, holderVerb;
        if (err == EWOULDBLOCK) readHolder(fd, pid, holderVerb);
        ::close(fd);
        if (err != EWOULDBLOCK)
            return Error{"site.lock", "无法给站点目录加锁（" + file.string() + "）：" + std::strerror(err),
                         "cannot lock " + file.string() + ": " + std::strerror(err)};
        std::string who = "kiosk " + (holderVerb.empty() ? std::string("run/serve") : holderVerb);
        std::string zhPid = pid.empty() ? "" : "（进程号 " + pid + "）";
        std::string enPid = pid.empty() ? "" : " (pid " + pid + ")";
        return Error{"site.locked",
                     "这个站点目录（" + dir.string() + "）已经有一个 " + who + " 在运行" + zhPid +
                         "。一个站点目录同时只能运行一个 run 或 serve；要换一个，请先停掉正在运行的那个",
                     "the site directory " + dir.string() + " is already in use by " + who + enPid +
                         ": only one run or serve per site directory; stop that one first"};
    }
    // We hold it: say who we are for the next one that tries.
    std::string me = std::to_string(::getpid()) + " " + verb + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) != ssize_t(me.size())) {
        // The lock holds without the note; the next one is told "kiosk run/serve" without a pid.
    }
    return SiteLock(fd);
}

SiteLock::~SiteLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing the descriptor lets the lock go
}

}  // namespace mh

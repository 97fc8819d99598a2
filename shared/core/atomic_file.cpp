#include "shared/core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace mh {
namespace fs = std::filesystem;

namespace {
bool fsyncPath(const fs::path& p, int flags) {
    int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    return ::close(fd) == 0 && ok;
}
}  // namespace

AtomicFile::AtomicFile(fs::path finalPath) : m_final(std::move(finalPath)) {
    fs::path dir = m_final.parent_path().empty() ? fs::path(".") : m_final.parent_path();
    std::string pattern = (dir / ("." + m_final.filename().string() + ".XXXXXX")).string();
    // mkstemps: the random part must not be last, so ".part" stays the suffix.
    pattern += ".part";
    int fd = ::mkostemps(pattern.data(), 5, O_CLOEXEC);  // created 0600
    if (fd < 0) return;
    ::fchmod(fd, 0600);
    ::close(fd);
    m_temp = pattern;
}

AtomicFile::~AtomicFile() {
    if (!m_committed && !m_temp.empty()) ::unlink(m_temp.c_str());
}

Status AtomicFile::commit() {
    if (m_temp.empty()) return outputWriteError(m_final);
    // A library may have replaced the file rather than written into it: keep it private anyway.
    if (!fsyncPath(m_temp, O_RDONLY) || ::chmod(m_temp.c_str(), 0600) != 0) return outputWriteError(m_final);
    if (::rename(m_temp.c_str(), m_final.c_str()) != 0) return outputWriteError(m_final);
    m_committed = true;
    // The rename itself is durable only once the directory is on disk.
    fsyncPath(m_final.parent_path().empty() ? fs::path(".") : m_final.parent_path(), O_RDONLY | O_DIRECTORY);
    return okStatus();
}

Status writeFileAtomic(const fs::path& file, std::string_view bytes) {
    return writeFileAtomic(file, [&](const fs::path& temp) {
        int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) return false;
        const char* p = bytes.data();
        size_t left = bytes.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(fd);
                return false;
            }
            p += n;
            left -= size_t(n);
        }
        return ::close(fd) == 0;
    });
}

Status writeFileAtomic(const fs::path& file, const std::function<bool(const fs::path&)>& write) {
    AtomicFile f(file);
    if (!f.ok() || !write(f.tempPath())) return outputWriteError(file);
    return f.commit();
}

Error outputWriteError(const fs::path& file) {
    return Error{"output.write", "无法写入文件 " + file.filename().string() + "（文件夹是否存在、磁盘是否已满？）原来的文件没有改动",
                 "cannot write " + file.string() + " (does the folder exist, is the disk full?); any earlier file is unchanged"};
}

}  // namespace mh

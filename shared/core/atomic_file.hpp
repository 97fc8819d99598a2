// Output files that are either complete or absent (contract 2): written under a temporary name in
// the same directory, fsync'd, then renamed over the final name. A full disk or a crash mid-write
// leaves the previous file (if any) untouched and no half-written file under the final name.
// Files are created 0600 whatever the umask: outputs in the site directory hold names.
#pragma once
#include <filesystem>
#include <functional>
#include <string_view>

#include "shared/core/result.hpp"

namespace mh {

class AtomicFile {
public:
    // Creates the temporary file (".NAME.XXXXXX.part" beside `finalPath`, mode 0600). Check ok().
    explicit AtomicFile(std::filesystem::path finalPath);
    ~AtomicFile();  // removes the temporary file unless commit() succeeded
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] bool ok() const { return !m_temp.empty(); }
    // Where a library that writes by file name (cairo, stb, libpng) should write.
    [[nodiscard]] const std::filesystem::path& tempPath() const { return m_temp; }
    [[nodiscard]] const std::filesystem::path& finalPath() const { return m_final; }
    // fsync the temporary file, rename it to the final name, fsync the directory.
    Status commit();

private:
    std::filesystem::path m_final;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

// The common case: write `bytes` to `file` atomically (0600).
Status writeFileAtomic(const std::filesystem::path& file, std::string_view bytes);
// For writers that produce the file themselves: `write(tempPath)` returns false on failure.
Status writeFileAtomic(const std::filesystem::path& file, const std::function<bool(const std::filesystem::path&)>& write);

// The error every output writer reports: plain Chinese, says to check the folder and free space.
Error outputWriteError(const std::filesystem::path& file);

}  // namespace mh

#include "shared/site/training_copy.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "shared/core/atomic_file.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {
// A training kiosk that was killed (power, X server gone) could not remove its copy, which holds the
// roster and keys: the next training removes copies whose process is gone. The name carries the pid.
void removeAbandonedCopies(const fs::path& tmp) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(tmp, ec)) {
        std::string name = e.path().filename().string();
        const std::string prefix = "mealhall-training-";
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
}

Error copyError(const std::string& why) {
    return Error{"training.copy", "无法准备培训用的站点副本（" + why + "），真实数据没有改动",
                 "cannot prepare the training copy of the site (" + why + "); the real data is unchanged"};
}
}  // namespace

Result<std::unique_ptr<TrainingCopy>> TrainingCopy::make(Site& real) {
    std::error_code ec;
    fs::path tmp = fs::temp_directory_path(ec);
    removeAbandonedCopies(tmp);
    std::string pattern = (tmp / ("mealhall-training-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) return copyError("临时目录");  // mkdtemp makes it 0700
    std::unique_ptr<TrainingCopy> copy(new TrainingCopy(pattern));
    for (const char* name : {kSiteToml, kIdHashKeyFile, kCardKeyFile}) {
        fs::copy_file(real.dir() / name, copy->m_dir / name, ec);
        if (ec) return copyError(name);
        fs::permissions(copy->m_dir / name, fs::perms::owner_read | fs::perms::owner_write, ec);
    }
    try {
        real.db().backupTo(copy->m_dir / kSiteDb);
    } catch (const StoreError& e) {
        return copyError(e.what());
    }
    auto opened = Site::open(copy->m_dir);
    if (!opened) return opened.error();
    copy->m_site = std::move(*opened);
    try {
        markTrainingCopy(copy->m_site->db());
    } catch (const StoreError& e) {
        return copyError(e.what());
    }
    return copy;
}

TrainingCopy::~TrainingCopy() {
    m_site.reset();  // close the database before its files go
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

}  // namespace mh

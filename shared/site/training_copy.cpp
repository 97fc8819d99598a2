#include "shared/site/training_copy.hpp"

#include <cstdlib>
#include <string>

#include "shared/core/atomic_file.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {
Error copyError(const std::string& why) {
    return Error{"training.copy", "无法准备培训用的站点副本（" + why + "），真实数据没有改动",
                 "cannot prepare the training copy of the site (" + why + "); the real data is unchanged"};
}
}  // namespace

Result<std::unique_ptr<TrainingCopy>> TrainingCopy::make(Site& real) {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "mealhall-training-XXXXXX").string();
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

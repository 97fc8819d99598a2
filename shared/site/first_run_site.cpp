// The first run's staging directory and its roll-forward (see first_run_site.hpp).
#include "shared/site/first_run_site.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "shared/core/atomic_file.hpp"
#include "shared/site/site_init.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {
constexpr const char* kCompleteMarker = "complete";

void fsyncDir(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

// Moves every file of the complete staging directory into DIR, site.toml last, then removes it.
Status rollForward(const fs::path& dir) {
    fs::path staging = dir / kFirstRunStaging;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(staging, ec))
        if (e.is_regular_file() && e.path().filename() != kCompleteMarker) files.push_back(e.path());
    // site.toml last: until it is in place nothing in DIR claims to be a finished site.
    std::stable_partition(files.begin(), files.end(), [](const fs::path& p) { return p.filename() != kSiteToml; });
    for (const auto& f : files) {
        if (::rename(f.c_str(), (dir / f.filename()).c_str()) != 0)
            return Error{"firstrun.move", "首次设置的文件搬不进站点目录（" + f.filename().string() + "），请检查磁盘后重启自助机",
                         "cannot move " + f.filename().string() + " into the site directory"};
    }
    fsyncDir(dir);
    fs::remove_all(staging, ec);
    fsyncDir(dir);
    return okStatus();
}
}  // namespace

bool needsFirstRun(const fs::path& dir) {
    std::error_code ec;
    for (const char* name : {kSiteToml, kSiteDb, kIdHashKeyFile, kCardKeyFile})
        if (fs::exists(dir / name, ec)) return false;
    return true;
}

Status finishInterruptedFirstRun(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / kFirstRunStaging / kCompleteMarker, ec)) return rollForward(dir);
    // Cut short while removing the emptied staging directory (the marker already gone): the site is
    // in place (site.toml moves last), and nothing can be building beside a site (begin refuses).
    if (fs::exists(dir / kSiteToml, ec) && fs::exists(dir / kFirstRunStaging, ec)) fs::remove_all(dir / kFirstRunStaging, ec);
    return okStatus();
}

FirstRunStaging::FirstRunStaging(fs::path dir, std::unique_ptr<Site> site) : m_dir(std::move(dir)), m_site(std::move(site)) {}

FirstRunStaging::~FirstRunStaging() {
    if (m_committed) return;
    m_site.reset();
    std::error_code ec;
    fs::remove_all(m_dir / kFirstRunStaging, ec);
}

Result<std::unique_ptr<FirstRunStaging>> FirstRunStaging::begin(const fs::path& dir, const std::string& siteId,
                                                                const std::string& name, const Clock& clock,
                                                                const std::string& actor) {
    if (!needsFirstRun(dir))
        return Error{"site.exists", "目录 " + dir.string() + " 里已经有一个站点，不会覆盖",
                     "the directory " + dir.string() + " already holds a site; nothing was overwritten"};
    if (auto bad = Site::checkNewSite(siteId, name)) return *bad;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || ::chmod(dir.c_str(), 0700) != 0)
        return Error{"site.mkdir", "无法创建站点目录 " + dir.string(), "cannot create the site directory " + dir.string()};
    fs::path staging = dir / kFirstRunStaging;
    fs::remove_all(staging, ec);  // a half-finished first run (invariant 2)
    auto site = initSiteInPlace(staging, siteId, name, clock, actor);
    if (!site) {
        fs::remove_all(staging, ec);
        return site.error();
    }
    return std::unique_ptr<FirstRunStaging>(new FirstRunStaging(dir, std::move(*site)));
}

Status FirstRunStaging::commit(const std::string& atIso, const std::string& actor, bool firstRunDone) {
    if (firstRunDone) AuditLog(m_site->db()).append(atIso, actor, "firstrun.done", m_site->config().siteId, "");
    m_site.reset();  // closes the database: its WAL is checkpointed into the one file that moves
    fs::path staging = m_dir / kFirstRunStaging;
    if (!writeFileAtomic(staging / kCompleteMarker, "first run finished; the files here belong in the directory above\n"))
        return Error{"firstrun.write", "无法完成首次设置（磁盘满了？）", "cannot finish the first run (disk full?)"};
    m_committed = true;
    return rollForward(m_dir);
}

}  // namespace mh

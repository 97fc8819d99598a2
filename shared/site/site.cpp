#include "shared/site/site.hpp"
#include "shared/site/join_marker.hpp"

#include <sys/stat.h>

#include <fstream>

#include "shared/core/atomic_file.hpp"

namespace mh {
namespace fs = std::filesystem;

Site::Site(fs::path dir, SiteConfig cfg, TimeZone tz, SiteKeys keys, Database db)
    : m_dir(std::move(dir)), m_config(std::move(cfg)), m_tz(std::move(tz)), m_keys(keys), m_db(std::move(db)) {
    m_trusted.push_back(m_keys.card.pub);
    for (const auto& k : m_config.trustedKeys)
        if (auto pk = parsePublicKey(k)) m_trusted.push_back(*pk);
}

std::optional<Error> Site::checkNewSite(const std::string& siteId, const std::string& name) {
    if (!isValidSiteId(siteId)) return siteIdError("站点编号", "site id", siteId);
    if (name.find_first_not_of(" \t") == std::string::npos)
        return Error{"site.name", "站点名称不能为空，例如 北关村老年食堂", "the site name must not be empty"};
    return std::nullopt;
}

Result<std::unique_ptr<Site>> Site::init(const fs::path& dir, const std::string& siteId, const std::string& name) {
    if (auto bad = checkNewSite(siteId, name)) return *bad;
    std::error_code ec;
    if (fs::exists(dir / kSiteToml, ec) || fs::exists(dir / kSiteDb, ec))
        return Error{"site.exists", "目录 " + dir.string() + " 里已经有一个站点，不会覆盖",
                     "the directory " + dir.string() + " already holds a site; nothing was overwritten"};
    fs::create_directories(dir, ec);
    // 0700 whatever the umask: the directory holds names, phones and the PIN hash (contract 2).
    if (ec || !fs::is_directory(dir) || ::chmod(dir.c_str(), 0700) != 0)
        return Error{"site.mkdir", "无法创建站点目录 " + dir.string() + "（" + ec.message() + "）",
                     "cannot create the site directory " + dir.string() + " (" + ec.message() + ")"};
    std::string toml = defaultSiteToml(siteId, name);
    if (auto parsed = parseSiteConfig(toml); !parsed)
        return Error{"site.id", "站点编号或名称不能写入配置：" + parsed.error().message,
                     "the site id or name cannot be written: " + parsed.error().en};
    auto keys = SiteKeys::create(dir);
    if (!keys) return keys.error();
    if (!writeFileAtomic(dir / kSiteToml, toml)) return Error{"site.write", "无法写入 site.toml", "cannot write site.toml"};
    try {
        Database::create(dir / kSiteDb);  // the only place a database comes into being
    } catch (const StoreError& e) {
        return Error{"site.db", "无法创建站点数据库：" + std::string(e.what()), std::string("cannot create the site database: ") + e.what()};
    }
    return open(dir);
}

Result<std::unique_ptr<Site>> Site::initJoined(const fs::path& dir, const std::string& siteToml,
                                               const std::vector<std::pair<std::string, std::string>>& files) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && emptyButJoinMarker(dir)))
        return Error{"site.exists", "目录 " + dir.string() + " 不是空的，不会往里面加入站点（请换一个空目录）",
                     "the directory " + dir.string() + " is not empty; join into an empty directory"};
    if (auto parsed = parseSiteConfig(siteToml); !parsed) return parsed.error();
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir) || ::chmod(dir.c_str(), 0700) != 0)
        return Error{"site.mkdir", "无法创建站点目录 " + dir.string() + "（" + ec.message() + "）",
                     "cannot create the site directory " + dir.string() + " (" + ec.message() + ")"};
    for (const auto& [name, content] : files)
        if (!writeFileAtomic(dir / name, content))
            return Error{"site.write", "无法写入 " + name, "cannot write " + name};
    if (!writeFileAtomic(dir / kSiteToml, siteToml)) return Error{"site.write", "无法写入 site.toml", "cannot write site.toml"};
    try {
        Database::create(dir / kSiteDb);  // like init: a new database is a new terminal id
    } catch (const StoreError& e) {
        return Error{"site.db", "无法创建站点数据库：" + std::string(e.what()), std::string("cannot create the site database: ") + e.what()};
    }
    return open(dir);
}

namespace {
// A site made by an older kiosk (or copied back from a backup by hand) may be readable by everyone:
// closed again whenever it is opened. Best effort: a file we do not own stays as it is.
void tightenPermissions(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 && (st.st_mode & 077) != 0) ::chmod(dir.c_str(), st.st_mode & 0700);
    for (const char* name : {kSiteToml, kSiteDb, kIdHashKeyFile, kCardKeyFile}) {
        fs::path p = dir / name;
        if (::stat(p.c_str(), &st) == 0 && (st.st_mode & 077) != 0) ::chmod(p.c_str(), 0600);
    }
}
}  // namespace

std::optional<Error> missingDatabase(const fs::path& dir) {
    std::error_code ec;
    fs::path db = dir / kSiteDb;
    bool exists = fs::exists(db, ec);
    auto size = exists ? fs::file_size(db, ec) : 0;
    if (exists && size > 0 && !ec) return std::nullopt;
    std::string what = exists ? "是空的（0 字节）" : "不见了";
    std::string whatEn = exists ? "is empty (0 bytes)" : "is missing";
    return Error{"site.db.gone",
                 "站点数据库 " + std::string(kSiteDb) + " " + what + "，签到记录已经丢失，本次什么也没做。" +
                     "请从站点目录的备份副本恢复：把备份里的 " + kSiteDb + " 复制回 " + dir.string() +
                     "（或用 kiosk restore --site " + dir.string() + " --from 备份）。不要重新 init，那会另起一本空账。",
                 "the site database " + std::string(kSiteDb) + " " + whatEn + ": the check-in records are gone and nothing was done. " +
                     "Restore it from a backup copy of the site directory: copy the backup's " + kSiteDb + " back into " +
                     dir.string() + " (or kiosk restore --site " + dir.string() + " --from BACKUP). Do not run init again."};
}

Result<std::unique_ptr<Site>> Site::open(const fs::path& dir) { return openWith(dir, false); }

Result<std::unique_ptr<Site>> Site::openKeepingLastGood(const fs::path& dir) { return openWith(dir, true); }

namespace {
std::string fileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Remembers a site.toml that loaded, so a later broken edit cannot stop the kiosk. Written only when
// it changed; a failure to write it costs nothing today.
void keepAsLastGood(const fs::path& dir) {
    std::string now = fileText(dir / kSiteToml);
    std::error_code ec;
    if (fs::exists(dir / kLastGoodSiteToml, ec) && fileText(dir / kLastGoodSiteToml) == now) return;
    (void)writeFileAtomic(dir / kLastGoodSiteToml, now);
}
}  // namespace

Result<std::unique_ptr<Site>> Site::openWith(const fs::path& dir, bool keepLastGood) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Error{"site.missing", "找不到站点目录 " + dir.string() + "（先运行 kiosk init）",
                     "no site directory at " + dir.string() + " (run kiosk init first)"};
    if (!fs::exists(dir / kSiteToml, ec))
        return Error{"site.missing", "目录 " + dir.string() + " 不是站点目录：缺少 site.toml",
                     dir.string() + " is not a site directory: site.toml is missing"};
    auto cfg = loadSiteConfig(dir / kSiteToml);
    std::string configProblem, configDetail;
    if (cfg) {
        keepAsLastGood(dir);
    } else if (keepLastGood && fs::exists(dir / kLastGoodSiteToml, ec)) {
        auto last = loadSiteConfig(dir / kLastGoodSiteToml);
        if (!last) return cfg.error();
        configProblem = "设置文件有错，本机按上次正确的设置照常签到。请通知管理员改正。";
        configDetail = cfg.error().message;
        cfg = std::move(last);
    } else {
        return cfg.error();
    }
    auto tz = TimeZone::load(cfg->timezone);
    if (!tz) return tz.error();
    auto keys = SiteKeys::load(dir);
    if (!keys) return keys.error();
    // A missing or empty database is lost records, never a reason to start a fresh one (contract 2).
    if (auto gone = missingDatabase(dir)) return *gone;
    tightenPermissions(dir);
    try {
        Database db = Database::open(dir / kSiteDb);
        std::unique_ptr<Site> site(new Site(dir, std::move(*cfg), std::move(*tz), *keys, std::move(db)));
        site->m_configProblem = std::move(configProblem);
        site->m_configDetail = std::move(configDetail);
        return site;
    } catch (const StoreError& e) {
        return Error{"site.db", "无法打开站点数据库：" + std::string(e.what()),
                     std::string("cannot open the site database: ") + e.what()};
    }
}

}  // namespace mh

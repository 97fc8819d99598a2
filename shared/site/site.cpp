#include "shared/site/site.hpp"

#include <fstream>

namespace mh {
namespace fs = std::filesystem;

Site::Site(fs::path dir, SiteConfig cfg, TimeZone tz, SiteKeys keys, Database db)
    : m_dir(std::move(dir)), m_config(std::move(cfg)), m_tz(std::move(tz)), m_keys(keys), m_db(std::move(db)) {
    m_trusted.push_back(m_keys.card.pub);
    for (const auto& k : m_config.trustedKeys)
        if (auto pk = parsePublicKey(k)) m_trusted.push_back(*pk);
}

Result<std::unique_ptr<Site>> Site::init(const fs::path& dir, const std::string& siteId, const std::string& name) {
    auto idOk = !siteId.empty() && siteId.size() <= 32 &&
                siteId.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") == std::string::npos;
    if (!idOk)
        return Error{"site.id", "站点编号 \"" + siteId + "\" 不合规：只用数字、字母和 -，例如 141022-001（县代码-站点号）",
                     "site id \"" + siteId + "\" must use digits, letters and -, e.g. 141022-001"};
    if (name.find_first_not_of(" \t") == std::string::npos)
        return Error{"site.name", "站点名称不能为空，例如 北关村老年食堂", "the site name must not be empty"};
    std::error_code ec;
    if (fs::exists(dir / kSiteToml, ec) || fs::exists(dir / kSiteDb, ec))
        return Error{"site.exists", "目录 " + dir.string() + " 里已经有一个站点，不会覆盖",
                     "the directory " + dir.string() + " already holds a site; nothing was overwritten"};
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        return Error{"site.mkdir", "无法创建站点目录 " + dir.string() + "（" + ec.message() + "）",
                     "cannot create the site directory " + dir.string() + " (" + ec.message() + ")"};
    std::string toml = defaultSiteToml(siteId, name);
    if (auto parsed = parseSiteConfig(toml); !parsed)
        return Error{"site.id", "站点编号或名称不能写入配置：" + parsed.error().message,
                     "the site id or name cannot be written: " + parsed.error().en};
    auto keys = SiteKeys::create(dir);
    if (!keys) return keys.error();
    {
        std::ofstream out(dir / kSiteToml, std::ios::binary);
        out << toml;
        if (!out) return Error{"site.write", "无法写入 site.toml", "cannot write site.toml"};
    }
    return open(dir);
}

Result<std::unique_ptr<Site>> Site::open(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Error{"site.missing", "找不到站点目录 " + dir.string() + "（先运行 kiosk init）",
                     "no site directory at " + dir.string() + " (run kiosk init first)"};
    if (!fs::exists(dir / kSiteToml, ec))
        return Error{"site.missing", "目录 " + dir.string() + " 不是站点目录：缺少 site.toml",
                     dir.string() + " is not a site directory: site.toml is missing"};
    auto cfg = loadSiteConfig(dir / kSiteToml);
    if (!cfg) return cfg.error();
    auto tz = TimeZone::load(cfg->timezone);
    if (!tz) return tz.error();
    auto keys = SiteKeys::load(dir);
    if (!keys) return keys.error();
    try {
        Database db = Database::open(dir / kSiteDb);
        return std::unique_ptr<Site>(new Site(dir, std::move(*cfg), std::move(*tz), *keys, std::move(db)));
    } catch (const StoreError& e) {
        return Error{"site.db", "无法打开站点数据库：" + std::string(e.what()),
                     std::string("cannot open the site database: ") + e.what()};
    }
}

}  // namespace mh

// Reading site.toml (contract 10) into a SiteConfig, and writing the default one `init` starts from.
//
// Invariants:
//  (1) parsing is a pure function of the text: parseSiteConfig reads no file and no clock, so the
//      same site.toml always means the same config (loadSiteConfig is the one place that reads disk);
//  (2) the first mistake wins and is the one reported, with its line and a sentence in Chinese and in
//      English; every check after it is skipped (TomlReader), so one typo never cascades into ten errors;
//  (3) an unknown key or table is a mistake (TomlReader::onlyKeys): a misspelt key never falls back to a
//      default silently;
//  (4) money is integer fen within a stated range and never negative (TomlReader::money), times are WallTime,
//      dates LocalDate: nothing reaches the policy as a float or a free string;
//  (5) the default file (defaultSiteToml) parses to a valid config (tests/unit/test_site_config.cpp).
//
// Sections (grep "[SECTION]"):
//   [SECTION] [[service]]: the meals and services of the site
//   (typed keys with their lines: shared/core/toml_reader.hpp; the policy's tables [policy],
//   [[rule]], [[operating]], [calendar]: shared/policy/policy_toml.cpp)
//   [SECTION] The whole file: [site], [policy], [cards], [upload], [display], [posting], [input],
//             [backup], [peers]
//   [SECTION] Peer addresses (host:port)
//   [SECTION] Loading the file, and the default one
#include "shared/site/site_config.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "shared/core/categories.hpp"
#include "shared/core/text.hpp"
#include "shared/core/toml_reader.hpp"
#include "shared/policy/policy_toml.hpp"

namespace mh {
namespace {

using Reader = TomlReader;

// [SECTION] [[service]]: the meals and services of the site

bool validServiceId(const std::string& id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

void readServices(Reader& r, const toml::table& root, SiteConfig& cfg) {
    const toml::array* arr = r.tablesOf(root, "service", "服务应写成 [[service]]", "services must be written as [[service]]");
    if (!arr) return;
    std::set<std::string> seen;
    for (auto&& e : *arr) {
        const toml::table& t = *e.as_table();
        r.onlyKeys(t, {"id", "name", "kind", "opens", "closes", "price_fen", "delivery_fen", "at_door", "guest_price_fen",
                        "staff_price_fen", "volunteer_price_fen"}, "[[service]]");
        ServiceDef s;
        s.id = r.str(t, "id", true, &e).value_or("");
        s.name = r.str(t, "name", false, &e).value_or(s.id);
        if (r.failed()) return;
        if (!validServiceId(s.id)) r.fail(t.get("id"), "服务 id 只能用字母、数字、_ 和 -", "service id may use letters, digits, _ and -");
        if (!seen.insert(s.id).second) r.fail(t.get("id"), "服务 id \"" + s.id + "\" 重复了", "service id \"" + s.id + "\" appears twice");
        std::string kind = r.str(t, "kind", false, &e).value_or("meal");
        if (kind == "meal") s.kind = ServiceKind::Meal;
        else if (kind == "service") s.kind = ServiceKind::Service;
        else if (kind == "activity") s.kind = ServiceKind::Activity;
        else r.fail(t.get("kind"), "kind 应为 meal、service 或 activity", "kind must be meal, service or activity");
        if (auto o = r.time(t, "opens")) s.opens = *o;
        if (auto c = r.time(t, "closes")) s.closes = *c;
        if (!r.failed() && !(s.opens < s.closes))
            r.fail(&e, "服务 \"" + s.id + "\" 的 opens 应早于 closes（不支持跨午夜）",
                   "service \"" + s.id + "\": opens must be before closes (no windows across midnight)");
        s.priceFen = Fen(r.integer(t, "price_fen", 0, 1'000'000).value_or(0));
        s.deliveryFen = r.money(t, "delivery_fen").value_or(Fen{0});
        s.atDoor = r.boolean(t, "at_door").value_or(true);
        s.guestPriceFen = r.money(t, "guest_price_fen");
        s.staffPriceFen = r.money(t, "staff_price_fen");
        s.volunteerPriceFen = r.money(t, "volunteer_price_fen");
        if (r.failed()) return;
        cfg.services.push_back(std::move(s));
    }
}

}  // namespace

std::string_view serviceKindKey(ServiceKind k) {
    switch (k) {
        case ServiceKind::Meal: return "meal";
        case ServiceKind::Service: return "service";
        case ServiceKind::Activity: break;
    }
    return "activity";
}

const ServiceDef* SiteConfig::findService(std::string_view id) const {
    for (const auto& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

bool isValidSiteId(std::string_view id) {
    auto dash = id.find('-');
    if (dash != 6 || id.size() < 8 || id.size() > 15) return false;
    for (std::size_t i = 0; i < id.size(); ++i)
        if (i != dash && (id[i] < '0' || id[i] > '9')) return false;
    return true;
}

Error siteIdError(const std::string& whereZh, const std::string& whereEn, std::string_view id) {
    // The id as typed, with anything unprintable shown as '?': the sentence must stay readable.
    std::string shown;
    for (char c : id.substr(0, 40)) shown += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return Error{"site.id",
                 whereZh + " \"" + shown + "\" 不合规：站点编号是六位县代码、-、站点号（数字），例如 141022-001",
                 whereEn + " \"" + shown + "\" is not a site id: six-digit county code, -, site number (digits), e.g. 141022-001"};
}

// [SECTION] The whole file: [site], [policy], [cards], [upload], [display], [posting], [input], [backup], [peers]

Result<SiteConfig> parseSiteConfig(std::string_view text, const std::string& origin) {
    if (!isValidUtf8(text))
        return Error{"toml.encoding", origin + " 不是 UTF-8 编码（可能是 GBK），请用 UTF-8 保存",
                     origin + " is not UTF-8 (perhaps GBK): save it as UTF-8"};
    toml::table root;
    try {
        root = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        return tomlSyntaxError(e, origin);
    }
    Reader r(origin);
    SiteConfig cfg;
    r.onlyKeys(root, {"site", "policy", "service", "rule", "operating", "calendar", "cards", "upload", "display", "posting", "input", "backup", "peers", "proxy", "feedback"}, origin);

    if (const toml::table* site = r.subTable(root, "site")) {
        r.onlyKeys(*site, {"id", "name", "timezone", "contact", "end_of_day"}, "[site]");
        cfg.siteId = r.str(*site, "id", true, root.get("site")).value_or("");
        cfg.name = r.str(*site, "name", true, root.get("site")).value_or("");
        cfg.timezone = r.str(*site, "timezone", false, nullptr).value_or(cfg.timezone);
        cfg.contact = r.str(*site, "contact", false, nullptr).value_or("");
        if (auto eod = r.time(*site, "end_of_day")) cfg.endOfDay = *eod;
        if (!r.failed() && cfg.siteId.empty()) r.fail(site->get("id"), "[site] id 不能为空", "[site] id must not be empty");
        if (!r.failed() && !isValidSiteId(cfg.siteId)) {
            Error e = siteIdError("[site] id", "[site] id", cfg.siteId);
            r.fail(site->get("id"), e.message, e.en);
        }
        if (!r.failed() && !TimeZone::load(cfg.timezone))
            r.fail(site->get("timezone"), "未知的时区 \"" + cfg.timezone + "\"（例如 Asia/Shanghai）",
                   "unknown time zone \"" + cfg.timezone + "\"");
    } else if (!r.failed()) {
        r.fail(nullptr, "缺少 [site] 部分（id、name）", "missing the [site] table (id, name)");
    }
    readServices(r, root, cfg);
    for (const auto& svc : cfg.services)
        cfg.policy.services.push_back(PolicyService{svc.id, svc.name, svc.priceFen, svc.deliveryFen});
    readPolicy(r, root, cfg.policy);
    if (const toml::table* cards = r.subTable(root, "cards")) {
        r.onlyKeys(*cards, {"allow_unsigned", "trusted_keys"}, "[cards]");
        cfg.allowUnsigned = r.boolean(*cards, "allow_unsigned").value_or(false);
        cfg.trustedKeys = r.strings(*cards, "trusted_keys");
    }
    if (const toml::table* up = r.subTable(root, "upload")) {
        r.onlyKeys(*up, {"endpoint", "token_file", "ca_bundle"}, "[upload]");
        cfg.uploadEndpoint = r.str(*up, "endpoint", false, nullptr).value_or("");
        cfg.tokenFile = r.str(*up, "token_file", false, nullptr).value_or(cfg.tokenFile);
        cfg.caBundle = r.str(*up, "ca_bundle", false, nullptr).value_or("");
    }
    if (const toml::table* disp = r.subTable(root, "display")) {
        r.onlyKeys(*disp, {"show_full_names", "diagonal_inch"}, "[display]");
        cfg.showFullNames = r.boolean(*disp, "show_full_names").value_or(false);
        if (const toml::node* d = disp->get("diagonal_inch")) {
            if (auto v = d->value<double>(); v && *v > 3 && *v < 100) cfg.diagonalInch = *v;
            else r.fail(d, "diagonal_inch 应是屏幕对角线英寸数，例如 15.6", "diagonal_inch must be the panel diagonal in inches");
        }
    }
    if (const toml::table* fb = r.subTable(root, "feedback")) {
        r.onlyKeys(*fb, {"enabled"}, "[feedback]");
        cfg.feedbackEnabled = r.boolean(*fb, "enabled").value_or(false);
    }
    if (const toml::table* post = r.subTable(root, "posting")) {
        r.onlyKeys(*post, {"printer"}, "[posting]");
        cfg.postingPrinter = r.str(*post, "printer", false, nullptr).value_or("");
    }
    if (const toml::table* in = r.subTable(root, "input")) {
        r.onlyKeys(*in, {"camera"}, "[input]");
        cfg.inputCamera = r.str(*in, "camera", false, nullptr).value_or(cfg.inputCamera);
        // A device path, or one of the two words: a typo such as "video0" must not silently mean "none".
        const std::string& c = cfg.inputCamera;
        if (!r.failed() && c != "auto" && c != "none" && c.rfind("/dev/", 0) != 0)
            r.fail(in->get("camera"), "camera 应为 \"auto\"、\"none\" 或设备路径，例如 \"/dev/video0\"",
                   "camera must be \"auto\", \"none\" or a device path such as \"/dev/video0\"");
    }
    if (const toml::table* bk = r.subTable(root, "backup")) {
        r.onlyKeys(*bk, {"to", "keep"}, "[backup]");
        cfg.backupTo = r.str(*bk, "to", false, nullptr).value_or("");
        // A relative folder would depend on where the kiosk was started: only absolute paths.
        if (!r.failed() && !cfg.backupTo.empty() && cfg.backupTo[0] != '/')
            r.fail(bk->get("to"), "to 应是完整路径，例如 \"/media/usb/mealhall-backups\"",
                   "to must be an absolute path such as \"/media/usb/mealhall-backups\"");
        cfg.backupKeep = int(r.integer(*bk, "keep", 1, 365).value_or(cfg.backupKeep));
    }
    if (const toml::table* peers = r.subTable(root, "peers")) {
        r.onlyKeys(*peers, {"addresses", "listen", "claim_wait_ms"}, "[peers]");
        cfg.peerClaimWaitMs = int(r.integer(*peers, "claim_wait_ms", 100, 5000).value_or(cfg.peerClaimWaitMs));
        cfg.peerAddresses = r.strings(*peers, "addresses");
        std::set<std::string> seen;
        for (size_t i = 0; !r.failed() && i < cfg.peerAddresses.size(); ++i) {
            const toml::node* where = peers->get("addresses")->as_array()->get(i);
            const std::string& a = cfg.peerAddresses[i];
            if (!parseHostPort(a))
                r.fail(where, "addresses 里的 \"" + a + "\" 不是 \"地址:端口\"，例如 \"192.168.1.21:7443\"",
                       "\"" + a + "\" in addresses is not \"host:port\", e.g. \"192.168.1.21:7443\"");
            else if (!seen.insert(a).second)
                r.fail(where, "addresses 里 \"" + a + "\" 写了两次", "\"" + a + "\" is listed twice in addresses");
        }
        cfg.peerListen = r.str(*peers, "listen", false, nullptr).value_or(cfg.peerListen);
        if (!r.failed() && !parseHostPort(cfg.peerListen, /*allowPortZero=*/true))
            r.fail(peers->get("listen"), "listen 应写成 \"地址:端口\"，例如 \"0.0.0.0:7443\"",
                   "listen must be \"host:port\", e.g. \"0.0.0.0:7443\"");
    }
    if (const toml::table* proxy = r.subTable(root, "proxy")) {
        r.onlyKeys(*proxy, {"allowed", "per_month"}, "[proxy]");
        cfg.proxyAllowed = r.boolean(*proxy, "allowed").value_or(false);
        cfg.proxyPerMonth = int(r.integer(*proxy, "per_month", 1, 31).value_or(0));
    }
    if (r.failed()) return r.error();
    return cfg;
}

// [SECTION] Peer addresses (host:port)

std::optional<HostPort> parseHostPort(std::string_view text, bool allowPortZero) {
    HostPort hp;
    size_t colon;
    if (!text.empty() && text.front() == '[') {
        size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
        hp.host = std::string(text.substr(1, close - 1));
        colon = close + 1;
        if (hp.host.empty() || hp.host.find_first_not_of("0123456789abcdefABCDEF:.") != std::string::npos) return std::nullopt;
    } else {
        colon = text.rfind(':');
        if (colon == std::string_view::npos || colon == 0) return std::nullopt;
        hp.host = std::string(text.substr(0, colon));
        // Letters, digits, '.', '-' only: a host name or IPv4; "http://x" and spaces are mistakes.
        for (char c : hp.host)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return std::nullopt;
    }
    std::string_view port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    hp.port = std::stoi(std::string(port));
    if (hp.port < (allowPortZero ? 0 : 1) || hp.port > 65535) return std::nullopt;
    return hp;
}

std::string HostPort::text() const {
    bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// [SECTION] Loading the file, and the default one

Result<SiteConfig> loadSiteConfig(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{"toml.missing", "读不到配置文件 " + file.string(), "cannot read the configuration file " + file.string()};
    std::stringstream ss;
    ss << in.rdbuf();
    return parseSiteConfig(ss.str(), file.filename().string());
}

std::string defaultSiteToml(const std::string& siteId, const std::string& name) {
    std::string s;
    s += "# 站点配置（site.toml）。修改后重启自助机生效。金额一律以“分”为单位（1元 = 100分）。\n";
    s += "# Site configuration. Money is always in fen (1 yuan = 100 fen).\n\n";
    s += "[site]\n";
    s += "id = \"" + siteId + "\"            # 县代码 + 站点编号 / county code + site number\n";
    s += "name = \"" + name + "\"\n";
    s += "timezone = \"Asia/Shanghai\"\n";
    s += "contact = \"\"                 # 公示上的联系方式 / contact line on the public posting\n";
    s += "end_of_day = \"20:00\"         # 当天汇总封存上报的时间 / when the day's tally is frozen for upload\n\n";
    s += "[policy]\n";
    s += "unsubsidised = \"full_price\"  # 没有匹配规则的老人：\"full_price\" 全价，或 \"refuse\" 拒绝（ineligible）\n\n";
    s += "[[service]]                  # 餐次、服务（助洁、助医……）和活动 / meals, services, activities\n";
    s += "id = \"lunch\"\nname = \"午餐\"\nkind = \"meal\"                # meal | service | activity\n";
    s += "opens = \"10:30\"              # 当地时间；窗口外刷卡：closed\n";
    s += "closes = \"13:30\"\nprice_fen = 1000             # 免费服务和活动写 0\n";
    s += "# delivery_fen = 300         # 送餐费：送餐时加在餐价上，补贴按加上后的价格算\n";
    s += "# at_door = true             # 门口刷卡可以签这一项（默认）；false：只由工作人员补签。同时开放几项时老人在屏幕上自己选\n";
    s += "# guest_price_fen = 1500     # 访客、职工、志愿者每餐付多少（kiosk meal）；不写：按 price_fen；可以写 0\n";
    s += "# staff_price_fen = 800\n# volunteer_price_fen = 0\n\n";
    s += "# 补贴规则：同一组(group)里按文件顺序，第一条匹配的生效。各份额按顺序扣减直到覆盖餐价，剩下的由老人自付。\n";
    s += "# Subsidy rules: first match wins; shares are taken in order until the price is covered.\n";
    s += "[[rule]]\nname = \"特困供养\"\ncategories = [\"tekun\"]\ngovernment_fen = 1000\n\n";
    s += "[[rule]]\nname = \"低保高龄\"\ncategories = [\"dibao\"]       # 有其中任一类别；不写或为空：任何人\n";
    s += "min_age = 80                 # 就餐当天的周岁；不写：0\nservices = [\"lunch\"]        # 不写：所有收费服务\n";
    s += "government_fen = 600\ncollective_fen = 200\ndonation_fen = 0\nfamily_fen = 0\n\n";
    s += "# —— 更多写法（去掉行首的 # 即可启用）/ More features, commented out ——\n";
    s += "# [policy] 里还可以写：\n";
    s += "# pick = \"highest\"           # 同一组(group)里符合多条时：\"first\" 按文件顺序，\"highest\" 就高（补贴最多的一条）\n";
    s += "# subsidised_per_day = 1       # 每人每天限补贴几次（所有规则、所有服务合计）\n";
    s += "#\n";
    s += "# [[rule]]                     # 经济困难且失能、60岁以上：护理补贴，和上面的规则叠加（另一组）\n";
    s += "# name = \"护理补贴\"\n";
    s += "# group = \"care\"              # 同一组最多一条生效；不写为 \"main\"；不同组可以叠加\n";
    s += "# all_categories = [\"shineng\", \"kunnan\"]   # 同时具有这些类别\n";
    s += "# not_categories = [\"tekun\"]  # 不具有这些类别\n";
    s += "# min_age = 60\n";
    s += "# max_age = 99                 # 含99岁\n";
    s += "# villages = [\"北关村\"]       # 名册中的村名是其中之一\n";
    s += "# from = \"2027-01-01\"         # 执行的第一天和最后一天（含）\n";
    s += "# until = \"2027-12-31\"\n";
    s += "# per_day = 1                  # 每人每天最多用几次\n";
    s += "# per_month = 20               # 每人每月最多用几次\n";
    s += "# month_cap_fen = 10000        # 每人每月最多补贴多少分（10000分 = 100元）\n";
    s += "# government_fen = 500\n";
    s += "#\n";
    s += "# [[rule]]                     # 老人每餐只需付1元，其余由政府补足（不能和固定份额同时写）\n";
    s += "# name = \"一元餐\"\n";
    s += "# group = \"oneyuan\"\n";
    s += "# categories = [\"tekun\", \"dibao\"]\n";
    s += "# elder_fen = 100\n";
    s += "# remainder = \"government\"    # government、collective、donation 或 family\n";
    s += "#\n";
    s += "# [[rule]]                     # 只规定谁可以就餐、不补贴（配合 unsubsidised = \"refuse\"）\n";
    s += "# name = \"本村老人\"\n";
    s += "# villages = [\"北关村\"]\n";
    s += "# min_age = 60\n";
    s += "#\n";
    s += "# [calendar]                   # 县里的日历：法定节假日和调休上班日（workdays_only 按它算）\n";
    s += "# holidays = [\"2027-01-01\"]\n";
    s += "# workdays = [\"2027-02-07\"]\n";
    s += "#\n";
    s += "# [[rule]]                     # 送餐补贴：只补送餐，不占“每天限补贴一餐”\n";
    s += "# name = \"送餐补贴\"\n";
    s += "# group = \"delivery\"\n";
    s += "# delivered = true             # true 只限送餐；false 只限在食堂吃\n";
    s += "# counts_toward_daily = false  # 不算在 subsidised_per_day 里\n";
    s += "# government_fen = 300\n";
    s += "#\n";
    s += "# [[rule]]                     # 工作日（法定节假日除外）10元及以上的午餐\n";
    s += "# name = \"工作日午餐\"\n";
    s += "# group = \"workday\"\n";
    s += "# days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]   # 只在这几天（mon tue wed thu fri sat sun）\n";
    s += "# workdays_only = true         # 只在工作日：周一至周五，节假日除外，调休上班日算\n";
    s += "# min_price_fen = 1000         # 只补餐费（含送餐费）10元及以上的\n";
    s += "# government_fen = 200\n";
    s += "#\n";
    s += "# [[operating]]                # 运营补贴：政府付给食堂，不算在老人的餐费里\n";
    s += "# name = \"运营补贴\"\n";
    s += "# per = \"meal\"                # \"meal\" 每餐；\"elder_day\" 每位老人每天一次\n";
    s += "# fen = 200\n";
    s += "# delivered = true             # 和 [[rule]] 一样的条件都可以写\n\n";
    s += "[cards]\nallow_unsigned = false\ntrusted_keys = []            # 其他发卡机构的公钥（base32）；本站密钥总是可信\n\n";
    s += "[upload]\nendpoint = \"\"                # 为空：汇总留在本机待上报\ntoken_file = \"upload.token\"\n\n";
    s += "[display]\nshow_full_names = false      # 屏幕上显示全名（默认遮挡：张*兰）\n\n";
    s += "[feedback]\nenabled = false              # 用餐签到后显示三个笑脸（好 / 一般 / 不好）请老人点一下，5秒后自动返回\n\n";
    s += "[posting]\nprinter = \"\"                 # 月度公示的打印机（lp 打印机名）；为空：只生成文件不打印\n\n";
    s += "[input]\ncamera = \"auto\"              # 扫码摄像头：\"auto\" 自动查找，\"none\" 只用扫码枪，或设备路径 \"/dev/video0\"\n";
    s += "\n# 每晚自动备份（日结之后）到U盘，保留最近 keep 份 / nightly backup after end_of_day, newest `keep` kept\n";
    s += "# [backup]\n# to = \"/media/usb/mealhall-backups\"\n# keep = 7\n";
    s += "\n# 同一食堂的其他签到机（kiosk init --join 会自动填写）/ the site's other terminals (init --join fills this in)\n";
    s += "# [peers]\n# addresses = [\"192.168.1.21:7443\"]\n# listen = \"0.0.0.0:7443\"\n"
         "# claim_wait_ms = 300           # 刷卡时等另一台机器回答多久（毫秒）；局域网慢可以加大\n";
    s += "\n# 代领：家属等替老人取餐（scan --proxy \"姓名/关系\"）。默认不允许 / meals collected for the elder by others\n";
    s += "# [proxy]\n# allowed = true\n# per_month = 8                # 每位老人每月最多代领几次；不写：不限\n";
    return s;
}

}  // namespace mh

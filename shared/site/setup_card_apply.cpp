// Setup card into site.toml and the token file (see setup_card_apply.hpp).
#include "shared/site/setup_card_apply.hpp"

#include <fstream>
#include <sstream>

#include "shared/core/atomic_file.hpp"
#include "shared/core/text.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {
// The table a line opens ("[upload]" -> "upload", "[[service]]" -> "[service]"), or none.
std::optional<std::string> tableOf(std::string_view line) {
    auto t = trim(line);
    if (t.empty() || t[0] != '[') return std::nullopt;
    auto close = t.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return std::string(trim(t.substr(1, close - 1)));
}
bool isKeyLine(std::string_view line, std::string_view key) {
    auto t = trim(line);
    if (t.substr(0, key.size()) != key) return false;
    auto rest = trim(t.substr(key.size()));
    return !rest.empty() && rest[0] == '=';
}
}  // namespace

Result<std::string> withUploadEndpoint(std::string_view text, const std::string& endpoint) {
    const std::string line = "endpoint = \"" + endpoint + "\"    # 县平台接入卡设置 / set by the county setup card";
    std::vector<std::string> lines;
    for (auto& l : splitOn(text, '\n')) lines.push_back(l);
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    int uploadAt = -1, endpointAt = -1;
    std::string table;
    for (int i = 0; i < int(lines.size()); ++i) {
        if (auto t = tableOf(lines[size_t(i)])) {
            table = *t;
            if (table == "upload" && uploadAt < 0) uploadAt = i;
            continue;
        }
        if (table == "upload" && endpointAt < 0 && isKeyLine(lines[size_t(i)], "endpoint")) endpointAt = i;
    }
    if (endpointAt >= 0) lines[size_t(endpointAt)] = line;
    else if (uploadAt >= 0) lines.insert(lines.begin() + uploadAt + 1, line);
    else {
        lines.emplace_back("");
        lines.emplace_back("[upload]");
        lines.push_back(line);
    }
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    auto parsed = parseSiteConfig(out);
    if (!parsed || parsed->uploadEndpoint != endpoint)
        return Error{"setup.toml", "设置文件 site.toml 的格式不认识，无法写入上报地址，什么也没改。请管理员检查设置文件。",
                     "site.toml could not take the endpoint; nothing was changed" +
                         (parsed ? std::string() : ": " + parsed.error().en)};
    return out;
}

Result<AppliedSetupCard> applySetupCard(Site& site, const SetupCard& card, const std::string& atIso,
                                        const std::string& actor) {
    const std::string& siteId = site.config().siteId;
    if (card.siteId != siteId)
        return Error{"setup.site", "这张接入卡是给站点 " + card.siteId + " 的，本机是站点 " + siteId + "，不能用。请拿本站点的卡。",
                     "this setup card is for site " + card.siteId + ", this terminal is site " + siteId};
    fs::path tomlFile = site.dir() / kSiteToml;
    std::ifstream in(tomlFile, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) return Error{"setup.toml", "读不出设置文件 site.toml，什么也没改", "cannot read site.toml; nothing was changed"};
    auto edited = withUploadEndpoint(ss.str(), card.endpoint);
    if (!edited) return edited.error();
    auto current = parseSiteConfig(ss.str());
    fs::path tokenFile = current ? current->tokenFile : site.config().tokenFile;
    if (tokenFile.is_relative()) tokenFile = site.dir() / tokenFile;
    if (!writeFileAtomic(tokenFile, card.token + "\n"))
        return Error{"setup.write", "无法保存上报口令（磁盘满了？），什么也没改", "cannot write the upload token; nothing was changed"};
    if (!writeFileAtomic(tomlFile, *edited))
        return Error{"setup.write", "无法写入设置文件（磁盘满了？），上报地址没有改", "cannot write site.toml; the endpoint is unchanged"};
    AppliedSetupCard applied{current ? current->uploadEndpoint : site.config().uploadEndpoint, card.endpoint};
    AuditLog(site.db()).append(atIso, actor, "setup.card", siteId,
                               "endpoint " + (applied.oldEndpoint.empty() ? std::string("(none)") : applied.oldEndpoint) +
                                   " -> " + applied.newEndpoint + "; token replaced; card issued " + card.issued.iso());
    return applied;
}

}  // namespace mh

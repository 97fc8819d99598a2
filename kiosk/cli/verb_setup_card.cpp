// `setup-card`: county IT's tool. Signs a setup card (setup_card.hpp) with the county's setup key and
// writes it as a printable PNG. The key lives in the county directory (0700: `--county-dir`, else
// $XDG_CONFIG_HOME/mealhall-county or ~/.config/mealhall-county; never the working directory, where
// it would end up beside the printed cards, in a shared folder or a git repository). It is created
// (0600) when missing, and its public key is then printed: county IT installs that line in
// /etc/mealhall/county-setup-keys on every terminal. Cards expire (`--valid-days`, default 30).
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/cli_common.hpp"
#include "platform/cards/setup_card_render.hpp"
#include "shared/core/text.hpp"
#include "shared/site/setup_card.hpp"
#include "shared/site/setup_card_keys.hpp"

namespace mh::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCountyKeyFile = "county-setup.key";

struct SetupCardArgs {
    std::string endpoint, tokenFile, siteId, name, out;
    std::string key;        // --key: an explicit key file (older scripts); else the county directory's
    std::string countyDir;  // --county-dir
    int validDays = kSetupCardDefaultDays;
};

// The county directory: --county-dir, else the user's configuration directory. Empty when neither
// $XDG_CONFIG_HOME nor $HOME says where that is.
fs::path countyDir(const SetupCardArgs& a) {
    if (!a.countyDir.empty()) return a.countyDir;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x == '/') return fs::path(x) / "mealhall-county";
    if (const char* h = std::getenv("HOME"); h && *h == '/') return fs::path(h) / ".config" / "mealhall-county";
    return {};
}

// Makes the county directory (0700 whatever the umask) and closes one that others could read.
bool prepareCountyDir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    struct stat st {};
    if (ec || ::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    return (st.st_mode & 077) == 0 || ::chmod(dir.c_str(), 0700) == 0;
}

int runSetupCard(const SetupCardArgs& a, Context& ctx) {
    if (a.validDays < 1 || a.validDays > kSetupCardMaxDays) {
        ctx.say("--valid-days 只能是 1 到 365 天", "--valid-days must be 1 to 365");
        return kUsage;
    }
    std::ifstream in(a.tokenFile, std::ios::binary);
    std::stringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || ss.str().size() > 4096) {
        ctx.say("读不出口令文件 " + a.tokenFile, "cannot read the token file " + a.tokenFile);
        return kUsage;
    }
    // The county's day: the cards are for sites in the county's time zone.
    auto tz = TimeZone::load("Asia/Shanghai");
    if (!tz) {
        ctx.error(tz.error());
        return kUsage;
    }
    SetupCard card{a.siteId, tz->toLocal(ctx.clock.nowUnix()).date, a.endpoint, std::string(trim(ss.str())), a.name};
    card.expires = card.issued.plusDays(a.validDays);
    // Bad input is refused before a county key is created for it.
    if (auto st = checkSetupCard(card); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    fs::path keyFile = a.key;
    if (keyFile.empty()) {
        fs::path dir = countyDir(a);
        if (dir.empty()) {
            ctx.say("不知道把县平台接入卡私钥放在哪里：请用 --county-dir 指定县信息科的目录",
                    "no place for the county setup key: give --county-dir");
            return kUsage;
        }
        if (!prepareCountyDir(dir)) {
            ctx.say("无法建立县信息科目录 " + dir.string() + "（或无法把它设为只有本人可读）",
                    "cannot make the county directory " + dir.string() + " private (0700)");
            return kUsage;
        }
        keyFile = dir / kCountyKeyFile;
    }
    auto key = loadOrCreateCountyKey(keyFile);
    if (!key) {
        ctx.error(key.error());
        return kUsage;
    }
    auto payload = signSetupCard(card, key->keys.sec);
    if (!payload) {
        ctx.error(payload.error());
        return kUsage;
    }
    if (auto st = writeSetupCardPng({card.siteId, card.siteName, card.endpoint, card.issued.iso(), *payload,
                                     card.expiresOn().iso()},
                                    a.out);
        !st) {
        ctx.error(st.error());
        return kUsage;
    }
    std::string pub = base32Encode(key->keys.pub.data(), key->keys.pub.size());
    nlohmann::ordered_json j;
    j["out"] = a.out;
    j["site_id"] = card.siteId;
    j["endpoint"] = card.endpoint;
    j["issued"] = card.issued.iso();
    j["expires"] = card.expiresOn().iso();
    j["county_public_key"] = pub;
    j["county_key"] = fs::absolute(keyFile).string();
    j["key_created"] = key->created;
    printJson(j);
    const std::string where = fs::absolute(keyFile).string();
    if (key->created)
        ctx.say("已新建县平台接入卡私钥 " + where + "（只留在县信息科，不要拷走）。请把下面这一行加到每台自助机的 " +
                    std::string(kDefaultSetupKeysFile) + "：\n" + pub,
                "created the county setup key " + where + " (keep it at county IT). Add this line to " +
                    std::string(kDefaultSetupKeysFile) + " on every terminal:\n" + pub);
    else
        ctx.say("用的是县平台接入卡私钥 " + where, "signed with the county setup key " + where);
    ctx.say("已生成接入卡 " + a.out + "（站点 " + card.siteId + "，有效到 " + card.expiresOn().iso() +
                "）。卡里有上报口令，请妥善保管。",
            "setup card written: " + a.out + " (site " + card.siteId + ", valid until " + card.expiresOn().iso() +
                "). It carries the upload token: keep it safe.");
    return kDone;
}

}  // namespace

void registerSetupCardVerb(CLI::App& app, Context& ctx) {
    Verb<SetupCardArgs>(app, ctx, "setup-card", "county IT: a signed setup QR that gives a terminal its county connection", runSetupCard)
        .required("--endpoint", &SetupCardArgs::endpoint, "the county platform's upload address (https://...)")
        .required("--token-file", &SetupCardArgs::tokenFile, "file holding the site's upload token")
        .required("--site-id", &SetupCardArgs::siteId, "the site id, e.g. 141022-001")
        .option("--name", &SetupCardArgs::name, "the site's name, e.g. 北关村老年食堂 (optional: the first run then needs no typing)")
        .required("--out", &SetupCardArgs::out, "PNG file to write")
        .option("--county-dir", &SetupCardArgs::countyDir,
                "county IT's private directory for the secret setup key (0700; default $XDG_CONFIG_HOME/mealhall-county "
                "or ~/.config/mealhall-county)")
        .option("--key", &SetupCardArgs::key, "an explicit secret setup key file instead (created 0600 when missing)")
        .shown("--valid-days", &SetupCardArgs::validDays, "days the card is accepted after today (1-365)");
}

}  // namespace mh::cli

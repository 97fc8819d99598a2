// `setup-card`: county IT's tool. Signs a setup card (setup_card.hpp) with the county's setup key and
// writes it as a printable PNG. The key file is created (0600) when missing, and its public key is
// then printed: county IT installs that line in /etc/mealhall/county-setup-keys on every terminal.
#include <fstream>
#include <sstream>

#include "cli/cli_common.hpp"
#include "platform/cards/setup_card_render.hpp"
#include "shared/core/text.hpp"
#include "shared/site/setup_card.hpp"
#include "shared/site/setup_card_keys.hpp"

namespace mh::cli {
namespace {

struct SetupCardArgs {
    std::string endpoint, tokenFile, siteId, name, out, key = "county-setup.key";
};

int runSetupCard(const SetupCardArgs& a, Context& ctx) {
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
    // Bad input is refused before a county key is created for it.
    if (auto st = checkSetupCard(card); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    auto key = loadOrCreateCountyKey(a.key);
    if (!key) {
        ctx.error(key.error());
        return kUsage;
    }
    auto payload = signSetupCard(card, key->keys.sec);
    if (!payload) {
        ctx.error(payload.error());
        return kUsage;
    }
    if (auto st = writeSetupCardPng({card.siteId, card.siteName, card.endpoint, card.issued.iso(), *payload}, a.out); !st) {
        ctx.error(st.error());
        return kUsage;
    }
    std::string pub = base32Encode(key->keys.pub.data(), key->keys.pub.size());
    nlohmann::ordered_json j;
    j["out"] = a.out;
    j["site_id"] = card.siteId;
    j["endpoint"] = card.endpoint;
    j["issued"] = card.issued.iso();
    j["county_public_key"] = pub;
    j["key_created"] = key->created;
    printJson(j);
    if (key->created)
        ctx.say("已新建县平台接入卡私钥 " + a.key + "（只留在县信息科）。请把下面这一行加到每台自助机的 " +
                    std::string(kDefaultSetupKeysFile) + "：\n" + pub,
                "created the county setup key " + a.key + " (keep it at county IT). Add this line to " +
                    std::string(kDefaultSetupKeysFile) + " on every terminal:\n" + pub);
    ctx.say("已生成接入卡 " + a.out + "（站点 " + card.siteId + "）。卡里有上报口令，请妥善保管。",
            "setup card written: " + a.out + " (site " + card.siteId + "). It carries the upload token: keep it safe.");
    return kDone;
}

}  // namespace

void registerSetupCardVerb(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<SetupCardArgs>();
    CLI::App* s = app.add_subcommand("setup-card", "county IT: a signed setup QR that gives a terminal its county connection");
    s->add_option("--endpoint", a->endpoint, "the county platform's upload address (https://...)")->required();
    s->add_option("--token-file", a->tokenFile, "file holding the site's upload token")->required();
    s->add_option("--site-id", a->siteId, "the site id, e.g. 141022-001")->required();
    s->add_option("--name", a->name, "the site's name, e.g. 北关村老年食堂 (optional: the first run then needs no typing)");
    s->add_option("--out", a->out, "PNG file to write")->required();
    s->add_option("--key", a->key, "the county's secret setup key file (created 0600 when missing)")->capture_default_str();
    s->callback([a, &ctx] { ctx.exitCode = runSetupCard(*a, ctx); });
}

}  // namespace mh::cli

// `init --join` on the new terminal (see pairing_join.hpp).
#include "shared/peers/pairing_join.hpp"
#include "shared/site/join_marker.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "shared/core/atomic_file.hpp"
#include "shared/peers/pairing_bundle.hpp"
#include "shared/peers/pairing_crypto.hpp"
#include "shared/peers/pairing_hello.hpp"
#include "shared/peers/pairing_service.hpp"
#include "shared/site/peers_toml.hpp"
#include "shared/site/site.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace fs = std::filesystem;
namespace {

Error codeError(const std::string& why) {
    if (why == "expired" || why == "used" || why == "no_code")
        return Error{"join.code", "配对码已经失效（过期、已用过或已收起），请在那台签到机的设置页按“显示配对码”再试",
                     "the pairing code is no longer valid (expired, used or withdrawn); show a new code on the other terminal"};
    if (why == "burnt")
        return Error{"join.code", "配对码被输错的次数太多，这个码已作废。请在那台签到机上换一个新的配对码",
                     "too many wrong tries: this code is burnt; show a new code on the other terminal"};
    if (why == "too_many")
        return Error{"join.code", "本机输错配对码的次数太多，暂时不能再试。请在那台签到机上换一个新的配对码，一小时后再试",
                     "this machine made too many wrong tries; show a new code and try again within the hour limit"};
    return Error{"join.code", "配对码不对，请核对那台签到机屏幕上的六位数字", "wrong pairing code"};
}

Error unreachable(const std::string& addr, const std::string& detail) {
    return Error{"join.unreachable",
                 "连不上 " + addr + " 的签到机。请确认那台机器在运行（kiosk run 或 kiosk serve）并正在显示配对码（还没有其他签到机的食堂，只在显示配对码时才等候加入），两台机器在同一个网络里，地址和端口没写错",
                 "cannot reach the terminal at " + addr + " (" + detail + "): is it running kiosk run or serve and showing a pairing code, on the same network?"};
}

}  // namespace

Result<JoinResult> joinSite(HttpClient& http, const fs::path& dir, const JoinOptions& o) {
    auto server = parseHostPort(o.address);
    if (!server)
        return Error{"join.usage", "--join 应写成 地址:端口，例如 192.168.1.21:7443",
                     "--join must be host:port, e.g. 192.168.1.21:7443"};
    if (o.code.size() != 6 || o.code.find_first_not_of("0123456789") != std::string::npos)
        return Error{"join.usage", "配对码是六位数字", "the pairing code is six digits"};
    auto listen = parseHostPort(o.listen, /*allowPortZero=*/true);
    if (!listen || listen->port == 0)
        return Error{"join.usage", "--listen 应写成 地址:端口，例如 0.0.0.0:7443", "--listen must be host:port, e.g. 0.0.0.0:7443"};
    std::error_code ec;
    bool existed = fs::exists(dir, ec);
    // A join killed half-way left its marker: what lies there is that join's, not a site; cleared.
    bool leftover = existed && fs::is_directory(dir, ec) && holdsUnfinishedJoin(dir);
    if (existed && !leftover && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec)))
        return Error{"join.usage", "目录 " + dir.string() + " 不是空的，不会往里面加入站点（请换一个空目录）",
                     "the directory " + dir.string() + " is not empty; join into an empty directory"};
    auto cleanUp = [&] {
        if (!existed) fs::remove_all(dir, ec);
        else
            for (const auto& e : fs::directory_iterator(dir, ec)) fs::remove_all(e.path(), ec);
    };
    if (leftover) cleanUp();

    auto kp = pairing::BoxKeyPair::generate();
    std::string pubHex = pairing::hex(kp.pub.data(), kp.pub.size());
    auto keys = pairing::deriveCodeKeys(o.code, kp.pub);
    if (!keys) return Error{"join.usage", "内存不足，无法计算配对密钥", "out of memory deriving the pairing keys"};
    HttpRequest req;
    req.method = "POST";
    req.url = "http://" + server->text() + kJoinPath;
    req.headers.emplace_back("Content-Type", "application/json");
    req.body = nlohmann::json{{"pub", pubHex},
                              {"listen_port", listen->port},
                              {"tag", pairing::tagHex(pairing::requestMessage(pubHex, listen->port), keys->request)}}
                   .dump();
    req.maxBodyBytes = 64u << 20;
    HttpResponse resp = http.send(req);
    if (resp.transport != Transport::Ok) return unreachable(server->text(), resp.error);
    nlohmann::json reply = nlohmann::json::parse(resp.body, nullptr, /*allow_exceptions=*/false);
    if (resp.status == 401) return codeError(reply.is_object() ? reply.value("error", "") : "");
    if (resp.status == 404)
        return Error{"join.reply", server->text() + " 不是能加入的签到机（版本太旧？）",
                     server->text() + " does not accept joins (an older kiosk?)"};
    if (resp.status != 200 || !reply.is_object() || !reply.contains("sealed"))
        return Error{"join.site", "那台签到机读不出自己的站点资料（状态 " + std::to_string(resp.status) + "），请看它的日志",
                     "the other terminal could not read its own site (status " + std::to_string(resp.status) + ")"};
    std::string sealed = reply.value("sealed", "");
    // Only the terminal that holds the code can make this tag: a stranger's answer is refused.
    if (!pairing::tagMatches(sealed, keys->reply, reply.value("tag", "")))
        return Error{"join.reply", "回答不是来自显示这个配对码的签到机，已拒绝", "the answer did not come from the code-holder"};
    auto plain = pairing::openSealedBase64(sealed, kp);
    if (!plain) return Error{"join.reply", "收到的站点资料打不开，请重试", "the sealed site data did not open"};
    nlohmann::json payload = nlohmann::json::parse(*plain, nullptr, false);
    auto bundle = bundleFromJson(payload);
    if (!bundle) return bundle.error();

    // This terminal's [peers]: the code-holder and every terminal it knows, and where it listens.
    std::vector<std::string> peers;
    for (const auto& p : bundle->peers)
        if (parseHostPort(p)) peers.push_back(p);
    if (std::find(peers.begin(), peers.end(), server->text()) == peers.end()) peers.push_back(server->text());
    // The addresses are written only once the code-holder has written this terminal down (below):
    // until then the marker says the directory holds a join that did not finish.
    std::string toml = withPeersInToml(bundle->siteToml, {}, listen->text());

    fs::create_directories(dir, ec);
    if (!writeFileAtomic(dir / kJoinUnfinished, "init --join " + server->text() + "\n")) {
        cleanUp();
        return Error{"site.write", "无法写入目录 " + dir.string(), "cannot write into " + dir.string()};
    }
    auto site = Site::initJoined(dir, toml, bundle->files);
    if (!site) {
        cleanUp();
        return site.error();
    }
    JoinResult r;
    try {
        Transaction tx((*site)->db());
        r.rowsCopied = importBundleTables((*site)->db(), bundle->tables);
        if (o.clock)
            AuditLog((*site)->db()).append((*site)->timeZone().isoWithOffset(o.clock->nowUnix()), "admin", "site.join", (*site)->config().siteId,
                                           "from " + bundle->fromTerminal + " at " + server->text());
        tx.commit();
    } catch (const StoreError& e) {
        site->reset();
        cleanUp();
        return Error{"site.db", "无法写入老人名单：" + std::string(e.what()), std::string("cannot write the roster: ") + e.what()};
    }
    r.siteId = (*site)->config().siteId;
    r.name = (*site)->config().name;
    r.terminal = loadTerminalIdentity((*site)->db()).id;
    r.fromTerminal = bundle->fromTerminal;
    r.peers = peers;

    // Done: the code-holder writes this terminal down now, and this one writes the others down after.
    HttpRequest done;
    done.method = "POST";
    done.url = "http://" + server->text() + kJoinDonePath;
    done.headers.emplace_back("Content-Type", "application/json");
    done.body = nlohmann::json{{"pub", pubHex},
                               {"terminal", r.terminal},
                               {"tag", pairing::tagHex(pairing::doneMessage(pubHex, r.terminal), keys->request)}}
                    .dump();
    HttpResponse doneResp = http.send(done);
    nlohmann::json doneReply = nlohmann::json::parse(doneResp.body, nullptr, false);
    if (doneResp.transport != Transport::Ok || doneResp.status != 200 || !doneReply.is_object()) {
        site->reset();
        cleanUp();
        return Error{"join.unfinished",
                     "那台签到机没有确认加入完成（" + (doneResp.transport != Transport::Ok ? doneResp.error : "状态 " + std::to_string(doneResp.status)) +
                         "），本机没有留下站点。请在那台签到机上显示一个新的配对码再试",
                     "the other terminal did not confirm the join; nothing was kept here. Show a new code and try again"};
    }
    r.peerAdded = doneReply.value("peer_added", false);
    r.peerNote = doneReply.value("peer_note", "");
    for (const auto& p : peers)
        if (auto added = addPeerToSiteToml(dir, p); !added) {
            site->reset();
            cleanUp();
            return added.error();
        }
    fs::remove(dir / kJoinUnfinished, ec);
    // The code-holder knows this terminal now; the site's other terminals learn it from a hello.
    for (const auto& p : peers) {
        if (p == server->text() || !o.clock) continue;
        HttpRequest hello;
        hello.method = "POST";
        hello.url = "http://" + p + kHelloPath;
        hello.headers.emplace_back("Content-Type", "application/json");
        hello.body = makeHello((*site)->keys(), listen->port, r.terminal, o.clock->nowUnix());
        HttpResponse hr = http.send(hello);
        if (hr.transport != Transport::Ok || hr.status != 200) r.unreached.push_back(p);
    }
    return r;
}

}  // namespace mh

// `card issue`: signs the roster's current card serial for an elder and renders the printable card
// (one PNG at ID-1 size), or with --all an A4 sheet set for the whole active roster.
#include <iostream>

#include "cli/cli_common.hpp"
#include "platform/cards/card_render.hpp"
#include "shared/roster/issue_cards.hpp"

namespace mh::cli {
namespace {

struct IssueArgs {
    std::string site = kDefaultSite, elder, out, staff = "admin";
    bool all = false;
};

int runIssue(const IssueArgs& a, Context& ctx) {
    if (a.all == !a.elder.empty()) {
        ctx.say("请给出 --elder 编号，或用 --all 打印全部老人的卡", "give --elder ID, or --all for the whole roster");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto cards = cardsToIssue(*site, ElderId(a.elder));
    if (!cards) {
        ctx.error(cards.error());
        return kRefused;
    }
    std::vector<CardFace> faces;
    for (const IssuedCard& c : *cards)
        faces.push_back(CardFace{site->config().name, c.name, c.elderId, c.serial, c.village, c.payload});
    std::vector<std::filesystem::path> files;
    if (a.all) {
        auto r = writeCardSheets(faces, a.out);
        if (!r) {
            ctx.error(r.error());
            return kUsage;
        }
        files = *r;
    } else {
        if (auto st = writeCardPng(faces.front(), a.out); !st) {
            ctx.error(st.error());
            return kUsage;
        }
        files.push_back(a.out);
    }

    recordCardsIssued(*site, *cards, a.staff, ctx.nowIso(*site));
    nlohmann::ordered_json j;
    j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : files) j["files"].push_back(f.string());
    j["cards"] = nlohmann::ordered_json::array();
    for (const auto& f : faces) j["cards"].push_back({{"elder_id", f.elderId}, {"serial", f.serial}, {"payload", f.payload}});
    printJson(j);
    ctx.say("已生成 " + std::to_string(faces.size()) + " 张卡：" + files.front().string() +
                (a.all ? "（A4，300dpi，每页10张，按裁切线剪下）" : "（85.6×54毫米，300dpi，请按实际大小打印）"),
            std::to_string(faces.size()) + " card(s) written: " + files.front().string() +
                (a.all ? " (A4 at 300 dpi, ten a page, cut along the marks)" : " (85.6x54 mm at 300 dpi; print at actual size)"));
    return kDone;
}

}  // namespace

void registerCardVerb(CLI::App& app, Context& ctx) {
    Verb<IssueArgs>(verbGroup(app, "card", "elder cards"), ctx, "issue", "print a signed QR card for an elder (PNG, 300 dpi)", runIssue)
        .site()
        .option("--elder", &IssueArgs::elder, "elder_id from the roster")
        .flag("--all", &IssueArgs::all, "every active elder, on A4 sheets of ten")
        .required("--out", &IssueArgs::out, "PNG file to write")
        .shown("--staff", &IssueArgs::staff, "who issued the cards (audit log)");
}

}  // namespace mh::cli

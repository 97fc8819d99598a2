// `paper-roster` (contract 13): the power-cut sheet, printed ahead so a dark canteen still records
// who ate; the ticks are entered afterwards with `scan --at TIME --paper`.
#include "cli/cli_common.hpp"
#include "platform/print/paper_roster.hpp"
#include "shared/reports/paper_roster.hpp"

namespace mh::cli {
namespace {

struct PaperRosterArgs {
    std::string site = kDefaultSite, date, out;
};

int runPaperRoster(const PaperRosterArgs& a, Context& ctx, Site& site) {
    auto day = ctx.dateOrToday(a.date, site);
    if (!day) return kUsage;
    try {
        const PaperRoster sheet = paperRoster(site, *day);
        auto pages = print::renderPaperRoster(sheet, a.out);
        if (!pages) return ctx.failWith(pages.error(), {});
        printJson(nlohmann::ordered_json{{"date", day->iso()}, {"elders", sheet.rows.size()}, {"pages", *pages}, {"pdf", a.out}});
        ctx.say("停电签到表已生成：" + a.out + "（" + std::to_string(*pages) + " 页）",
                "power-cut sheet written: " + a.out + " (" + std::to_string(*pages) + " pages)");
        return kDone;
    } catch (const StoreError& e) {
        ctx.say(std::string("无法读取名单（数据库出错）：") + e.what(), std::string("cannot read the roster: ") + e.what());
        return kUsage;
    }
}

}  // namespace

void registerPaperRosterVerb(CLI::App& app, Context& ctx) {
    Verb<PaperRosterArgs>(app, ctx, "paper-roster", "the power-cut sheet: every active elder with a box per service (停电签到表, A4 PDF)",
                          runPaperRoster)
        .site()
        .option("--date", &PaperRosterArgs::date, "local date, YYYY-MM-DD (default: today)")
        .required("--out", &PaperRosterArgs::out, "the PDF file to write");
}

}  // namespace mh::cli

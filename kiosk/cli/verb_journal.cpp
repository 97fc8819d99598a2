// `journal verify` (contract 13): walks the journal and every covered row; exit 0 when they all
// match, 1 naming the first that does not (a row changed, removed or inserted by hand), 2 when the
// site cannot be opened. JSON on stdout, the sentence for people on stderr.
#include "cli/cli_common.hpp"
#include "shared/core/read_file.hpp"
#include "shared/tally/journal_seal.hpp"

namespace mh::cli {
namespace {

using J = nlohmann::ordered_json;

struct JournalArgs {
    std::string site = kDefaultSite, tally;
};

int runVerify(const JournalArgs& a, Context& ctx, Site& site) {
    JournalReport r;
    try {
        r = journalReport(site);
    } catch (const StoreError& e) {
        ctx.say(std::string("无法读取账本（数据库读不出）：") + e.what(), std::string("cannot read the journal: ") + e.what());
        return kUsage;
    }
    J j;
    j["journal"] = r.check.problem ? r.check.problem->kind : "ok";
    j["terminal"] = r.terminal;
    j["entries"] = r.check.entries;
    J chains = J::array();
    for (const JournalChainHead& c : r.chains) chains.push_back(J{{"terminal", c.terminal}, {"seq", c.seq}, {"head", c.head}});
    j["chains"] = std::move(chains);
    if (const auto& p = r.check.problem) {
        J jp;
        jp["kind"] = p->kind;
        if (!p->terminal.empty()) jp["terminal"] = p->terminal;
        if (p->seq > 0) jp["seq"] = p->seq;
        if (!p->table.empty()) jp["table"] = p->table;
        if (!p->rowKey.empty()) jp["row"] = p->rowKey;
        jp["message"] = ctx.english ? p->en : p->message;
        j["problem"] = std::move(jp);
        printJson(j);
        ctx.say(p->message, p->en);
        return kRefused;
    }
    if (!a.tally.empty()) {
        // The county's question with a backup in hand: does this tally's signed head and every record
        // in it stand in this chain?
        const std::string text = readWholeFile(a.tally);
        if (text.empty()) {
            ctx.say("读不了日报文件：" + a.tally, "cannot read the tally file: " + a.tally);
            return kUsage;
        }
        auto parsed = nlohmann::json::parse(text, nullptr, false);
        std::optional<Error> wrong = parsed.is_discarded()
                                         ? std::optional(Error{"journal.tally_format", "日报文件不是 JSON", "the tally file is not JSON"})
                                         : checkTallyAgainstJournal(site, parsed);
        j["tally"] = wrong ? J(wrong->text(ctx.english)) : J("ok");
        if (wrong) {
            printJson(j);
            ctx.error(*wrong);
            return kRefused;
        }
    }
    printJson(j);
    ctx.say("账本核对无误：" + std::to_string(r.check.entries) + " 条都对得上。",
            "the journal verifies: " + std::to_string(r.check.entries) + " entries match");
    return kDone;
}

}  // namespace

void registerJournalVerbs(CLI::App& app, Context& ctx) {
    Verb<JournalArgs>(verbGroup(app, "journal", "the journal: the hash chain over every record (contract 13)"), ctx,
                      "verify", "check every record against the journal; exit 1 naming the first that does not match",
                      runVerify)
        .site()
        .option("--tally", &JournalArgs::tally, "a tally JSON file: check its signed head and records against this chain");
}

}  // namespace mh::cli

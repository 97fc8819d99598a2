// `feedback` (contract 14): the score the kiosk's three faces give, for scripts: one per meal record
// (3 好, 2 一般, 1 不好), a second refused with exit 1. Prints the record's service and day and the
// score, never who ate.
#include "cli/cli_common.hpp"
#include "shared/feedback/feedback_book.hpp"

namespace mh::cli {
namespace {

struct FeedbackArgs {
    std::string site = kDefaultSite;
    std::int64_t record = 0;
    int score = 0;
    std::string at;
};

int runFeedback(const FeedbackArgs& a, Context& ctx) {
    auto score = parseFeedbackScore(a.score);
    if (!score) {
        ctx.say("--score 只能是 3（好）、2（一般）或 1（不好）", "--score must be 3 (good), 2 (okay) or 1 (bad)");
        return kUsage;
    }
    auto at = ctx.parseAt(a.at);
    if (!at) return kUsage;
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    auto given = recordFeedback(*site, {a.record, *score, *at, kFeedbackFromScript}, ctx.clock.nowUnix());
    if (!given) return ctx.failWith(given.error(), {});
    nlohmann::ordered_json j;
    j["record"] = a.record;
    j["service"] = given->service;
    j["day"] = given->day;
    j["score"] = int(given->score);
    j["word"] = feedbackWord(given->score);
    printJson(j);
    ctx.say(std::string("已记下评价：") + feedbackWord(given->score), "score recorded");
    return kDone;
}

}  // namespace

void registerFeedbackVerb(CLI::App& app, Context& ctx) {
    Verb<FeedbackArgs>(app, ctx, "feedback", "an elder's score of a meal record: 3 好, 2 一般, 1 不好 (one per record)", runFeedback)
        .site()
        .required("--record", &FeedbackArgs::record, "the meal's record id (as scan prints it)")
        .required("--score", &FeedbackArgs::score, "3 = 好, 2 = 一般, 1 = 不好")
        .at();
}

}  // namespace mh::cli

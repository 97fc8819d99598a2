// `review` (contract 13, 今日核对): the day's items for staff as JSON, or `--handle ID --staff NAME`
// to mark one handled (audited). Exit 1 for an id that is not an item; 2 for bad usage.
#include "cli/cli_common.hpp"
#include "shared/reports/daily_review.hpp"

namespace mh::cli {
namespace {

using J = nlohmann::ordered_json;

struct ReviewArgs {
    std::string site = kDefaultSite, date, handle, staff;
};

J itemJson(const ReviewItem& item) {
    J j{{"id", item.id}, {"kind", item.kind}, {"handled", item.handled}};
    for (const auto& [k, v] : item.detail.items()) j[k] = v;
    return j;
}

int runReview(const ReviewArgs& a, Context& ctx) {
    if (a.handle.empty() == a.date.empty()) {
        ctx.say("请写 --date 日期（列出当天的核对项），或 --handle 编号 --staff 经办人（标记已处理）",
                "give --date (list the day's items) or --handle ID --staff NAME (mark one handled)");
        return kUsage;
    }
    auto site = ctx.openSite(a.site);
    if (!site) return kUsage;
    try {
        if (!a.handle.empty()) {
            auto item = markReviewHandled(*site, a.handle, a.staff, ctx.clock.nowUnix());
            if (!item) return ctx.failWith(item.error(), {"review.staff"});
            printJson(itemJson(*item));
            ctx.say("已标记处理：" + item->id, "marked handled: " + item->id);
            return kDone;
        }
        auto day = LocalDate::parse(a.date);
        if (!day) {
            ctx.say("日期要写成 YYYY-MM-DD：" + a.date, "the date must be YYYY-MM-DD: " + a.date);
            return kUsage;
        }
        const DailyReview r = dailyReview(*site, *day);
        J items = J::array();
        for (const ReviewItem& item : r.items) items.push_back(itemJson(item));
        printJson(J{{"date", r.date}, {"items", std::move(items)}});
        return kDone;
    } catch (const StoreError& e) {
        ctx.say(std::string("无法读取核对项（数据库出错）：") + e.what(), std::string("cannot read the review: ") + e.what());
        return kUsage;
    }
}

}  // namespace

void registerReviewVerb(CLI::App& app, Context& ctx) {
    Verb<ReviewArgs>(app, ctx, "review", "the day's review for staff (今日核对), or mark an item handled", runReview)
        .site()
        .option("--date", &ReviewArgs::date, "local date, YYYY-MM-DD")
        .option("--handle", &ReviewArgs::handle, "an item's id, to mark it handled")
        .option("--staff", &ReviewArgs::staff, "who handled it (for the audit log)");
}

}  // namespace mh::cli

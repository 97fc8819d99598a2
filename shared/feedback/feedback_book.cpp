#include "shared/feedback/feedback_book.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "shared/site/clock_check.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"

namespace mh {
namespace {

constexpr const char* kAction = "feedback.score";

// The record as every terminal of the site names it (contract 11's origin).
std::string originKey(const CheckinRecord& r) { return r.originTerminal + ":" + std::to_string(r.originRecord); }

bool alreadyScored(Database& db, const std::string& subject) {
    auto st = db.cached("SELECT 1 FROM audit WHERE action = ?1 AND subject = ?2 LIMIT 1");
    st.bind(1, std::string(kAction)).bind(2, subject);
    return st.step();
}

}  // namespace

const char* feedbackWord(FeedbackScore s) {
    switch (s) {
        case FeedbackScore::Good: return "好";
        case FeedbackScore::Okay: return "一般";
        case FeedbackScore::Bad: break;
    }
    return "不好";
}

std::optional<FeedbackScore> parseFeedbackScore(int n) {
    if (n < 1 || n > 3) return std::nullopt;
    return FeedbackScore(n);
}

Result<FeedbackGiven> recordFeedback(Site& site, const FeedbackRequest& req, std::int64_t nowUnix) {
    std::string id = std::to_string(req.recordId);
    const TimeZone& tz = site.timeZone();
    std::int64_t at = nowUnix;
    if (req.at) {
        at = tz.toUnix(*req.at);
        if (at > nowUnix + kClockSlackSeconds)
            return Error{"feedback.future", "评价时间 " + req.at->iso() + " 还没到，不能提前记录",
                         "the score's time " + req.at->iso() + " is in the future"};
    } else if (auto problem = clockProblem(site.db(), nowUnix)) {
        return *problem;
    }
    try {
        // Read and written in one transaction: two taps (or a tap and a script) cannot both score it.
        Transaction tx(site.db());
        auto rec = CheckinStore(site.db()).byId(req.recordId);
        if (!rec) return Error{"feedback.record", "没有编号为 " + id + " 的签到记录", "no check-in record " + id};
        if (rec->voided)
            return Error{"feedback.voided", "记录 " + id + " 已经作废，不能评价", "record " + id + " is voided; it cannot be scored"};
        if (rec->serviceKind != "meal")
            return Error{"feedback.kind", "记录 " + id + " 不是用餐，只有用餐可以评价",
                         "record " + id + " is not a meal; only meals are scored"};
        std::string subject = originKey(*rec);
        if (alreadyScored(site.db(), subject))
            return Error{"feedback.twice", "记录 " + id + " 已经评价过了，每顿饭只评价一次",
                         "record " + id + " was already scored; one score per meal"};
        nlohmann::ordered_json detail;
        detail["service"] = rec->service.str();
        detail["day"] = rec->day;
        detail["score"] = int(req.score);
        if (req.at) detail["entered_at"] = tz.isoWithOffset(nowUnix);
        AuditLog(site.db()).append(tz.isoWithOffset(at), req.actor, kAction, subject, detail.dump());
        tx.commit();
        return FeedbackGiven{rec->service.str(), rec->day, req.score};
    } catch (const StoreError& e) {
        if (e.diskFull()) return Error{"store.full", "磁盘已满，这次评价没有记下", "the disk is full; the score was not recorded"};
        return Error{"store.error", "这次评价没有记下：数据库写入失败", "the score was not recorded: database write failed"};
    }
}

std::map<std::string, FeedbackCounts> feedbackCounts(Database& db, const std::string& from, const std::string& to) {
    std::map<std::string, FeedbackCounts> out;
    std::set<std::string> seen;
    auto st = db.cached("SELECT subject, detail FROM audit WHERE action = ?1 ORDER BY at, id");
    st.bind(1, std::string(kAction));
    while (st.step()) {
        if (!seen.insert(st.text(0)).second) continue;  // scored at two terminals while apart: once
        auto d = nlohmann::json::parse(st.text(1), nullptr, /*allow_exceptions=*/false);
        if (!d.is_object() || !d["service"].is_string() || !d["day"].is_string() || !d["score"].is_number_integer()) continue;
        std::string day = d["day"].get<std::string>();
        if (day < from || day > to) continue;
        auto score = parseFeedbackScore(d["score"].get<int>());
        if (!score) continue;
        FeedbackCounts& c = out[d["service"].get<std::string>()];
        (*score == FeedbackScore::Good ? c.good : *score == FeedbackScore::Okay ? c.okay : c.bad) += 1;
    }
    return out;
}

}  // namespace mh

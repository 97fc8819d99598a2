// The elders' own voice (contract 14): one score per meal record — 3 好, 2 一般, 1 不好 — and the
// month's counts per service for the posting.
//
// A score is kept as an audit entry (action "feedback.score") like the safety book, so it is
// append-only and reaches the site's other terminals (contract 11) without a table of its own. The
// entry's subject is the record's origin ("terminal:record", the same on every terminal), which is
// all that is needed to refuse a second score for the same meal; its detail holds only the service,
// the day and the score: no elder id, no name. No reader here returns anything per person.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

enum class FeedbackScore { Bad = 1, Okay = 2, Good = 3 };

// "好" / "一般" / "不好".
const char* feedbackWord(FeedbackScore s);
// 1..3 as a score; nothing for anything else.
std::optional<FeedbackScore> parseFeedbackScore(int n);

// Who gave the score, for the audit entry's actor: the elder's tap at the kiosk, or a script.
inline constexpr const char* kFeedbackFromScreen = "elder-screen";
inline constexpr const char* kFeedbackFromScript = "feedback-verb";

struct FeedbackGiven {
    std::string service, day;  // of the record scored
    FeedbackScore score = FeedbackScore::Good;
};

struct FeedbackRequest {
    std::int64_t recordId = 0;        // this terminal's record id (as `scan` prints it)
    FeedbackScore score = FeedbackScore::Good;
    std::optional<LocalDateTime> at;  // `--at`: given then, written now (kept as entered_at)
    std::string actor;                // kFeedbackFromScreen or kFeedbackFromScript
};

// Records the score of one meal record. Refused (nothing written): no such record
// ("feedback.record"), a voided one ("feedback.voided"), a record of a service that is not a meal
// ("feedback.kind"), a record already scored here or at a peer ("feedback.twice"), a time in the
// future ("feedback.future"), a clock that is not believable when `at` is not given ("clock.*"), a
// failed write ("store.*").
Result<FeedbackGiven> recordFeedback(Site& site, const FeedbackRequest& req, std::int64_t nowUnix);

struct FeedbackCounts {
    int good = 0, okay = 0, bad = 0;
    [[nodiscard]] int total() const { return good + okay + bad; }
};

// Each service's counts over the records of days [from, to] (YYYY-MM-DD, inclusive), from every
// terminal's scores this terminal has seen; a record scored at two terminals while they were apart
// counts once (the earlier entry).
std::map<std::string, FeedbackCounts> feedbackCounts(Database& db, const std::string& from, const std::string& to);

}  // namespace mh

// The elders' scores (contract 14): one per meal record, refused for a second, a voided record or a
// service that is not a meal; the month's counts per service, never per person.
#include <doctest/doctest.h>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/feedback/feedback_book.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/store/audit_log.hpp"
#include "support/test_site.hpp"

using namespace mh;

namespace {

struct ScoredSite {
    test::TempDir dir;
    std::unique_ptr<Site> site = test::makeSite(dir.path(), test::standardToml("[feedback]\nenabled = true\n"));
    FakeClock clock{site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32"))};
    std::string idA = test::makeIdNumber("19400101", 12, true), idB = test::makeIdNumber("19500303", 14, false);

    ScoredSite() {
        std::string csv = "elder_id,name,id_number,categories\nE0001,张桂兰," + idA + ",dibao\nE0002,王建国," + idB + ",tekun\n";
        REQUIRE(importRoster(*site, csv, LocalDate::of(2026, 11, 25), "2026-11-25T08:00:00+08:00", "test").ok());
    }
    std::int64_t meal(const std::string& id, const std::string& service = "lunch") {
        // Breakfast closed at 09:00: recorded as at 07:30 that morning.
        std::optional<LocalDateTime> at;
        if (service == "breakfast") at = LocalDateTime::parse("2026-11-25T07:30");
        auto r = CheckInEngine(*site, clock).scan(ScanRequest{id, ServiceId(service), at, false});
        REQUIRE(r.ok());
        REQUIRE(r->accepted());
        return *r->recordId;
    }
};

}  // namespace

TEST_CASE("a meal is scored once: a second score for the record is refused and the first stays") {
    ScoredSite s;
    CHECK(s.site->config().feedbackEnabled);
    std::int64_t rec = s.meal(s.idA);
    auto first = recordFeedback(*s.site, {rec, FeedbackScore::Good, std::nullopt, kFeedbackFromScreen}, s.clock.nowUnix());
    REQUIRE(first.ok());
    CHECK(first->service == "lunch");
    CHECK(first->day == "2026-11-25");
    auto second = recordFeedback(*s.site, {rec, FeedbackScore::Bad, std::nullopt, kFeedbackFromScript}, s.clock.nowUnix());
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == "feedback.twice");
    CHECK(second.error().message.find("已经评价过了") != std::string::npos);
    auto counts = feedbackCounts(s.site->db(), "2026-11-01", "2026-11-30");
    CHECK(counts["lunch"].good == 1);
    CHECK(counts["lunch"].bad == 0);
}

TEST_CASE("no score for a record that does not exist, a voided meal or a service that is not a meal") {
    ScoredSite s;
    auto none = recordFeedback(*s.site, {999, FeedbackScore::Good, std::nullopt, kFeedbackFromScript}, s.clock.nowUnix());
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "feedback.record");
    std::int64_t voided = s.meal(s.idA);
    REQUIRE(CheckInEngine(*s.site, s.clock).voidRecord(voided, "刷错了人", "王师傅").ok());
    auto v = recordFeedback(*s.site, {voided, FeedbackScore::Good, std::nullopt, kFeedbackFromScript}, s.clock.nowUnix());
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().code == "feedback.voided");
    std::int64_t health = s.meal(s.idB, "health");
    auto h = recordFeedback(*s.site, {health, FeedbackScore::Good, std::nullopt, kFeedbackFromScript}, s.clock.nowUnix());
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().code == "feedback.kind");
    CHECK(feedbackCounts(s.site->db(), "2026-11-01", "2026-11-30").empty());
    CHECK_FALSE(parseFeedbackScore(0));
    CHECK_FALSE(parseFeedbackScore(4));
    CHECK(std::string(feedbackWord(*parseFeedbackScore(2))) == "一般");
}

TEST_CASE("the month's counts are per service and day range, and the audit entry names no elder") {
    ScoredSite s;
    std::int64_t a = s.meal(s.idA), b = s.meal(s.idB), c = s.meal(s.idB, "breakfast");
    REQUIRE(recordFeedback(*s.site, {a, FeedbackScore::Good, std::nullopt, kFeedbackFromScreen}, s.clock.nowUnix()).ok());
    REQUIRE(recordFeedback(*s.site, {b, FeedbackScore::Okay, std::nullopt, kFeedbackFromScreen}, s.clock.nowUnix()).ok());
    REQUIRE(recordFeedback(*s.site, {c, FeedbackScore::Bad, std::nullopt, kFeedbackFromScreen}, s.clock.nowUnix()).ok());
    auto counts = feedbackCounts(s.site->db(), "2026-11-01", "2026-11-30");
    CHECK(counts["lunch"].good == 1);
    CHECK(counts["lunch"].okay == 1);
    CHECK(counts["lunch"].bad == 0);
    CHECK(counts["breakfast"].bad == 1);
    CHECK(feedbackCounts(s.site->db(), "2026-12-01", "2026-12-31").empty());
    // What is kept: the record's origin (to refuse a second score), service, day and score. No
    // elder id, no name.
    for (const auto& e : AuditLog(s.site->db()).recent(10)) {
        if (e.action != "feedback.score") continue;
        CHECK(e.detail.find("E000") == std::string::npos);
        CHECK(e.detail.find("elder") == std::string::npos);
        CHECK(e.subject.find("E000") == std::string::npos);
    }
}

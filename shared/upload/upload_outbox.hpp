// The upload outbox (contract 8): each local day's tally, frozen into numbered revisions that wait in
// the site database until the county platform confirms them.
//
// Invariants:
//  (1) a day is frozen only when it is due: before today's local date, or today after [site] end_of_day
//      (or on demand through freezeDay); days come from the records' own `day`, never from the clock,
//      so a clock that jumps cannot merge or skip days;
//  (2) a revision's body is stored once and sent byte for byte on every try, so a retry carries the
//      same Idempotency-Key and the same content;
//  (3) a correction (void, late record) to a frozen day makes revision n+1, which supersedes an
//      unsent revision n; content is compared by a hash of the day's records, never of generated_at;
//  (4) a revision leaves `pending` only when the platform confirmed it (2xx/409), refused it (another
//      4xx: set aside with the county's answer, later days go on), or a newer one replaced it;
//  (5) a day's tally names this database's terminal id, so two terminals (or a rebuilt database)
//      never share an Idempotency-Key;
//  (6) each revision keeps the terminal id it was frozen under and is sent under that id's key; new
//      revisions are made only under this database's own id. A database restored from a backup has a
//      fresh id (contract 11), so the old id's revisions it holds go out exactly as they were frozen,
//      and it never makes another body under the old id's keys.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

struct OutboxEntry {
    std::string terminal;  // the terminal id the tally was frozen under: its Idempotency-Key's
    std::string day;       // YYYY-MM-DD
    int revision = 0;
    std::string body;      // the tally JSON exactly as sent
    std::string frozenAt;
    int attempts = 0;      // failed tries so far
    std::int64_t nextAttempt = 0;  // unix seconds
};

// A day whose newest revision the county refused, with its answer (status and the start of its reply).
struct RefusedDay {
    std::string terminal;
    std::string day;
    int revision = 0;
    std::string countyAnswer;
    std::string refusedAt;
};

class UploadOutbox {
public:
    explicit UploadOutbox(Site& site) : m_site(site) {}

    // Freezes every due day whose records changed since its last revision (invariant 1). Returns the
    // number of new revisions. Cheap when nothing changed: one grouped query over the check-ins.
    int freezeDue(std::int64_t nowUnix);
    // Freezes `day` now, due or not (staff closing the day early). Returns the new revision, or 0 when
    // the day has no records or nothing changed since its last revision.
    int freezeDay(LocalDate day, std::int64_t nowUnix);

    // The revision the day's tally has now: the latest frozen one when the records are unchanged
    // since, else the one the next freeze will make (1 for a day never frozen). Read-only.
    [[nodiscard]] int currentRevision(LocalDate day);

    // Revisions waiting for the platform, oldest day first.
    [[nodiscard]] std::vector<OutboxEntry> pending();
    [[nodiscard]] int pendingDays();
    [[nodiscard]] bool isPending(const OutboxEntry& e);
    void markDelivered(const OutboxEntry& e, int status, const std::string& atIso);
    void markFailed(const OutboxEntry& e, int status, std::int64_t nextAttemptUnix);
    // The county refused this revision: set aside (not pending) until a correction makes a new one.
    void markRefused(const OutboxEntry& e, int status, const std::string& countyAnswer, const std::string& atIso);
    // Days whose newest revision was refused, oldest first.
    [[nodiscard]] std::vector<RefusedDay> refusedDays();
    // When the oldest pending revision may be tried next (unix seconds); none when nothing is pending.
    [[nodiscard]] std::optional<std::int64_t> nextAttempt();

    // Small persistent key/value state of the uploader (last success, last error, roster cursor).
    [[nodiscard]] std::optional<std::string> state(const std::string& key);
    void setState(const std::string& key, const std::string& value);

private:
    int freezeLocked(const std::string& day, const std::string& nowIso, const JournalSeal& seal);
    Site& m_site;
};

// Keys of upload_state, shared by the uploader, the status screen and tests.
namespace upload_keys {
inline constexpr const char* kLastSuccessAt = "last_success_at";
inline constexpr const char* kLastError = "last_error";
inline constexpr const char* kLastErrorEn = "last_error_en";
inline constexpr const char* kLastErrorAt = "last_error_at";
inline constexpr const char* kNeedsStaff = "needs_staff";  // "1": a configuration problem only people can fix
inline constexpr const char* kRosterCursor = "roster_cursor";
inline constexpr const char* kRosterPulledAt = "roster_pulled_at";
inline constexpr const char* kRosterPulledUnix = "roster_pulled_unix";
inline constexpr const char* kRosterError = "roster_error";
}  // namespace upload_keys

}  // namespace mh

// One upload run: freeze what is due, send pending tallies oldest day first, record the outcome, then
// pull the roster. `kiosk upload` runs it once with a few quick retries; the background uploader runs
// it again and again, honouring the backoff schedule stored with each revision.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "shared/ports/http_client.hpp"
#include "shared/site/site.hpp"
#include "shared/upload/backoff.hpp"
#include "shared/upload/roster_pull.hpp"

namespace mh {

struct UploadOptions {
    BackoffPolicy backoff;
    int quickRetries = 0;               // extra tries of one tally within this run (kiosk upload: 3)
    std::int64_t maxQuickWaitMs = 10'000;  // a longer wait (Retry-After: 600) ends this run instead
    bool respectSchedule = true;        // leave a tally alone until its next_attempt (the running kiosk)
    bool pullRoster = true;
    std::int64_t rosterEverySeconds = 0;  // 0: every run
};

struct SentTally {
    std::string day;
    int revision = 0;
    int status = 0;
    std::string terminal;  // the id the revision was frozen under (its key's); a restored database's old id too
};

struct UploadRunReport {
    int frozen = 0;                      // new revisions made by this run
    std::vector<SentTally> delivered;    // in the order sent
    std::vector<SentTally> refused;      // refused by the county in this run (set aside, later days went on)
    int pendingDays = 0;                 // days still waiting after the run
    std::optional<Error> error;          // the last problem of this run
    bool needsStaff = false;             // the problem is configuration (token, address, data refused)
    std::int64_t nextAttemptUnix = 0;    // when the oldest pending tally may be tried again; 0: none waiting
    std::optional<RosterPullReport> roster;
};

// Waits `ms`; returns false when the wait was cut short by a stop request.
using Sleeper = std::function<bool(std::int64_t ms)>;

class TallyUploader {
public:
    // `sleeper` defaults to a plain sleep. The uploader does not own its arguments.
    TallyUploader(Site& site, const Clock& clock, HttpClient& http, UploadOptions options, Sleeper sleeper = {});

    // Never throws for network trouble; a StoreError (disk) propagates.
    UploadRunReport run();

private:
    void recordError(const Error& e, bool needsStaff);
    Site& m_site;
    const Clock& m_clock;
    HttpClient& m_http;
    UploadOptions m_opt;
    Sleeper m_sleep;
    std::mt19937 m_rng;
};

// Idempotency-Key of one revision (contract 8): <site_id>/<terminal>/<date>/<revision>.
std::string idempotencyKey(const std::string& siteId, const std::string& terminal, const std::string& day, int revision);

}  // namespace mh

#include "shared/upload/tally_uploader.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "shared/store/terminal_identity.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "shared/upload/upload_reply.hpp"
#include "shared/upload/upload_target.hpp"

namespace mh {

std::string idempotencyKey(const std::string& siteId, const std::string& terminal, const std::string& day, int revision) {
    return siteId + "/" + terminal + "/" + day + "/" + std::to_string(revision);
}

TallyUploader::TallyUploader(Site& site, const Clock& clock, HttpClient& http, UploadOptions options, Sleeper sleeper)
    : m_site(site), m_clock(clock), m_http(http), m_opt(options), m_sleep(std::move(sleeper)), m_rng(std::random_device{}()) {
    if (!m_sleep)
        m_sleep = [](std::int64_t ms) {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            return true;
        };
}

void TallyUploader::recordError(const Error& e, bool needsStaff) {
    UploadOutbox box(m_site);
    box.setState(upload_keys::kLastError, e.message);
    box.setState(upload_keys::kLastErrorEn, e.en);
    box.setState(upload_keys::kLastErrorAt, m_site.timeZone().isoWithOffset(m_clock.nowUnix()));
    box.setState(upload_keys::kNeedsStaff, needsStaff ? "1" : "0");
}

UploadRunReport TallyUploader::run() {
    UploadRunReport rep;
    UploadOutbox box(m_site);
    rep.frozen = box.freezeDue(m_clock.nowUnix());

    auto target = loadUploadTarget(m_site);
    if (!target) {
        rep.error = target.error();
        rep.needsStaff = true;
        recordError(target.error(), true);
        rep.pendingDays = box.pendingDays();
        return rep;
    }

    std::uniform_real_distribution<double> unit(0.0, 1.0);
    bool halted = false;
    for (const OutboxEntry& e : box.pending()) {
        const std::int64_t nowUnix = m_clock.nowUnix();
        // A schedule stored absurdly far ahead (an old Retry-After of 30 years) is void.
        const bool scheduleSane = e.nextAttempt <= nowUnix + kMaxScheduleAheadSeconds;
        if (m_opt.respectSchedule && scheduleSane && e.nextAttempt > nowUnix) {
            rep.nextAttemptUnix = e.nextAttempt;
            break;  // oldest first: a later day never overtakes a waiting earlier one
        }
        // Another process (the GUI's uploader, a second `kiosk upload`) may have sent or superseded it.
        if (!box.isPending(e)) continue;
        HttpRequest req;
        req.method = "POST";
        req.url = target->url("/tallies");
        req.headers = {{"Authorization", target->bearer()},
                       {"Idempotency-Key", idempotencyKey(m_site.config().siteId, e.terminal, e.day, e.revision)},
                       {"Content-Type", "application/json; charset=utf-8"}};
        req.body = e.body;
        int failures = e.attempts;
        for (int tries = 0;; ++tries) {
            HttpResponse resp = m_http.send(req);
            const std::int64_t now = m_clock.nowUnix();
            if (resp.transport == Transport::Cancelled) {
                halted = true;  // shutting down: not a failure of the platform, nothing to record
                break;
            }
            ReplyVerdict v = judgeReply(resp, now, e.day);
            if (v.kind == ReplyKind::Delivered) {
                box.markDelivered(e, v.status, m_site.timeZone().isoWithOffset(now));
                rep.delivered.push_back({e.day, e.revision, v.status, e.terminal});
                rep.error.reset();  // the report's error is what holds tallies back now
                rep.needsStaff = false;
                break;
            }
            if (v.kind == ReplyKind::Refused) {
                // This day only: set aside with the county's answer; the next day goes on.
                box.markRefused(e, v.status, v.countyAnswer, m_site.timeZone().isoWithOffset(now));
                rep.refused.push_back({e.day, e.revision, v.status, e.terminal});
                rep.error = v.error;
                rep.needsStaff = true;
                recordError(v.error, true);
                break;
            }
            ++failures;
            const bool stop = v.kind == ReplyKind::Stop;
            // A configuration problem is retried slowly (staff may fix the token without a restart).
            std::int64_t waitMs = stop ? m_opt.backoff.capMs
                                       : v.retryAfterMs.value_or(backoffDelayMs(m_opt.backoff, failures, unit(m_rng)));
            waitMs = std::clamp<std::int64_t>(waitMs, 0, kMaxRetryAfterMs);  // never negative, never past an hour
            box.markFailed(e, v.status, now + (waitMs + 999) / 1000);
            rep.error = v.error;
            rep.needsStaff = stop;
            recordError(v.error, stop);
            if (stop || tries >= m_opt.quickRetries || waitMs > m_opt.maxQuickWaitMs || !m_sleep(waitMs)) {
                rep.nextAttemptUnix = now + (waitMs + 999) / 1000;
                halted = true;
                break;
            }
        }
        if (halted) break;
    }

    // A platform that just failed (or a shutdown) is not asked for the roster too; the next run will.
    if (m_opt.pullRoster && !halted) {
        const std::int64_t now = m_clock.nowUnix();
        std::int64_t last = std::strtoll(box.state(upload_keys::kRosterPulledUnix).value_or("0").c_str(), nullptr, 10);
        // A clock that jumped back must not postpone the pull for years.
        if (m_opt.rosterEverySeconds <= 0 || now - last >= m_opt.rosterEverySeconds || now < last)
            rep.roster = pullRoster(m_site, m_clock, m_http, *target);
    }
    rep.pendingDays = box.pendingDays();
    return rep;
}

}  // namespace mh

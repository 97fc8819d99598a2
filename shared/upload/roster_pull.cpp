#include "shared/upload/roster_pull.hpp"

#include "shared/roster/roster_import.hpp"
#include "shared/upload/upload_outbox.hpp"

namespace mh {

RosterPullReport pullRoster(Site& site, const Clock& clock, HttpClient& http, const UploadTarget& target) {
    RosterPullReport rep;
    UploadOutbox box(site);
    const std::int64_t now = clock.nowUnix();
    const std::string cursor = box.state(upload_keys::kRosterCursor).value_or("");
    rep.cursor = cursor;
    HttpRequest req;
    req.method = "GET";
    req.url = target.url("/roster") + (cursor.empty() ? "" : "?since=" + urlEncode(cursor));
    req.headers = {{"Authorization", target.bearer()}, {"Accept", "text/csv"}};
    req.maxBodyBytes = kMaxRosterBytes;
    HttpResponse r = http.send(req);

    auto fail = [&](Error e) {
        rep.error = e;
        box.setState(upload_keys::kRosterError, e.message);
        return rep;
    };
    if (r.transport != Transport::Ok)
        return fail({"roster.network", "取名单时连不上县平台，下次再试。", "cannot reach the county platform for the roster (" + r.error + ")"});
    if (r.status != 200 && r.status != 204 && r.status != 304)
        return fail({"roster.http", "县平台没有给出老人名单（" + std::to_string(r.status) + "），下次再试。",
                     "the county platform did not return the roster (HTTP " + std::to_string(r.status) + ")"});

    if (r.bodyTruncated)
        return fail({"roster.too_large", "县平台发来的老人名单超过 64 MiB 的上限，没有导入（名单不变）。请联系县信息科检查名单。",
                     "the roster from the county platform is larger than the 64 MiB limit; not imported"});

    if (r.status == 200 && !r.body.empty()) {
        const std::string at = site.timeZone().isoWithOffset(now);
        auto imported = importRoster(site, r.body, site.timeZone().toLocal(now).date, at, "county-platform");
        if (!imported) return fail(imported.error());
        rep.changed = true;
        rep.added = imported->added;
        rep.updated = imported->updated;
        rep.unchanged = imported->unchanged;
        rep.rejected = imported->rejectedCount();
    }
    std::string next = cursor;
    if (const std::string* c = r.header("x-roster-cursor"); c && !c->empty()) next = *c;
    else if (const std::string* d = r.header("date"); d && !d->empty() && r.status == 200) next = *d;
    rep.cursor = next;
    box.setState(upload_keys::kRosterCursor, next);
    box.setState(upload_keys::kRosterPulledAt, site.timeZone().isoWithOffset(now));
    box.setState(upload_keys::kRosterPulledUnix, std::to_string(now));
    box.setState(upload_keys::kRosterError, "");
    return rep;
}

}  // namespace mh

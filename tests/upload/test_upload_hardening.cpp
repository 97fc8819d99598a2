// Issue 11: every meal reaches the county exactly once. Tally v2 with the terminal id in body and key,
// a refused day set aside without holding back later ones, capped Retry-After, endpoint checks by
// libcurl's URL parser, bounded reply bodies, and `kiosk status`.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <chrono>

#include "platform/net/curl_http_client.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/upload/site_status.hpp"
#include "shared/upload/tally_uploader.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "shared/upload/upload_target.hpp"
#include "support/fake_county.hpp"
#include "support/fake_http_client.hpp"
#include "support/run_process.hpp"
#include "upload/upload_fixture.hpp"

using namespace mh;
using namespace mh::test;

namespace {

// The running kiosk's way: one try per run, the stored schedule respected.
UploadOptions background() {
    UploadOptions o;
    o.quickRetries = 0;
    o.respectSchedule = true;
    o.pullRoster = false;
    return o;
}

std::string terminalOf(UploadSite& s) { return loadTerminalIdentity(s.site->db()).id; }

}  // namespace

TEST_CASE("the tally is v2: it names the terminal, the key carries it, hand-timed records keep entered_at") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);  // recorded with a given time, like `scan --at`
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    CurlHttpClient http;
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, background()).run();
    REQUIRE(rep.delivered.size() == 1);
    const std::string terminal = terminalOf(s);
    CHECK(terminal.size() == 8);
    const std::string key = "141022-001/" + terminal + "/2026-11-01/1";
    REQUIRE(county.stored().count(key) == 1);
    auto j = nlohmann::json::parse(county.stored().at(key));
    CHECK(j["schema"] == "mealhall.tally.v2");
    CHECK(j["terminal"] == terminal);
    REQUIRE(j["records"].size() == 2);
    CHECK(j["records"][0].contains("entered_at"));
}

TEST_CASE("two terminals of one site upload the same date under two keys, and the county keeps both") {
    FakeCounty county;
    UploadSite a(county.endpoint()), b(county.endpoint());  // two inits with the same site id
    CHECK(a.site->config().siteId == b.site->config().siteId);
    REQUIRE(terminalOf(a) != terminalOf(b));
    a.lunches(D("2026-11-01"), 3);
    b.lunches(D("2026-11-01"), 2);
    for (UploadSite* s : {&a, &b}) {
        s->clock.set(s->at(D("2026-11-02"), 9, 0));
        CurlHttpClient http;
        UploadRunReport rep = TallyUploader(*s->site, s->clock, http, background()).run();
        REQUIRE(rep.delivered.size() == 1);
        CHECK(rep.delivered[0].status == 201);  // not 409: no collision
    }
    CHECK(county.stored().size() == 2);
    CHECK(county.stored().count(a.key("2026-11-01", 1)) == 1);
    CHECK(county.stored().count(b.key("2026-11-01", 1)) == 1);
}

TEST_CASE("a refused 1970 day is set aside with the county's answer, later days go up, and a void re-sends it") {
    FakeCounty county;
    county.refuseDatesBefore("2000-01-01");
    UploadSite s(county.endpoint());
    CheckInEngine engine(*s.site, s.clock);
    auto r1970 = engine.checkInManually(ElderId("E001"), ServiceId("lunch"), LocalDateTime{D("1970-01-01"), 11, 30, 0}, false, "测试员");
    auto r1970b = engine.checkInManually(ElderId("E002"), ServiceId("lunch"), LocalDateTime{D("1970-01-01"), 11, 30, 0}, false, "测试员");
    REQUIRE(r1970.ok());
    REQUIRE(r1970->accepted());
    REQUIRE(r1970b.ok());
    s.lunches(D("2026-11-01"), 2);
    s.lunches(D("2026-11-02"), 2);
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    CurlHttpClient http;

    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, background()).run();
    REQUIRE(rep.refused.size() == 1);
    CHECK(rep.refused[0].day == "1970-01-01");
    CHECK(rep.delivered.size() == 2);  // the refusal held nothing back
    CHECK(rep.pendingDays == 0);
    UploadOutbox box(*s.site);
    auto refused = box.refusedDays();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].revision == 1);
    CHECK(refused[0].countyAnswer.rfind("422 ", 0) == 0);
    CHECK(refused[0].countyAnswer.find("日期早于本站开通日期") != std::string::npos);
    SiteStatus st = siteStatus(*s.site, s.clock.nowUnix());
    CHECK(st.needsStaff);
    REQUIRE(st.refusedDays.size() == 1);

    // Nothing changed: a refused day is not sent again and again.
    const size_t posts = county.posts().size();
    rep = TallyUploader(*s.site, s.clock, http, background()).run();
    CHECK(county.posts().size() == posts);

    // A correction makes revision 2, which is sent; the county (still refusing) refuses it again.
    REQUIRE(engine.voidRecord(*r1970->recordId, "时钟错误", "测试员").ok());
    rep = TallyUploader(*s.site, s.clock, http, background()).run();
    CHECK(county.posts().size() == posts + 1);
    CHECK(county.posts().back().key == s.key("1970-01-01", 2));
    REQUIRE(box.refusedDays().size() == 1);
    CHECK(box.refusedDays()[0].revision == 2);

    // Once the county accepts the day, the next correction's revision is delivered and nothing is refused.
    county.refuseDatesBefore("");
    REQUIRE(engine.voidRecord(*r1970b->recordId, "时钟错误", "测试员").ok());
    rep = TallyUploader(*s.site, s.clock, http, background()).run();
    REQUIRE(rep.delivered.size() == 1);
    CHECK(county.stored().count(s.key("1970-01-01", 3)) == 1);
    CHECK(box.refusedDays().empty());
    CHECK(siteStatus(*s.site, s.clock.nowUnix()).refusedDays.empty());
}

TEST_CASE("Retry-After: 999999999 puts the next try within the hour, and a stored schedule from 2058 is void") {
    FakeCounty county;
    county.setRetryAfter("999999999");
    county.script({Reply::Busy503});
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    CurlHttpClient http;
    const std::int64_t now = s.clock.nowUnix();
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, background()).run();
    CHECK(rep.pendingDays == 1);
    CHECK(rep.nextAttemptUnix > now);
    CHECK(rep.nextAttemptUnix <= now + 3600);
    UploadOutbox box(*s.site);
    REQUIRE(box.nextAttempt());
    CHECK(*box.nextAttempt() <= now + 3600);

    // What an older version stored: the next try in 2058. The uploader does not wait for it.
    s.site->db().exec("UPDATE upload_outbox SET next_attempt = 2800000000 WHERE state = 'pending'");
    s.clock.advance(60);
    rep = TallyUploader(*s.site, s.clock, http, background()).run();
    CHECK(rep.pendingDays == 0);
    CHECK(county.stored().size() == 1);
}

TEST_CASE("endpoints are parsed by libcurl: user info, foreign http hosts and junk are refused before any connection") {
    for (std::string endpoint :
         {"http://127.0.0.1@192.0.2.2/v1", "http://127.0.0.1:80@192.0.2.2/v1", "http://localhost@192.0.2.2/v1",
          "http://[::1]@192.0.2.2/v1", "https://user:secret@platform.example.gov.cn/v1", "https://user@platform.example.gov.cn/v1",
          "http://localhost.evil.example/v1", "http://127.0.0.1.nip.io/v1", "http://192.0.2.2/v1",
          "https://platform.example.gov.cn/v1?token=x", "ftp://platform.example.gov.cn/v1", "platform.example.gov.cn/v1",
          "http://127.0.0.1 @192.0.2.2/v1"}) {
        CAPTURE(endpoint);
        UploadSite s(endpoint);
        s.lunches(D("2026-11-01"), 1);
        s.clock.set(s.at(D("2026-11-02"), 9, 0));
        test::FakeHttpClient http;  // counts what would have gone out; 201 to everything
        UploadOptions o = background();
        o.pullRoster = true;
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, o).run();
        CHECK(http.sends() == 0);  // no tally, no roster request: nothing went anywhere
        REQUIRE(rep.error);
        CHECK(rep.error->code == "upload.endpoint");
        CHECK(rep.needsStaff);
        CHECK(rep.error->message.find("https://") != std::string::npos);
        CHECK(rep.pendingDays == 1);
    }
    CHECK(checkEndpoint("http://127.0.0.1@192.0.2.2/v1").error().message.find("用户名或密码") != std::string::npos);
    // This machine itself over http, and any https host, are fine.
    for (std::string ok : {"http://127.0.0.1:8080/api", "http://localhost:8080/api/", "http://[::1]:8080/api",
                           "https://platform.example.gov.cn/mealhall/v1", "HTTPS://platform.example.gov.cn/v1"}) {
        CAPTURE(ok);
        CHECK(checkEndpoint(ok).ok());
    }
    CHECK(*checkEndpoint("http://localhost:8080/api/") == "http://localhost:8080/api");
}

TEST_CASE("kiosk upload refuses http://127.0.0.1@192.0.2.2/v1 at once, as a job for staff") {
    UploadSite s("http://127.0.0.1@192.0.2.2/v1");
    s.lunches(D("2026-11-01"), 1);
    const auto start = std::chrono::steady_clock::now();
    ProcessResult r = kiosk({"upload", "--site", s.dir.path().string(), "--connect-timeout-ms", "20000"});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));  // no connection attempt to wait out
    CHECK(r.exitCode == 1);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["error"]["code"] == "upload.endpoint");
    CHECK(j["needs_staff"] == true);
    CHECK(r.err.find("用户名或密码") != std::string::npos);
}

TEST_CASE("an endless reply body: the kiosk stays small, hangs up, and the status line decides") {
    FakeCounty county;
    county.setFallback(Reply::Endless);
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    const auto start = std::chrono::steady_clock::now();
    ProcessResult r = kiosk({"upload", "--site", s.dir.path().string(), "--no-roster", "--timeout-ms", "15000"});
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["delivered"].size() == 1);
    CHECK(j["delivered"][0]["status"] == 201);
    CHECK(took < std::chrono::seconds(10));            // it did not read on until a timeout
    CHECK(county.streamedBytes() < 16u * 1024 * 1024);  // it hung up soon after 1 MiB
    // The largest resident size of any child this test process has waited for (only this one).
    rusage ru{};
    REQUIRE(getrusage(RUSAGE_CHILDREN, &ru) == 0);
    MESSAGE("kiosk upload max RSS: " << ru.ru_maxrss << " KiB, county streamed " << county.streamedBytes() << " bytes");
    CHECK(ru.ru_maxrss < 80 * 1024);
}

TEST_CASE("a roster pull above 64 MiB is refused with the limit named, streamed or declared") {
    for (bool chunked : {true, false}) {
        CAPTURE(chunked);
        FakeCounty county;
        county.setHugeRoster(65u * 1024 * 1024, chunked);
        UploadSite s(county.endpoint());
        s.clock.set(s.at(D("2026-11-02"), 9, 0));
        CurlHttpClient http;
        UploadOptions o = background();
        o.pullRoster = true;
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, o).run();
        REQUIRE(rep.roster);
        REQUIRE(rep.roster->error);
        CHECK(rep.roster->error->code == "roster.too_large");
        CHECK(rep.roster->error->message.find("64 MiB") != std::string::npos);
        CHECK(county.streamedBytes() <= 65u * 1024 * 1024);
        UploadOutbox box(*s.site);
        CHECK(box.state(upload_keys::kRosterCursor).value_or("").empty());  // the cursor did not move
    }
}

TEST_CASE("kiosk status reports terminal, database, clock, pending and refused days as JSON") {
    FakeCounty county;
    county.refuseDatesBefore("2026-11-02");
    county.setFallback(Reply::Error500);
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);  // refused
    s.lunches(D("2026-11-02"), 2);  // pending behind 500s
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    {
        CurlHttpClient http;
        TallyUploader(*s.site, s.clock, http, background()).run();
    }
    ProcessResult r = kiosk({"status", "--site", s.dir.path().string()});
    CHECK(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["terminal"] == terminalOf(s));
    CHECK(j["database"] == "ok");
    CHECK(j["clock"] == "ok");
    CHECK(j["pending_days"] == 1);
    REQUIRE(j["refused_days"].size() == 1);
    CHECK(j["refused_days"][0]["date"] == "2026-11-01");
    CHECK(j["refused_days"][0]["revision"] == 1);
    CHECK(j["refused_days"][0]["county_answer"].get<std::string>().find("日期早于本站开通日期") != std::string::npos);
    CHECK(j["next_attempt"].is_string());
    CHECK(j["last_error"].get<std::string>().find("500") != std::string::npos);
    CHECK(j["needs_staff"] == true);
}

TEST_CASE("kiosk status without a database exits 2 with JSON and creates nothing") {
    TempDir empty;
    ProcessResult r = kiosk({"status", "--site", empty.path().string()});
    CHECK(r.exitCode == 2);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["needs_staff"] == true);
    // A directory that never was a site is told apart from lost records: set it up, not restore.
    CHECK(j["never_set_up"] == true);
    CHECK(j["database"].get<std::string>().find("还没有建站") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(empty.path() / kSiteDb));

    UploadSite s("");
    s.site.reset();
    std::filesystem::resize_file(s.dir.path() / kSiteDb, 0);  // an emptied database
    std::filesystem::remove(s.dir.path() / (std::string(kSiteDb) + "-wal"));
    r = kiosk({"status", "--site", s.dir.path().string()});
    CHECK(r.exitCode == 2);
    CHECK(std::filesystem::file_size(s.dir.path() / kSiteDb) == 0);
}

// The uploader against the test county platform on loopback, through the real curl client.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "platform/net/curl_http_client.hpp"
#include "shared/upload/background_uploader.hpp"
#include "shared/upload/tally_uploader.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "shared/upload/upload_status.hpp"
#include "support/fake_county.hpp"
#include "support/wait_until.hpp"
#include "upload/upload_fixture.hpp"

using namespace mh;
using namespace mh::test;

namespace {

// Short waits so the suite stays fast; the schedule's shape is what is under test.
UploadOptions quick(int retries = 4) {
    UploadOptions o;
    o.quickRetries = retries;
    o.backoff = BackoffPolicy{10, 80, 0.5};
    o.respectSchedule = false;
    o.maxQuickWaitMs = 2000;
    return o;
}

CurlOptions fastCurl() {
    CurlOptions c;
    c.connectTimeoutMs = 500;
    c.totalTimeoutMs = 400;
    return c;
}

// Every stored body is the tally its key names, and every key is stored once (the map guarantees it;
// the receiver answers 409 to a repeat instead of storing it).
void checkStoredMatchKeys(const FakeCounty& county) {
    for (const auto& [key, body] : county.stored()) {
        auto j = nlohmann::json::parse(body);
        CHECK(j["schema"] == "mealhall.tally.v2");
        CHECK(key == j["site_id"].get<std::string>() + "/" + j["terminal"].get<std::string>() + "/" +
                         j["date"].get<std::string>() + "/" + std::to_string(j["revision"].get<int>()));
    }
}

}  // namespace

TEST_CASE("through 500, 503 with Retry-After, a dropped connection and a timeout, every day arrives exactly once") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    for (auto d : {"2026-11-01", "2026-11-02", "2026-11-03"}) s.lunches(D(d), 3);
    s.clock.set(s.at(D("2026-11-04"), 9, 0));
    county.setSlowMs(900);  // longer than the client's 400 ms: it gives up, the platform already stored it
    county.setRetryAfter("1");
    county.script({Reply::Error500, Reply::Busy503, Reply::Ok,        // day 1: third try
                   Reply::Drop, Reply::Ok,                            // day 2: connection cut, then fine
                   Reply::Slow, Reply::Ok});                          // day 3: timed out, repeat gets 409
    CurlHttpClient http(fastCurl());
    auto t0 = std::chrono::steady_clock::now();
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    CHECK(rep.pendingDays == 0);
    CHECK_FALSE(rep.error);  // problems that were overcome are not reported as holding anything back
    REQUIRE(rep.delivered.size() == 3);
    CHECK(rep.delivered[2].status == 409);
    CHECK(secs >= 1.0);  // Retry-After: 1 was honoured
    CHECK(county.storedOrder() == std::vector<std::string>{s.key("2026-11-01", 1), s.key("2026-11-02", 1),
                                                           s.key("2026-11-03", 1)});
    checkStoredMatchKeys(county);
    // Retries repeat the same key with the same bytes.
    std::map<std::string, std::set<std::string>> bodies;
    for (const auto& p : county.posts()) bodies[p.key].insert(p.body);
    for (const auto& [k, b] : bodies) CHECK(b.size() == 1);
    CHECK(county.posts().size() == 7);
    CHECK(readUploadStatus(*s.site).lastError.empty());
}

TEST_CASE("a correction after delivery arrives as the next revision, once") {
    FakeCounty county;
    UploadSite s(county.endpoint(), 6);
    std::int64_t last = s.lunches(D("2026-11-01"), 4);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    CurlHttpClient http(fastCurl());
    TallyUploader(*s.site, s.clock, http, quick()).run();
    CheckInEngine engine(*s.site, s.clock);
    REQUIRE(engine.voidRecord(last, "重复刷卡", "王姐").ok());
    TallyUploader(*s.site, s.clock, http, quick()).run();
    TallyUploader(*s.site, s.clock, http, quick()).run();  // nothing new: nothing sent
    CHECK(county.posts().size() == 2);
    auto stored = county.stored();
    REQUIRE(stored.count(s.key("2026-11-01", 2)));
    CHECK(nlohmann::json::parse(stored[s.key("2026-11-01", 2)])["records"].size() == 3);
    CHECK(nlohmann::json::parse(stored[s.key("2026-11-01", 1)])["records"].size() == 4);
}

TEST_CASE("401 stops the run and tells staff to fix the token — a fixed token needs no restart") {
    FakeCounty county("the-right-token");
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.lunches(D("2026-11-02"), 2);
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    CurlHttpClient http(fastCurl());
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    CHECK(rep.needsStaff);
    CHECK(rep.pendingDays == 2);
    CHECK(county.posts().size() == 1);  // no retries of a configuration problem, no later days
    UploadStatus st = readUploadStatus(*s.site);
    CHECK(st.needsStaff);
    CHECK(st.lastError.find("upload.token") != std::string::npos);

    writeFile(s.dir.path() / "upload.token", "the-right-token\n");
    rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    CHECK(rep.pendingDays == 0);
    CHECK(county.stored().size() == 2);
    st = readUploadStatus(*s.site);
    CHECK_FALSE(st.needsStaff);
    CHECK(st.lastError.empty());
    CHECK_FALSE(st.lastSuccessAt.empty());
}

TEST_CASE("a plain http:// or malformed endpoint is refused before anything is sent, as a job for staff") {
    for (std::string endpoint : {"http://platform.example.gov.cn/mealhall/v1", "ftp:/bad", "platform.example"}) {
        UploadSite s(endpoint);
        s.lunches(D("2026-11-01"), 2);
        s.clock.set(s.at(D("2026-11-02"), 9, 0));
        CurlHttpClient http(fastCurl());
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick()).run();
        CHECK(rep.needsStaff);
        CHECK(rep.error->code == "upload.endpoint");
        CHECK(rep.error->message.find("https://") != std::string::npos);
        CHECK(rep.pendingDays == 1);
    }
}

TEST_CASE("422 sets the day aside as refused with a sentence naming the day") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    county.script({Reply::Unprocessable});
    CurlHttpClient http(fastCurl());
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    REQUIRE(rep.error);
    CHECK(rep.error->code == "upload.rejected");
    CHECK(rep.error->message.find("2026-11-01") != std::string::npos);
    CHECK(rep.needsStaff);
    CHECK(rep.pendingDays == 0);
    CHECK(UploadOutbox(*s.site).refusedDays().size() == 1);
}

TEST_CASE("a week offline, then the backlog goes up oldest day first over one connection") {
    FakeCounty county;
    county.setFallback(Reply::Error500);
    UploadSite s(county.endpoint());
    UploadOptions o = quick(0);
    o.respectSchedule = true;
    o.backoff = BackoffPolicy{60'000, 3'600'000, 0.5};
    CurlHttpClient http(fastCurl());
    for (int d = 0; d < 7; ++d) {
        LocalDate day = D("2026-11-01").plusDays(d);
        s.lunches(day, 3);
        s.clock.set(s.at(day, 20, 30));  // after end_of_day: the kiosk tries and fails every evening
        TallyUploader(*s.site, s.clock, http, o).run();
        s.clock.set(s.at(day, 23, 0));
        TallyUploader(*s.site, s.clock, http, o).run();
    }
    CHECK(county.stored().empty());
    CHECK(readUploadStatus(*s.site).daysPending == 7);
    CHECK_FALSE(readUploadStatus(*s.site).lastError.empty());
    // Only the oldest day is tried while it fails: later days never overtake it.
    for (const auto& p : county.posts()) CHECK(p.key == s.key("2026-11-01", 1));

    county.setFallback(Reply::Ok);
    s.clock.advance(3 * 3600);  // past the longest backoff
    size_t before = county.posts().size();
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, o).run();
    CHECK(rep.pendingDays == 0);
    std::vector<std::string> want;
    for (int d = 0; d < 7; ++d) want.push_back(s.key(D("2026-11-01").plusDays(d).iso(), 1));
    CHECK(county.storedOrder() == want);
    std::set<int> ports;
    auto posts = county.posts();
    for (size_t i = before; i < posts.size(); ++i) ports.insert(posts[i].port);
    CHECK(ports.size() == 1);  // keep-alive: one connection for the backlog
}

TEST_CASE("the background uploader delivers without blocking and stops promptly during a slow request") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.lunches(D("2026-11-02"), 2);
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    BackgroundUploaderOptions o;
    o.pollMs = 50;
    o.upload.backoff = BackoffPolicy{10, 50, 0.5};
    auto factory = [](const SiteConfig&, const std::atomic<bool>& stop) -> std::unique_ptr<HttpClient> {
        CurlOptions c;
        c.totalTimeoutMs = 20'000;
        c.abort = &stop;
        return std::make_unique<CurlHttpClient>(c);
    };
    {
        BackgroundUploader up(s.dir.path(), s.clock, factory, o);
        auto t0 = std::chrono::steady_clock::now();
        up.start();
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
        test::waitUntil([&] { return county.stored().size() >= 2; }, std::chrono::milliseconds(2000));
        CHECK(county.stored().size() == 2);
        test::waitUntil([&] { return up.status().daysPending == 0; }, std::chrono::milliseconds(2000));
        CHECK(up.status().daysPending == 0);

        // A late meal, then a platform that answers after 10 s: stop() must not wait for it.
        CheckInEngine engine(*s.site, s.clock);
        REQUIRE(engine.checkInManually(ElderId("E003"), ServiceId("lunch"), LocalDateTime{D("2026-11-02"), 12, 0, 0}, true, "王姐")->accepted());
        county.setFallback(Reply::Slow);
        county.setSlowMs(10'000);
        up.wakeUp();
        test::waitUntil([&] { return county.slowStarted() > 0; }, std::chrono::milliseconds(3000));
        REQUIRE(county.slowStarted() == 1);
        t0 = std::chrono::steady_clock::now();
        up.stop();
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
    }
    county.setSlowMs(0);
    CHECK(county.stored().count(s.key("2026-11-02", 2)) == 1);
}

TEST_CASE("the roster is pulled with the stored cursor and applied through the roster import") {
    FakeCounty county;
    UploadSite s(county.endpoint(), 2);
    county.setRoster("elder_id,name,birth_date,categories,village\nE100,李秀英,1938-05-06,tekun,南关村\nbad id,王,1940-01-01,,\n",
                     "c-42");
    s.clock.set(s.at(D("2026-11-03"), 9, 0));
    CurlHttpClient http(fastCurl());
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    REQUIRE(rep.roster);
    CHECK_FALSE(rep.roster->error);
    CHECK(rep.roster->added == 1);
    CHECK(rep.roster->rejected == 1);
    CHECK(rep.roster->cursor == "c-42");
    CheckInEngine engine(*s.site, s.clock);
    CHECK(engine.checkInManually(ElderId("E100"), ServiceId("lunch"), LocalDateTime{D("2026-11-03"), 11, 0, 0}, false, "王姐")->accepted());

    rep = TallyUploader(*s.site, s.clock, http, quick()).run();
    CHECK_FALSE(rep.roster->changed);
    CHECK(county.rosterSince() == std::vector<std::string>{"", "c-42"});
}

TEST_CASE("TLS is verified: an unknown certificate is refused, the site's ca_bundle makes it trusted") {
    TempDir certs;
    const std::string cert = (certs.path() / "county.pem").string(), key = (certs.path() / "county.key").string();
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                            "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    FakeCounty county("secret-token", cert, key);
    REQUIRE(county.endpoint().rfind("https://", 0) == 0);

    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    {
        CurlHttpClient http(fastCurl());  // the system CA store does not know this certificate
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick(1)).run();
        CHECK(rep.pendingDays == 1);
        REQUIRE(rep.error);
        CHECK(rep.error->code == "upload.certificate");  // named as what it is, not as the network being down
        CHECK(rep.needsStaff);
        CHECK(rep.error->message.find("证书") != std::string::npos);
        CHECK(rep.error->message.find("连不上") == std::string::npos);
        CHECK(readUploadStatus(*s.site).needsStaff);
        CHECK(county.posts().empty());  // nothing left the TLS handshake
    }
    {
        CurlOptions c = fastCurl();
        c.caBundle = cert;
        CurlHttpClient http(c);
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick(1)).run();
        CHECK(rep.pendingDays == 0);
        CHECK(county.stored().size() == 1);
    }
}

TEST_CASE("the background uploader shows a token problem to staff and retries at once when woken after the fix") {
    FakeCounty county("the-right-token");
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-01"), 2);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    BackgroundUploaderOptions o;
    o.pollMs = 20;  // polls often, but the stored schedule (15 min for a configuration problem) holds it back
    BackgroundUploader up(s.dir.path(), s.clock, curlClientFactory(s.dir.path()), o);  // as the GUI wires it
    up.start();
    test::waitUntil([&] { return up.status().needsStaff; }, std::chrono::milliseconds(3000));
    UploadStatus st = up.status();
    CHECK(st.needsStaff);
    CHECK(st.lastError.find("upload.token") != std::string::npos);
    CHECK(st.daysPending == 1);
    // Ten more polls (20 ms apart) go by without a second post: the backoff schedule is respected
    // between polls. Waiting on the poll count, not a time, so a slow machine cannot pass it by
    // polling less.
    int runs = up.runs();
    REQUIRE(test::waitUntil([&] { return up.runs() >= runs + 10; }));
    CHECK(county.posts().size() == 1);

    writeFile(s.dir.path() / "upload.token", "the-right-token\n");
    up.wakeUp();
    test::waitUntil([&] { return up.status().daysPending == 0; }, std::chrono::milliseconds(3000));
    CHECK(up.status().daysPending == 0);
    CHECK_FALSE(up.status().needsStaff);
    CHECK(county.stored().size() == 1);
    up.stop();
}

TEST_CASE("a platform that is not there at all (connection refused) leaves the day pending with a plain sentence") {
    std::string gone;
    {
        FakeCounty county;
        gone = county.endpoint();
    }  // the port is closed again: nothing listens there now
    UploadSite s(gone);
    s.lunches(D("2026-11-01"), 2);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    CurlHttpClient http(fastCurl());
    UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick(2)).run();
    CHECK(rep.pendingDays == 1);
    REQUIRE(rep.error);
    CHECK(rep.error->code == "upload.network");
    CHECK_FALSE(rep.needsStaff);
    CHECK(readUploadStatus(*s.site).lastError == rep.error->message);
    CHECK(rep.nextAttemptUnix > s.clock.nowUnix());
}

TEST_CASE("the background uploader sends today's tally only once the clock passes end_of_day") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2026-11-05"), 3);
    s.clock.set(s.at(D("2026-11-05"), 19, 59));
    BackgroundUploaderOptions o;
    o.pollMs = 10;
    BackgroundUploader up(s.dir.path(), s.clock, curlClientFactory(s.dir.path()), o);
    up.start();
    test::waitUntil([&] { return up.runs() >= 5; }, std::chrono::milliseconds(3000));
    CHECK(up.runs() >= 5);
    CHECK(county.posts().empty());
    s.clock.set(s.at(D("2026-11-05"), 20, 0));
    test::waitUntil([&] { return !county.stored().empty(); }, std::chrono::milliseconds(3000));
    CHECK(county.storedOrder() == std::vector<std::string>{s.key("2026-11-05", 1)});
    up.stop();
}

TEST_CASE("connections reset by the network are retried, and the day goes up intact once the path is fixed") {
    ResettingServer broken;
    UploadSite s(broken.endpoint());
    s.lunches(D("2026-11-01"), 3);
    s.clock.set(s.at(D("2026-11-02"), 9, 0));
    {
        CurlHttpClient http(fastCurl());
        UploadRunReport rep = TallyUploader(*s.site, s.clock, http, quick(2)).run();
        CHECK(broken.resets() == 3);  // the first try and two quick retries
        CHECK(rep.pendingDays == 1);
        REQUIRE(rep.error);
        CHECK(rep.error->code == "upload.network");
        CHECK_MESSAGE(rep.error->en.find("reset") != std::string::npos, rep.error->en);
    }
    // County IT fixes the route: the same site now reaches the platform.
    FakeCounty county;
    writeFile(s.dir.path() / "site.toml", standardToml("\n[upload]\nendpoint = \"" + county.endpoint() + "\"\n"));
    auto reopened = Site::open(s.dir.path());
    REQUIRE(reopened.ok());
    CurlHttpClient http(fastCurl());
    UploadRunReport rep = TallyUploader(**reopened, s.clock, http, quick()).run();
    CHECK(rep.pendingDays == 0);
    CHECK(county.storedOrder() == std::vector<std::string>{s.key("2026-11-01", 1)});
    CHECK(nlohmann::json::parse(county.stored().begin()->second)["records"].size() == 3);
}

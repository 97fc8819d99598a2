// `build/bin/kiosk upload` as a user (or cron) runs it: exit codes, JSON summary, and a kill -9 mid-send.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "shared/eats/other_meals.hpp"
#include "shared/upload/upload_outbox.hpp"
#include "support/fake_county.hpp"
#include "support/run_process.hpp"
#include "upload/upload_fixture.hpp"

using namespace mh;
using namespace mh::test;

namespace {

struct Run {
    int code;
    nlohmann::json out;
    std::string err;
};

Run upload(const UploadSite& s, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"upload", "--site", s.dir.path().string(), "--retry-delay-ms", "20",
                                  "--timeout-ms", "3000", "--connect-timeout-ms", "1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto out = s.dir.path() / "out.json", err = s.dir.path() / "err.txt";
    int code = waitExit(spawnKiosk(args, out, err));
    std::string text = readFile(out);
    Run r{code, nlohmann::json(), readFile(err)};
    if (!text.empty()) r.out = nlohmann::json::parse(text);
    return r;
}

}  // namespace

TEST_CASE("kiosk upload exits 1 while tallies are pending and 0 once all are delivered") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2025-03-01"), 2);
    s.lunches(D("2025-03-02"), 2);
    county.setFallback(Reply::Error500);
    Run r = upload(s, {"--retries", "1"});
    CHECK(r.code == 1);
    CHECK(r.out["pending_days"] == 2);
    CHECK(r.out["pending"][0]["date"] == "2025-03-01");
    CHECK(r.out["error"]["code"] == "upload.busy");
    CHECK(r.err.find("还有 2 天") != std::string::npos);
    CHECK(county.posts().size() == 2);  // the first day, twice; the second waits its turn

    county.setFallback(Reply::Ok);
    r = upload(s);
    CHECK(r.code == 0);
    CHECK(r.out["pending_days"] == 0);
    REQUIRE(r.out["delivered"].size() == 2);
    CHECK(r.out["delivered"][0]["idempotency_key"] == s.key("2025-03-01", 1));
    CHECK(r.out["delivered"][1]["idempotency_key"] == s.key("2025-03-02", 1));

    r = upload(s);  // nothing left: nothing sent, still success
    CHECK(r.code == 0);
    CHECK(r.out["delivered"].empty());
    CHECK(county.stored().size() == 2);
}

TEST_CASE("kiosk upload without an endpoint keeps the tallies and says why") {
    UploadSite s("");
    s.lunches(D("2025-03-01"), 2);
    Run r = upload(s);
    CHECK(r.code == 1);
    CHECK(r.out["pending_days"] == 1);
    CHECK(r.out["error"]["code"] == "upload.unconfigured");
    CHECK(r.err.find("endpoint") != std::string::npos);
}

TEST_CASE("kill -9 during a send loses nothing — the next run repeats the same key and the platform keeps one copy") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2025-03-01"), 3);
    s.lunches(D("2025-03-02"), 3);
    county.setSlowMs(20'000);
    county.script({Reply::Slow});
    pid_t pid = spawnKiosk({"upload", "--site", s.dir.path().string(), "--timeout-ms", "30000"},
                           s.dir.path() / "o1", s.dir.path() / "e1");
    for (int i = 0; i < 1000 && county.slowStarted() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(county.slowStarted() == 1);
    ::kill(pid, SIGKILL);
    CHECK(waitExit(pid) == -SIGKILL);
    county.setSlowMs(0);

    {
        auto reopened = Site::open(s.dir.path());
        REQUIRE(reopened.ok());
        UploadOutbox box(**reopened);
        CHECK(box.pendingDays() == 2);  // the platform stored day 1, but the kiosk never heard so
    }
    Run r = upload(s);
    CHECK(r.code == 0);
    CHECK(county.stored().size() == 2);
    auto posts = county.posts();
    REQUIRE(posts.size() == 3);
    CHECK(posts[0].key == s.key("2025-03-01", 1));
    CHECK(posts[1].key == s.key("2025-03-01", 1));  // repeated with the same key ...
    CHECK(posts[1].body == posts[0].body);             // ... and the same bytes
    CHECK(posts[2].key == s.key("2025-03-02", 1));
    CHECK(r.out["delivered"][0]["status"] == 409);
}

TEST_CASE("two kiosk upload processes at once freeze each day once and the platform stores each key once") {
    FakeCounty county;
    UploadSite s(county.endpoint(), 3);
    for (int d = 0; d < 10; ++d) s.lunches(D("2025-04-01").plusDays(d), 3);
    std::vector<std::string> args{"upload", "--site", s.dir.path().string(), "--no-roster"};
    pid_t a = spawnKiosk(args, s.dir.path() / "a.out", s.dir.path() / "a.err");
    pid_t b = spawnKiosk(args, s.dir.path() / "b.out", s.dir.path() / "b.err");
    CHECK(waitExit(a) == 0);
    CHECK(waitExit(b) == 0);
    auto stored = county.stored();
    CHECK(stored.size() == 10);
    for (const auto& [key, body] : stored) CHECK(key.substr(key.size() - 2) == "/1");  // no second revision
    for (const auto& p : county.posts()) CHECK(stored.count(p.key) == 1);
}

TEST_CASE("a day with only guests' meals and no elder's record is frozen and uploaded like any other day, and a void makes revision 2") {
    FakeCounty county;
    UploadSite s(county.endpoint());
    s.lunches(D("2025-03-01"), 2);
    // 3 March: the hall served three guests and no elder came.
    auto meal = recordOtherMeal(*s.site, s.clock, {"lunch", "guest", 3, "", std::nullopt, LocalDateTime{D("2025-03-03"), 11, 40, 0}});
    REQUIRE(meal.ok());
    Run r = upload(s);
    CHECK(r.code == 0);
    REQUIRE(r.out["delivered"].size() == 2);
    CHECK(r.out["delivered"][1]["idempotency_key"] == s.key("2025-03-03", 1));
    auto stored = county.stored();
    REQUIRE(stored.count(s.key("2025-03-03", 1)) == 1);
    auto body = nlohmann::json::parse(stored.at(s.key("2025-03-03", 1)));
    CHECK(body["date"] == "2025-03-03");
    CHECK(body["records"].empty());
    bool guests = false;
    for (const auto& svc : body["services"])
        if (svc["id"] == "lunch") {
            CHECK(svc["count"] == 0);
            CHECK(svc["others"]["guest"]["count"] == 3);
            guests = true;
        }
    CHECK(guests);

    // Nothing new: nothing sent. The meal voided: a new revision without it.
    r = upload(s);
    CHECK(r.code == 0);
    CHECK(r.out["delivered"].empty());
    REQUIRE(voidOtherMeal(*s.site, s.clock, meal->mealId, "记错了", "staff").ok());
    r = upload(s);
    CHECK(r.code == 0);
    REQUIRE(r.out["delivered"].size() == 1);
    CHECK(r.out["delivered"][0]["idempotency_key"] == s.key("2025-03-03", 2));
    auto revised = nlohmann::json::parse(county.stored().at(s.key("2025-03-03", 2)));
    for (const auto& svc : revised["services"])
        if (svc["id"] == "lunch") CHECK_FALSE(svc["others"].contains("guest"));
}

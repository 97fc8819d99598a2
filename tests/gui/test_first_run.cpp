// The first run on the screen (issue 14), driven through its controller without a window: a never
// initialised directory becomes a site that `status` reports ok, with the PIN, the panel size, the
// roster from a "USB stick" and the county connection from a setup card, all audited; a power cut
// halfway leaves nothing that blocks the next first run.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <SDL.h>

#include <set>

#include "kiosk/gui/first_run_loop.hpp"
#include "kiosk/input/live_inputs.hpp"
#include "kiosk/ui/first_run_controller.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/screen_first_run.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "shared/site/first_run_site.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/kiosk_settings.hpp"
#include "shared/upload/upload_target.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"
#include "support/sdl_wedge.hpp"

using namespace mh;
using namespace mh::ui;
namespace fs = std::filesystem;

namespace {

CardKeyPair countyKeys(unsigned char seedByte = 5) {
    REQUIRE(sodium_init() >= 0);
    CardKeyPair kp;
    unsigned char seed[crypto_sign_SEEDBYTES] = {seedByte};
    crypto_sign_seed_keypair(kp.pub.data(), kp.sec.data(), seed);
    return kp;
}

std::string cardFor(const std::string& siteId, const std::string& name = "北关村老年食堂", unsigned char seed = 5) {
    auto p = signSetupCard({siteId, LocalDate::of(2026, 11, 30), "https://county.example.cn/api", "tok-77", name},
                           countyKeys(seed).sec);
    REQUIRE(p.ok());
    return *p;
}

struct FirstRunFixture {
    test::TempDir tmp;
    fs::path dir = tmp.path() / "mealhall";
    fs::path usb = tmp.path() / "media";
    FakeClock clock{1764570000};  // 2025-12-01 14:20 +08:00
    FirstRunFixture() {
        fs::create_directories(usb / "kiosk" / "STICK");
        test::writeFile(usb / "kiosk" / "STICK" / "roster.csv",
                        "elder_id,name,birth_date,categories,village\n"
                        "E0001,张桂兰,1940-03-08,dibao,北关村\n"
                        "E0002,李建国,1945-05-01,,北关村\n"
                        ",没有编号,1950-01-01,,北关村\n");
    }
    FirstRunOptions options() const {
        FirstRunOptions o;
        o.siteDir = dir;
        o.usbRoots = {usb};
        o.trustedSetupKeys = {countyKeys().pub};
        return o;
    }
};

void type(FirstRunController& c, const std::string& text) {
    for (char ch : text) {
        bool letter = ch >= 'A' && ch <= 'Z';
        if (letter != c.state().letters) c.apply(FrKey{letter ? "ABC" : "123"});
        c.apply(FrKey{ch == ' ' ? std::string("空格") : std::string(1, ch)});
    }
}

// Site id, name and PIN typed on the screen keys; stops on the panel-size step.
void throughPin(FirstRunController& c, const std::string& pin = "4827") {
    type(c, "141022-001");
    c.apply(FrNext{});
    REQUIRE(c.state().step == FirstRunStep::SiteName);
    type(c, "BEIGUAN CUN");
    c.apply(FrNext{});
    REQUIRE_MESSAGE(c.state().step == FirstRunStep::Pin, c.state().message);
    type(c, pin);
    c.apply(FrNext{});
    type(c, pin);
    c.apply(FrNext{});
    REQUIRE_MESSAGE(c.state().step == FirstRunStep::PanelSize, c.state().message);
}

std::vector<std::string> actions(Database& db) {
    std::vector<std::string> out;
    for (const auto& e : AuditLog(db).recent(100)) out.push_back(e.action);
    return out;
}

}  // namespace

TEST_CASE("a first run on the screen ends in a site that status reports ok, with PIN, panel, roster and county set") {
    FirstRunFixture fx;
    REQUIRE(needsFirstRun(fx.dir));
    FirstRunController c(fx.options(), fx.clock);
    c.state().screenW = 1024;
    c.state().screenH = 600;
    throughPin(c);
    c.apply(FrBar{584.0f});  // 10 cm on the ruler: 5.84 px/mm on a 1024x600 panel is an 8.0" diagonal
    c.apply(FrNext{});
    REQUIRE(c.state().step == FirstRunStep::Roster);
    REQUIRE(c.state().csvFiles.size() == 1);
    c.apply(FrPickFile{0});
    CHECK(c.state().rosterSummary == "新增 2 人，退回 1 行");
    REQUIRE(c.state().rosterLines.size() == 1);
    CHECK(c.state().rosterLines[0].rfind("第4行：", 0) == 0);
    c.apply(FrNext{});
    REQUIRE(c.state().step == FirstRunStep::SetupCard);
    CHECK_FALSE(fs::exists(fx.dir / kSiteToml));  // nothing in place before the end
    c.apply(FrScan{cardFor("141022-001")});
    REQUIRE_MESSAGE(c.state().cardApplied, c.state().message);
    c.apply(FrNext{});
    REQUIRE(c.finished());

    CHECK_FALSE(fs::exists(fx.dir / kFirstRunStaging));
    auto site = Site::open(fx.dir);
    REQUIRE_MESSAGE(site.ok(), site.error().message);
    CHECK((*site)->config().siteId == "141022-001");
    CHECK((*site)->config().name == "BEIGUAN CUN");
    CHECK(StaffPin((*site)->db(), fx.clock).verify("4827").verdict == StaffPin::Verdict::Ok);
    CHECK(ElderStore((*site)->db()).all().size() == 2);
    CHECK(KioskSettings((*site)->db()).get(KioskSettings::kDiagonal) == "8.0");
    auto target = loadUploadTarget(**site);
    REQUIRE_MESSAGE(target.ok(), target.error().message);
    CHECK(target->endpoint == "https://county.example.cn/api");
    CHECK(target->token == "tok-77");
    auto done = actions((*site)->db());
    std::set<std::string> seen(done.begin(), done.end());
    for (const char* a : {"site.init", "staff.pin.set", "kiosk.diagonal", "roster.import", "setup.card", "firstrun.done"})
        CHECK_MESSAGE(seen.count(a) == 1, a);
    for (const auto& e : AuditLog((*site)->db()).recent(100)) CHECK(e.actor == kFirstRunActor);
    site->reset();

    auto status = test::kiosk({"status", "--site", fx.dir.string()});
    REQUIRE_MESSAGE(status.exitCode == 0, status.err);
    CHECK(nlohmann::json::parse(status.out)["database"] == "ok");
}

TEST_CASE("a setup card scanned on the first screen fills in the site id and the Chinese name") {
    FirstRunFixture fx;
    FirstRunController c(fx.options(), fx.clock);
    c.apply(FrScan{cardFor("141022-007")});
    CHECK(c.state().siteId == "141022-007");
    CHECK(c.state().siteName == "北关村老年食堂");
    c.apply(FrNext{});
    c.apply(FrNext{});
    REQUIRE(c.state().step == FirstRunStep::Pin);
    CHECK(c.state().cardApplied);  // applied as soon as the site exists
    c.apply(FrKey{"删除"});         // nothing typed yet: harmless
    type(c, "4827");
    c.apply(FrNext{});
    type(c, "4827");
    c.apply(FrNext{});
    c.apply(FrNext{});  // panel
    c.apply(FrSkip{});  // no roster
    REQUIRE(c.state().step == FirstRunStep::SetupCard);
    c.apply(FrNext{});
    REQUIRE(c.finished());
    auto site = Site::open(fx.dir);
    REQUIRE(site.ok());
    CHECK((*site)->config().name == "北关村老年食堂");
    CHECK((*site)->config().uploadEndpoint == "https://county.example.cn/api");
}

TEST_CASE("the first run refuses a card for another site or from an untrusted key, and a weak or mismatched PIN") {
    FirstRunFixture fx;
    FirstRunController c(fx.options(), fx.clock);
    c.apply(FrNext{});
    CHECK(c.state().messageIsProblem);  // no site id yet
    type(c, "141022-001");
    c.apply(FrNext{});
    type(c, "X");
    c.apply(FrNext{});
    type(c, "1234");
    c.apply(FrNext{});
    CHECK(c.state().step == FirstRunStep::Pin);
    CHECK(c.state().message.find("容易被猜到") != std::string::npos);
    type(c, "4827");
    c.apply(FrNext{});
    type(c, "4828");
    c.apply(FrNext{});
    CHECK(c.state().step == FirstRunStep::Pin);
    CHECK(c.state().message.find("不一样") != std::string::npos);
    c.apply(FrScan{cardFor("141022-002")});
    CHECK(c.state().message.find("141022-002") != std::string::npos);
    CHECK_FALSE(c.state().cardApplied);
    c.apply(FrScan{cardFor("141022-001", "", 9)});  // signed by a key this terminal does not trust
    CHECK(c.state().message.find("本机不认") != std::string::npos);
    c.apply(FrScan{"E0001"});  // an elder's card: no check-in before the site is set up
    CHECK(c.state().message.find("还不能签到") != std::string::npos);
}

TEST_CASE("a first run cut off halfway leaves nothing that blocks the next one") {
    FirstRunFixture fx;
    {
        FirstRunController c(fx.options(), fx.clock);
        throughPin(c, "5931");
        // Power cut: the staging directory stays behind as it was (copied aside, put back after).
        fs::copy(fx.dir / kFirstRunStaging, fx.tmp.path() / "left", fs::copy_options::recursive);
    }
    fs::copy(fx.tmp.path() / "left", fx.dir / kFirstRunStaging, fs::copy_options::recursive);
    CHECK(needsFirstRun(fx.dir));
    CHECK(finishInterruptedFirstRun(fx.dir).ok());  // not complete: nothing rolled forward
    CHECK_FALSE(fs::exists(fx.dir / kSiteToml));
    auto status = test::kiosk({"status", "--site", fx.dir.string()});
    CHECK(status.exitCode == 2);  // contract 2: still no site, and status creates none

    FirstRunController again(fx.options(), fx.clock);
    throughPin(again, "7264");
    again.apply(FrNext{});
    again.apply(FrSkip{});
    again.apply(FrSkip{});
    REQUIRE(again.finished());
    auto site = Site::open(fx.dir);
    REQUIRE(site.ok());
    CHECK(StaffPin((*site)->db(), fx.clock).verify("7264").verdict == StaffPin::Verdict::Ok);
}

TEST_CASE("a first run whose final move was cut short is rolled forward into a working site") {
    FirstRunFixture fx, fx2;
    auto s2 = FirstRunStaging::begin(fx2.dir, "141022-001", "X", fx2.clock, kFirstRunActor);
    REQUIRE(s2.ok());
    REQUIRE((*s2)->commit("2025-12-01T14:21:00+08:00", kFirstRunActor).ok());
    // The state a power cut leaves after the marker and the database's move: rebuilt from a finished one.
    fs::path st = fx.dir / kFirstRunStaging;
    fs::create_directories(st);
    for (const auto& e : fs::directory_iterator(fx2.dir))
        if (e.is_regular_file()) fs::copy_file(e.path(), st / e.path().filename());
    test::writeFile(st / "complete", "x\n");
    fs::rename(st / kSiteDb, fx.dir / kSiteDb);
    CHECK_FALSE(needsFirstRun(fx.dir));
    REQUIRE(finishInterruptedFirstRun(fx.dir).ok());
    CHECK_FALSE(fs::exists(st));
    auto site = Site::open(fx.dir);
    REQUIRE_MESSAGE(site.ok(), site.error().message);
}

TEST_CASE("a site whose database is gone is not taken for a first run (contract 2)") {
    test::TempDir tmp;
    auto site = test::makeSite(tmp.path() / "s");
    site.reset();
    fs::remove(tmp.path() / "s" / kSiteDb);
    CHECK_FALSE(needsFirstRun(tmp.path() / "s"));
    CHECK(needsFirstRun(tmp.path() / "never-made"));
}

TEST_CASE("every first-run screen draws headless with all its characters in the atlas") {
    FirstRunFixture fx;
    FirstRunController c(fx.options(), fx.clock);
    ImGuiSession session;
    Metrics m = Metrics::of(1024, 600, 7.0);
    FontSet fonts;
    for (int step = 0; step < 6; ++step) {
        ensureFirstRunFonts(fonts, m, c.state());
        CHECK(fonts.covers(firstRunTexts(c.state())));
        FirstRunQueue q;
        DrawnLayout layout;
        buildFirstRunFrame(c.state(), fonts, m, q, &layout);
        buildFirstRunFrame(c.state(), fonts, m, q, &layout);
        CHECK(layout.find("title") != nullptr);
        if (step == 0) throughPin(c);
        else if (step == 1) c.apply(FrNext{});
        else if (step == 2) c.apply(FrSkip{});
    }
}

TEST_CASE("on a 7-inch panel the site-id step shows its whole keypad, 0-9 and -, above 下一步 without scrolling") {
    FirstRunFixture fx;
    FirstRunController c(fx.options(), fx.clock);
    ImGuiSession session;
    Metrics m = Metrics::of(1024, 600, 7.0);
    FontSet fonts;
    ensureFirstRunFonts(fonts, m, c.state());
    FirstRunQueue q;
    DrawnLayout layout;
    buildFirstRunFrame(c.state(), fonts, m, q, &layout);
    buildFirstRunFrame(c.state(), fonts, m, q, &layout);
    const auto* next = layout.find("button:next");
    REQUIRE(next != nullptr);
    std::set<std::string> keys;  // both frames draw into the layout
    for (const auto& t : layout.targets) {
        if (t.what.rfind("button:key", 0) != 0) continue;
        INFO(t.what);
        keys.insert(t.what);
        CHECK(t.min.y >= 0);
        CHECK(t.max.y <= next->min.y);  // above the bottom row: nothing hidden under it or below the screen
        CHECK((t.max.x - t.min.x) / m.pxPerMm >= 13.0f - 0.01f);
    }
    CHECK(keys.size() == 13);  // 1-9, 0, -, ABC, 删除
}

TEST_CASE("a setup card scanned on the staff settings tab replaces the county connection, audited") {
    test::TempDir tmp;
    auto site = test::makeSite(tmp.path() / "s");
    FakeClock clock{site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T11:32"))};
    KioskController ctl(*site, clock);
    ctl.setSetupCardKeys({countyKeys().pub});
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    // Not on the settings tab: an elder's scan path, which refuses it and changes nothing.
    ctl.apply(ScanCommand{cardFor("141022-001")});
    CHECK(ctl.state().screen == ScreenId::Result);
    CHECK(site->config().uploadEndpoint.empty());
    CHECK_FALSE(fs::exists(site->dir() / "upload.token"));

    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
    ctl.apply(ScanCommand{cardFor("141022-002")});  // another site's card
    CHECK(ctl.state().staffMessage.find("141022-002") != std::string::npos);
    CHECK(ctl.state().screen == ScreenId::Roster);
    ctl.apply(ScanCommand{cardFor("141022-001")});
    CHECK(ctl.state().screen == ScreenId::Roster);  // staff stay on the tab
    CHECK(ctl.state().staffMessage.find("已换成新的县平台接入") != std::string::npos);
    auto reopened = Site::open(site->dir());
    REQUIRE(reopened.ok());
    auto target = loadUploadTarget(**reopened);
    REQUIRE_MESSAGE(target.ok(), target.error().message);
    CHECK(target->token == "tok-77");
    bool audited = false;
    for (const auto& e : AuditLog(site->db()).recent(20))
        if (e.action == "setup.card") audited = e.actor == "staff-screen" && e.detail.find("-> https://county.example.cn/api") != std::string::npos;
    CHECK(audited);
}

namespace {
// What a tap on a drawn button posts, applied between frames as the loop applies its queue. (The
// SDL backend reads the mouse from SDL's global state, which pushed events do not move, so the tap
// itself is not simulated: the button must be on the last frame drawn.)
void tap(gui::FirstRunLoop& loop, FirstRunController& ctl, const std::string& what, const FirstRunCommand& c) {
    REQUIRE_MESSAGE(loop.layout().find(what) != nullptr, what);
    ctl.apply(c);
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    REQUIRE(SDL_PushEvent(&wake) == 1);
}
void steps(gui::FirstRunLoop& loop, int n = 4) {
    for (int i = 0; i < n; ++i) loop.step(10);
}
}  // namespace

TEST_CASE("through the real event loop, a setup card from the wedge scanner and the drawn keys set up a site") {
    REQUIRE(std::string(SDL_getenv("SDL_VIDEODRIVER") ? SDL_getenv("SDL_VIDEODRIVER") : "") == "offscreen");
    FirstRunFixture fx;
    SteadyMonoClock mono;
    kiosk::LiveInputOptions opt;
    opt.camera = "none";
    kiosk::LiveInputs inputs(opt, mono);
    REQUIRE(inputs.start([] {}).ok());
    ImGuiSession session;
    platform::SdlWindow win("test", 1280, 800);
    FirstRunController ctl(fx.options(), fx.clock);
    gui::FirstRunLoop loop(win, ctl,
                           {[&](const char* t, std::int64_t ms) { inputs.onText(t, ms); },
                            [&](std::int64_t ms) { inputs.onEnter(ms); }, [&](CommandQueue& q) { inputs.drainInto(q); },
                            [&] { return inputs.status().zh; }});
    steps(loop);
    REQUIRE(loop.layout().find("button:next") != nullptr);
    test::pushWedgeScan(cardFor("141022-003"));
    for (int i = 0; i < 8 && ctl.state().siteId.empty(); ++i) loop.step(50);
    CHECK(ctl.state().siteId == "141022-003");
    tap(loop, ctl, "button:next", FrNext{});
    steps(loop);
    REQUIRE(ctl.state().step == FirstRunStep::SiteName);
    CHECK(ctl.state().siteName == "北关村老年食堂");
    tap(loop, ctl, "button:next", FrNext{});
    steps(loop);
    REQUIRE_MESSAGE(ctl.state().step == FirstRunStep::Pin, ctl.state().message);
    for (int round = 0; round < 2; ++round) {
        for (const char* d : {"4", "8", "2", "7"}) {
            tap(loop, ctl, std::string("button:key") + d, FrKey{d});
            steps(loop, 2);
        }
        tap(loop, ctl, "button:next", FrNext{});
        steps(loop);
    }
    REQUIRE_MESSAGE(ctl.state().step == FirstRunStep::PanelSize, ctl.state().message);
    CHECK(loop.layout().find("bar10cm") != nullptr);  // the calibration bar is drawn
    tap(loop, ctl, "button:bar长一点", FrBar{ctl.state().barPx + 10});
    steps(loop);
    tap(loop, ctl, "button:next", FrNext{});
    steps(loop);
    tap(loop, ctl, "button:skip", FrSkip{});  // no roster
    steps(loop);
    REQUIRE(ctl.state().step == FirstRunStep::SetupCard);
    CHECK(ctl.state().cardApplied);
    tap(loop, ctl, "button:next", FrNext{});
    steps(loop);
    REQUIRE(ctl.finished());
    inputs.stop();
    auto site = Site::open(fx.dir);
    REQUIRE(site.ok());
    CHECK((*site)->config().uploadEndpoint == "https://county.example.cn/api");
    CHECK(StaffPin((*site)->db(), fx.clock).verify("4827").verdict == StaffPin::Verdict::Ok);
}

TEST_CASE("the screenshot verb draws every first-run step without a site and creates none") {
    test::TempDir tmp;
    for (const char* screen : {"firstrun-id", "firstrun-name", "firstrun-pin", "firstrun-panel", "firstrun-roster", "firstrun-card"}) {
        fs::path out = tmp.path() / (std::string(screen) + ".png");
        auto r = test::kiosk({"screenshot", "--site", (tmp.path() / "none").string(), "--screen", screen, "--out",
                              out.string(), "--size", "1024x600", "--diagonal", "7"});
        CHECK_MESSAGE(r.exitCode == 0, screen, r.err);
        CHECK(fs::file_size(out) > 10000);
    }
    CHECK_FALSE(fs::exists(tmp.path() / "none"));
}

TEST_CASE("an expired setup card is refused at the terminal in plain Chinese, on the first screen and on the settings tab") {
    FirstRunFixture fx;
    fx.clock.set(1798761600);  // 2027-01-01 08:00 +08:00: the cards (issued 2026-11-30) ran out on 2026-12-30
    FirstRunController c(fx.options(), fx.clock);
    c.apply(FrScan{cardFor("141022-007")});
    CHECK(c.state().message.find("已经过期") != std::string::npos);
    CHECK(c.state().siteId.empty());
    CHECK_FALSE(c.state().cardRead);

    test::TempDir tmp;
    auto site = test::makeSite(tmp.path() / "s");
    KioskController ctl(*site, fx.clock);
    ctl.setSetupCardKeys({countyKeys().pub});
    ctl.setPinChecker([](const std::string&) { return std::string(); });
    ctl.apply(OpenStaff{});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
    ctl.apply(ScanCommand{cardFor("141022-001")});
    CHECK(ctl.state().staffMessage.find("已经过期") != std::string::npos);
    CHECK(site->config().uploadEndpoint.empty());
}

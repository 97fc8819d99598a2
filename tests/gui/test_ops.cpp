// The kiosk's back office: the donation form and balance warning on the staff screen, the upload
// status (through the real uploader and curl against a loopback county), waking the uploader when a
// frozen day changes, the monthly posting job and the idle screen's posting rotation on a fake clock.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "gui/gui_fixture.hpp"
#include "kiosk/app/ops_services.hpp"
#include "kiosk/app/posting_job.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ops_panel.hpp"
#include "kiosk/ui/posting_summary.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/donation_store.hpp"
#include "shared/store/terminal_identity.hpp"
#include "support/fake_county.hpp"
#include "support/run_process.hpp"
#include "support/wait_until.hpp"
#include "upload/upload_fixture.hpp"

using namespace mh;
using namespace mh::ui;
using test::D;

namespace {

void openStaffTab(KioskController& ctl, StaffTab tab) {
    ctl.setPinChecker([](const std::string& pin) { return pin == "2468" ? std::string() : std::string("密码不对"); });
    ctl.apply(OpenStaff{});
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    REQUIRE(ctl.state().screen == ScreenId::Roster);
    ctl.apply(ShowStaffTab{tab});
}

void ops(KioskController& ctl, OpsCommand c) { ctl.apply(Command{std::move(c)}); }

// Waits (real time) until `done` or 15 s.
template <class F>
bool waitFor(F done) {
    return test::waitUntil(done, std::chrono::seconds(15));
}

}  // namespace

TEST_CASE("the amount keypad takes yuan with at most two decimals") {
    std::string t;
    for (const char* k : {"0", "0", "1", "2", ".", ".", "5", "0", "9"}) t = typeYuanKey(t, k);
    CHECK(t == "12.50");  // no leading zero, one point, two decimals
    CHECK(parseTypedYuan(t) == Fen(1250));
    CHECK(parseTypedYuan("12.5") == Fen(1250));
    CHECK(parseTypedYuan("0.05") == Fen(5));
    CHECK(parseTypedYuan("300") == Fen(30000));
    CHECK_FALSE(parseTypedYuan("").has_value());
    CHECK_FALSE(parseTypedYuan(".").has_value());
    CHECK_FALSE(parseTypedYuan("1.2.3").has_value());
    CHECK(typeYuanKey("12", "删除") == "1");
    CHECK(typeYuanKey("12345678", "9") == "12345678");  // eight digits: ten million yuan at most
    CHECK(shortLocalTime("2026-11-24T20:01:05+08:00") == "11月24日 20:01");
}

TEST_CASE("staff record a donation from the staff screen: keypad amount, listed donor, audited") {
    test::GuiFixture fx;
    {  // An earlier donor recorded with `donation add` is offered by name.
        Transaction tx(fx.site->db());
        DonationStore(fx.site->db()).insert({0, "李建华", 20000_fen, "2026-11-20", "", true}, "2026-11-20T10:00:00+08:00");
        // A name with a character beyond the font atlas (U+20B9F): listed and recorded as it is.
        DonationStore(fx.site->db()).insert({0, "\U00020B9F氏", 100_fen, "2026-11-19", "", false}, "2026-11-19T10:00:00+08:00");
        tx.commit();
    }
    KioskController ctl(*fx.site, fx.clock);
    openStaffTab(ctl, StaffTab::Settings);
    const auto& st = ctl.state();
    CHECK(st.ops.donation.balanceText.find("201.00") != std::string::npos);

    ops(ctl, StartDonation{});
    REQUIRE(st.staffTab == StaffTab::Donation);
    REQUIRE(st.ops.form.recentDonors == std::vector<std::string>{"李建华", "\U00020B9F氏"});  // most recent first
    // Nothing typed: refused, nothing recorded.
    ops(ctl, SaveDonation{});
    CHECK(st.staffMessage.find("金额") != std::string::npos);
    CHECK_FALSE(st.confirming);  // nothing to ask about
    for (const char* k : {"1", "5", "0", ".", "5"}) ops(ctl, DonationKey{k});
    CHECK(st.ops.form.amount == "150.5");
    ops(ctl, SaveDonation{});
    CHECK(st.staffMessage.find("捐赠人") != std::string::npos);  // no donor picked yet
    CHECK(DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25").empty());

    ops(ctl, PickDonor{"李建华"});
    ops(ctl, ToggleDonorNamed{});
    CHECK(st.ops.form.named);
    ops(ctl, SaveDonation{});
    // Asked first, naming the amount and the donor; nothing recorded until staff confirm.
    REQUIRE(st.confirming);
    CHECK(st.confirming->lines[0].find("150.50 元") != std::string::npos);
    CHECK(st.confirming->lines[1].find("李建华") != std::string::npos);
    CHECK(DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25").empty());
    ctl.apply(ConfirmStaffAction{});
    auto today = DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25");
    REQUIRE(today.size() == 1);
    CHECK(today[0].donor == "李建华");
    CHECK(today[0].amountFen == 15050_fen);
    CHECK(today[0].named);
    CHECK(st.staffTab == StaffTab::Settings);
    CHECK(st.staffMessage == "已记录：李建华 捐赠 150.50 元（上光荣榜）");
    CHECK(st.ops.donation.balanceText.find("351.50") != std::string::npos);
    auto audit = AuditLog(fx.site->db()).recent(1);
    REQUIRE(audit.size() == 1);
    CHECK(audit[0].actor == "staff-screen");
    CHECK(audit[0].action == "donation.add");
    CHECK(audit[0].detail.find("15050 fen") != std::string::npos);

    // Anonymous: never on the honour roll, even when toggled.
    ops(ctl, StartDonation{});
    ops(ctl, DonationKey{"5"});
    ops(ctl, PickDonor{kAnonymousDonor});
    ops(ctl, ToggleDonorNamed{});
    CHECK_FALSE(st.ops.form.named);
    ops(ctl, SaveDonation{});
    ctl.apply(ConfirmStaffAction{});
    auto anon = DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25");
    REQUIRE(anon.size() == 2);
    CHECK(anon[1].donor == kAnonymousDonor);
    CHECK_FALSE(anon[1].named);
    // Cancelled: nothing more recorded.
    ops(ctl, StartDonation{});
    CHECK(st.ops.form.recentDonors.size() == 2);  // 匿名 is a fixed button, not listed
    ops(ctl, DonationKey{"9"});
    ops(ctl, CancelDonation{});
    CHECK(DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25").size() == 2);
    ops(ctl, StartDonation{});
    ops(ctl, DonationKey{"1"});
    ops(ctl, PickDonor{st.ops.form.recentDonors[1]});
    ops(ctl, SaveDonation{});
    ctl.apply(ConfirmStaffAction{});
    auto rare = DonationStore(fx.site->db()).forDays("2026-11-25", "2026-11-25");
    REQUIRE(rare.size() == 3);
    CHECK(rare[2].donor == "\U00020B9F氏");
    CHECK(st.staffMessage == "已记录：*氏 捐赠 1.00 元");

    // The back-office commands do nothing outside the staff screens.
    ctl.apply(CloseStaff{});
    ops(ctl, StartDonation{});
    CHECK(ctl.state().staffTab == StaffTab::Roster);
}

TEST_CASE("the roster warns staff before the donation balance runs out") {
    // E002 and E004 are 80+ with no category: the 高龄 rule draws 1 yuan a lunch on donations.
    test::UploadSite us("");
    us.clock.set(us.at(D("2026-11-25"), 11, 32));
    for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-24"}) us.lunches(D(day), 4);
    KioskController ctl(*us.site, us.clock);
    openStaffTab(ctl, StaffTab::Roster);
    CHECK(ctl.state().ops.donation.warn == DonationWarn::Exhausted);  // drawn on, nothing given
    {
        Transaction tx(us.site->db());
        DonationStore(us.site->db()).insert({0, "匿名", 700_fen, "2026-11-24", "", false}, "2026-11-24T10:00:00+08:00");
        tx.commit();
    }
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    // 1 yuan left; 6 yuan drawn in the last 28 days: about 4 days left, under the 7-day warning.
    CHECK(ctl.state().ops.donation.warn == DonationWarn::Low);
    CHECK(ctl.state().ops.donation.balanceText.find("约可用 4 天") != std::string::npos);
    {
        Transaction tx(us.site->db());
        DonationStore(us.site->db()).insert({0, "匿名", 100000_fen, "2026-11-24", "", false}, "2026-11-24T10:00:00+08:00");
        tx.commit();
    }
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    CHECK(ctl.state().ops.donation.warn == DonationWarn::None);
}

TEST_CASE("a void or manual check-in on a frozen day wakes the uploader — 立即上报 wakes it too") {
    test::GuiFixture fx;
    int wakes = 0, runs = 0;
    KioskController ctl(*fx.site, fx.clock);
    OpsLink link;
    link.wakeUpload = [&] { ++wakes; };
    link.uploadRuns = [&] { return runs; };
    ctl.setOpsLink(link);
    openStaffTab(ctl, StaffTab::Manual);
    // 11:32: today's tally is not frozen yet; a manual check-in leaves the uploader asleep.
    ctl.apply(ManualCheckIn{"E0001"});
    ctl.apply(ConfirmStaffAction{});
    REQUIRE(ctl.state().staffMessage.find("成功") != std::string::npos);
    CHECK(wakes == 0);
    // After the end of day (20:00) the day is frozen: voiding makes a new revision to send now.
    // (Nine hours later the staff screen has long gone back to waiting: staff open it again.)
    fx.clock.set(fx.site->timeZone().toUnix(*LocalDateTime::parse("2026-11-25T20:30")));
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Checkin);
    openStaffTab(ctl, StaffTab::Roster);
    REQUIRE(ctl.state().roster.size() == 1);
    ctl.apply(StartVoid{ctl.state().roster[0].rows[0].recordId});
    ctl.apply(VoidWithReason{voidReasons()[0]});
    ctl.apply(ConfirmStaffAction{});
    CHECK(ctl.state().staffMessage.find("已作废") == 0);
    CHECK(wakes == 1);

    ctl.apply(ShowStaffTab{StaffTab::Settings});
    ops(ctl, UploadNow{});
    CHECK(wakes == 2);
    CHECK(ctl.state().ops.upload.waking);
    CHECK(ctl.secondsToNextChange() <= 1);  // the loop looks again soon for the run's end
    ctl.tick();
    ++runs;  // the uploader finished a run
    CHECK(ctl.tick());
    CHECK_FALSE(ctl.state().ops.upload.waking);
}

TEST_CASE("the settings tab shows the running uploader's status against a loopback county") {
    test::FakeCounty county;
    test::UploadSite us(county.endpoint());
    us.lunches(D("2026-11-23"), 3);
    us.lunches(D("2026-11-24"), 2);
    us.clock.set(us.at(D("2026-11-25"), 11, 32));
    BackgroundUploaderOptions uo;
    uo.pollMs = 200;
    app::PostingJobOptions po;
    po.print = [](const std::string&, const std::filesystem::path&) { return okStatus(); };
    app::OpsServices services(us.dir.path(), us.clock, curlClientFactory(us.dir.path()), po, uo);
    KioskController ctl(*us.site, us.clock);
    ctl.setOpsLink(services.link());
    openStaffTab(ctl, StaffTab::Settings);
    CHECK(ctl.state().ops.upload.lastSuccess == "还没有上报成功过");

    services.start();
    REQUIRE(waitFor([&] { return county.stored().size() == 2; }));
    REQUIRE(waitFor([&] { return ctl.tick(), ctl.state().ops.upload.pending == "没有待上报的数据"; }));
    CHECK(ctl.state().ops.upload.lastSuccess.find("上次上报成功：11月25日 11:32") == 0);
    CHECK(ctl.state().ops.upload.problem.empty());
    CHECK_FALSE(ctl.state().ops.upload.needsStaff);

    // The token is refused: a problem staff must fix, said in Chinese and flagged above the roster.
    county.setFallback(test::Reply::Unauthorized);
    us.clock.set(us.at(D("2026-11-26"), 9, 0));
    us.lunches(D("2026-11-25"), 1);
    ops(ctl, UploadNow{});
    REQUIRE(waitFor([&] { return ctl.tick(), ctl.state().ops.upload.needsStaff; }));
    const auto& u = ctl.state().ops.upload;
    CHECK(u.pending.find("待上报：1 天（最早 11月25日）") == 0);
    CHECK_FALSE(u.problem.empty());
    CHECK(u.problem.find("口令") != std::string::npos);  // plain words: which thing to fix
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    CHECK(ctl.state().ops.upload.needsStaff);
    services.stop();
}

TEST_CASE("the kiosk makes last month's posting once, prints it where a printer is set, and sums it up") {
    test::UploadSite us("", 5, "\n[posting]\nprinter = \"office\"\n");
    us.lunches(D("2026-10-15"), 3);
    us.lunches(D("2026-10-16"), 2, true);
    std::vector<std::string> printed;
    app::PostingJobOptions po;
    po.print = [&](const std::string& printer, const std::filesystem::path& file) {
        printed.push_back(printer + " " + file.filename().string());
        return okStatus();
    };
    us.clock.set(us.at(D("2026-11-01"), 0, 5));
    app::PostingJob job(us.dir.path(), us.clock, po);
    auto c = job.runOnce(*us.site);
    CHECK(c.month == "2026-10");
    CHECK(c.made);
    CHECK(c.printed);
    CHECK(c.error.empty());
    auto folder = app::PostingJob::folder(us.dir.path());
    CHECK(std::filesystem::file_size(folder / "posting-2026-10.png") > 1000);
    CHECK(std::filesystem::exists(folder / "posting-2026-10.pdf"));
    CHECK(std::filesystem::exists(folder / "posting-2026-10.csv"));
    CHECK_FALSE(std::filesystem::exists(folder / "posting-2026-10.png.part"));
    CHECK(printed == std::vector<std::string>{"office posting-2026-10.pdf"});
    CHECK(job.statusText() == "10月公示已生成，已送打印机 office");
    auto s = job.summary();
    REQUIRE(s);
    CHECK(s->title == "10月公示");
    CHECK(noticeTitle(*s, LocalDate::of(2026, 11, 25)) == "上月公示 · 10月");
    CHECK(noticeTitle(*s, LocalDate::of(2026, 10, 31)) == "本月公示 · 10月");
    CHECK(noticeTitle(*s, LocalDate::of(2027, 1, 2)) == "10月公示");
    CHECK(s->lines == std::vector<std::string>{"助餐 5 人次", "其中送餐 2 人次", "用餐老人 3 人"});

    // Later the same month, and after a restart: not made or printed again.
    us.clock.set(us.at(D("2026-11-20"), 8, 0));
    CHECK_FALSE(job.runOnce(*us.site).made);
    app::PostingJob restarted(us.dir.path(), us.clock, po);
    auto again = restarted.runOnce(*us.site);
    CHECK_FALSE(again.made);
    CHECK(restarted.summary().has_value());  // the idle screen still gets its lines
    CHECK(printed.size() == 1);

    // December 1st: November had nothing, so nothing is posted or printed.
    us.clock.set(us.at(D("2026-12-01"), 8, 0));
    auto dec = job.runOnce(*us.site);
    CHECK(dec.month == "2026-11");
    CHECK(dec.nothingToPost);
    CHECK(job.statusText() == "11月没有需要公示的记录");
    CHECK_FALSE(std::filesystem::exists(folder / "posting-2026-11.png"));
    CHECK(printed.size() == 1);
}

TEST_CASE("a printer that refuses the posting is reported to staff — the files and the idle view stay") {
    test::UploadSite us("", 5, "\n[posting]\nprinter = \"office\"\n");
    us.lunches(D("2026-10-15"), 1);
    app::PostingJobOptions po;
    int tries = 0;
    po.print = [&](const std::string&, const std::filesystem::path&) -> Status {
        ++tries;
        return Error{"print.lp", "打印机 office 不存在", "no printer office"};
    };
    us.clock.set(us.at(D("2026-11-01"), 8, 0));
    app::PostingJob job(us.dir.path(), us.clock, po);
    auto c = job.runOnce(*us.site);
    CHECK(c.made);
    CHECK_FALSE(c.printed);
    CHECK(job.statusText() == "10月公示：打印机 office 不存在");
    CHECK(job.summary().has_value());
    CHECK(std::filesystem::exists(app::PostingJob::pngPath(us.dir.path(), "2026-10")));
    // The next check does not print again by itself (no paper pile-up), and the problem stays in view.
    CHECK_FALSE(job.runOnce(*us.site).made);
    CHECK(tries == 1);
    CHECK(job.statusText() == "10月公示：打印机 office 不存在");

    // Staff read it on the settings tab.
    KioskController ctl(*us.site, us.clock);
    OpsLink link;
    link.postingStatus = [&] { return job.statusText(); };
    ctl.setOpsLink(link);
    openStaffTab(ctl, StaffTab::Settings);
    CHECK(ctl.state().ops.postingStatus == "10月公示：打印机 office 不存在");
}

TEST_CASE("the posting job's thread makes the posting without the frame loop waiting") {
    test::UploadSite us("");
    us.lunches(D("2026-10-15"), 2);
    us.clock.set(us.at(D("2026-11-03"), 9, 0));  // the kiosk was off on the 1st: made at start
    app::PostingJobOptions po;
    po.firstCheckDelayMs = 0;
    app::PostingJob job(us.dir.path(), us.clock, po);
    auto t0 = std::chrono::steady_clock::now();
    job.start();
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(100));
    REQUIRE(waitFor([&] { return !job.statusText().empty(); }));
    CHECK(job.summary().has_value());
    CHECK(job.lastCheck().made);
    CHECK_FALSE(job.lastCheck().printed);  // no printer configured
    CHECK(job.statusText() == "10月公示已生成（没有设置打印机），文件在站点目录的 postings 里");
    job.stop();

    // The kiosk's job waits before its first check; closing the kiosk meanwhile is not held up.
    app::PostingJob waiting(us.dir.path(), us.clock);
    waiting.start();
    auto t1 = std::chrono::steady_clock::now();
    waiting.stop();
    CHECK(std::chrono::steady_clock::now() - t1 < std::chrono::milliseconds(500));
    CHECK(waiting.statusText().empty());
}

TEST_CASE("after two idle minutes the waiting screen takes turns with the posting") {
    test::GuiFixture fx;
    KioskController ctl(*fx.site, fx.clock);
    PostingSummary p{"2026-10", "10月公示", {"助餐 5 人次"}};
    bool have = false;
    OpsLink link;
    link.posting = [&]() -> std::optional<PostingSummary> { return have ? std::optional(p) : std::nullopt; };
    ctl.setOpsLink(link);
    fx.clock.advance(300);
    ctl.tick();
    CHECK_FALSE(ctl.state().ops.postingShown);  // no posting yet: nothing to rotate
    have = true;
    ctl.apply(BackToWaiting{});  // a tap: idle from now
    ctl.tick();
    REQUIRE(ctl.state().ops.posting);
    CHECK(ctl.secondsToNextChange() <= OpsPanel::kIdleBeforePostingSeconds);
    fx.clock.advance(OpsPanel::kIdleBeforePostingSeconds - 1);
    ctl.tick();
    CHECK_FALSE(ctl.state().ops.postingShown);
    CHECK(ctl.secondsToNextChange() == 1);
    fx.clock.advance(1);
    CHECK(ctl.tick());
    CHECK(ctl.state().ops.postingShown);
    CHECK(ctl.secondsToNextChange() == OpsPanel::kPostingShownSeconds);
    fx.clock.advance(OpsPanel::kPostingShownSeconds);
    CHECK(ctl.tick());
    CHECK_FALSE(ctl.state().ops.postingShown);
    fx.clock.advance(OpsPanel::kPostingCycleSeconds - OpsPanel::kPostingShownSeconds);
    ctl.tick();
    CHECK(ctl.state().ops.postingShown);
    // A scan while the posting shows is checked in as on the waiting screen.
    ctl.apply(ScanCommand{fx.idLow});
    CHECK(ctl.state().screen == ScreenId::Result);
    CHECK_FALSE(ctl.state().ops.postingShown);
    fx.clock.advance(KioskController::kResultSeconds);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK_FALSE(ctl.state().ops.postingShown);  // the scan started the idle time again
    // A tap on the posting view brings back the waiting screen at once.
    fx.clock.advance(OpsPanel::kIdleBeforePostingSeconds);
    ctl.tick();
    REQUIRE(ctl.state().ops.postingShown);
    ctl.apply(Command{OpsCommand{HidePosting{}}});
    CHECK_FALSE(ctl.state().ops.postingShown);
    ctl.tick();
    CHECK_FALSE(ctl.state().ops.postingShown);
    // A PIN pad left alone goes back to the plain waiting screen, not to the posting.
    ctl.apply(OpenStaff{});
    fx.clock.advance(KioskController::kPinIdleSeconds);
    ctl.tick();
    CHECK(ctl.state().screen == ScreenId::Checkin);
    CHECK_FALSE(ctl.state().ops.postingShown);
}

TEST_CASE("the settings tab shows a day the county refused, with its answer, and this terminal's id") {
    test::FakeCounty county;
    county.refuseDatesBefore("2026-11-24");
    test::UploadSite us(county.endpoint());
    us.lunches(D("2026-11-23"), 2);  // the county refuses this day
    us.lunches(D("2026-11-24"), 2);  // and takes this one
    us.clock.set(us.at(D("2026-11-25"), 9, 0));
    BackgroundUploaderOptions uo;
    uo.pollMs = 200;
    app::PostingJobOptions po;
    po.print = [](const std::string&, const std::filesystem::path&) { return okStatus(); };
    app::OpsServices services(us.dir.path(), us.clock, curlClientFactory(us.dir.path()), po, uo);
    KioskController ctl(*us.site, us.clock);
    ctl.setOpsLink(services.link());
    openStaffTab(ctl, StaffTab::Settings);
    services.start();
    REQUIRE(waitFor([&] { return county.stored().size() == 1; }));
    // Until the uploader has recorded the county's answer for both days (stored() counts what the
    // county took; its answer reaches the database a moment later).
    waitFor([&] {
        ctl.tick();
        return !ctl.state().ops.upload.refused.empty() && ctl.state().ops.upload.pending == "没有待上报的数据";
    });
    const UploadView& u = ctl.state().ops.upload;
    REQUIRE(u.refused.size() == 1);
    CHECK(u.refused[0].find("县平台拒收了 2026-11-23 的汇总（第 1 版）") == 0);
    CHECK(u.refused[0].find("日期早于本站开通日期") != std::string::npos);  // the county's own answer
    CHECK(u.needsStaff);
    CHECK(u.terminal == "本机编号：" + loadTerminalIdentity(us.site->db()).id);
    CHECK(u.pending == "没有待上报的数据");  // the refusal held nothing back
    services.stop();
}

TEST_CASE("a fresh demo site has last month's records, so the waiting screen's idle notice shows (issue 23)") {
    test::TempDir dir;
    auto made = test::kiosk({"demo", "--site", dir.path().string(), "--no-gui"});
    REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    auto opened = Site::open(dir.path());
    REQUIRE(opened.ok());
    Site& site = **opened;
    // The demo is made for the real today; the kiosk runs a minute later.
    FakeClock clock(SystemClock().nowUnix() + 60);
    LocalDate today = site.timeZone().toLocal(clock.nowUnix()).date;
    // cards.txt's promise holds: E0023–E0030 have no records today.
    for (const auto& r : CheckinStore(site.db()).forDay(today.iso())) CHECK(r.elderId.str() < "E0023");
    app::PostingJobOptions po;
    po.print = [](const std::string&, const std::filesystem::path&) { return okStatus(); };
    app::PostingJob job(dir.path(), clock, po);
    auto c = job.runOnce(site);
    CHECK_FALSE(c.nothingToPost);
    CHECK(c.made);
    auto summary = job.summary();
    REQUIRE(summary);
    REQUIRE_FALSE(summary->lines.empty());
    CHECK(summary->lines.front().find("助餐") != std::string::npos);
    // The waiting screen untouched for two minutes shows it.
    KioskController ctl(site, clock);
    OpsLink link;
    link.posting = [&] { return job.summary(); };
    ctl.setOpsLink(link);
    ctl.tick();
    CHECK_FALSE(ctl.state().ops.postingShown);
    clock.advance(OpsPanel::kIdleBeforePostingSeconds + 1);
    ctl.tick();
    CHECK(ctl.state().ops.postingShown);
}

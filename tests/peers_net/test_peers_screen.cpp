// The pairing code on the staff settings tab, through the same background services `run` starts:
// the real peer server on 127.0.0.1, the code shown with the address to type, and 换一个配对码.
#include <doctest/doctest.h>

#include "kiosk/app/site_services.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "platform/net/curl_http_client.hpp"
#include "shared/store/feed_store.hpp"
#include "support/run_process.hpp"
#include "support/test_site.hpp"

#include <nlohmann/json.hpp>

using namespace mh;
using namespace mh::ui;
using namespace mh::test;

TEST_CASE("the settings tab shows a pairing code only on request, 换一个配对码 makes a new one, leaving the tab withdraws it") {
    TempDir dir;
    auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\n"));
    SystemClock clock;
    app::SiteServicesOptions opt;
    opt.listen = "127.0.0.1:0";
    app::SiteServices services(*site, clock, curlClientFactory(site->dir()), opt);
    REQUIRE(services.start());
    REQUIRE(services.peerPort() > 0);

    KioskController ctl(*site, clock);
    ctl.setOpsLink(services.link());
    ctl.setPinChecker([](const std::string& pin) { return pin == "2468" ? std::string() : std::string("密码不对"); });
    ctl.apply(OpenStaff{});
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
    {
        const PeersView& v = ctl.state().ops.peers;
        CHECK(v.canPair);
        CHECK(v.serving);
        CHECK_FALSE(v.codeShown);  // opening the tab shows no code
        CHECK(v.code.empty());
        CHECK_FALSE(services.pairingCode().live());
        CHECK(v.peers.size() == 1);
        CHECK(v.peers[0].find("127.0.0.1:7999") != std::string::npos);
        CHECK(v.peers[0].rfind("另一台签到机", 0) == 0);  // plain words first, the address only as a detail
    }
    ctl.apply(Command{OpsCommand{NewPairingCode{}}});  // 显示配对码
    {
        const PeersView& v = ctl.state().ops.peers;
        CHECK(v.codeShown);
        CHECK(v.codeUsable);
        CHECK(v.code.size() == 6);
        CHECK(v.code == services.pairingCode().view().code);
        CHECK(v.address == "详细：本机网络地址 127.0.0.1:" + std::to_string(services.peerPort()));
        CHECK(v.codeNote.find("10 分钟") != std::string::npos);
    }
    std::string before = ctl.state().ops.peers.code;
    // A new code differs from the old one except by a one-in-a-million chance: try twice.
    ctl.apply(Command{OpsCommand{NewPairingCode{}}});
    if (ctl.state().ops.peers.code == before) ctl.apply(Command{OpsCommand{NewPairingCode{}}});
    CHECK(ctl.state().ops.peers.code != before);
    CHECK(ctl.state().ops.peers.code == services.pairingCode().view().code);
    CHECK(ctl.state().staffMessage == "已换了新的配对码");
    // 收起配对码: the code dies at once.
    ctl.apply(Command{OpsCommand{HidePairingCode{}}});
    CHECK_FALSE(ctl.state().ops.peers.codeShown);
    CHECK_FALSE(services.pairingCode().live());
    // Shown again, then staff go to another tab: withdrawn without a tap.
    ctl.apply(Command{OpsCommand{NewPairingCode{}}});
    CHECK(services.pairingCode().live());
    ctl.apply(ShowStaffTab{StaffTab::Roster});
    ctl.tick();
    CHECK_FALSE(services.pairingCode().live());
    CHECK_FALSE(ctl.state().ops.peers.codeShown);
    services.stop();
}

TEST_CASE("a listen address already in use is a plain sentence for staff, and the jobs still run") {
    TempDir dir;
    auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\n"));
    SystemClock clock;
    app::SiteServicesOptions opt;
    opt.listen = "127.0.0.1:0";
    app::SiteServices first(*site, clock, curlClientFactory(site->dir()), opt);
    REQUIRE(first.start());
    opt.listen = "127.0.0.1:" + std::to_string(first.peerPort());
    app::SiteServices second(*site, clock, curlClientFactory(site->dir()), opt);
    auto st = second.start();
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find("端口被别的程序占用") != std::string::npos);
    PeersView v = second.peersView();
    CHECK_FALSE(v.serving);
    CHECK(v.problem.find("其他签到机连不上本机") != std::string::npos);
}

TEST_CASE("entries from a peer dated in the future show, held aside, on the settings tab and in kiosk status") {
    TempDir dir;
    auto site = makeSite(dir.path(), standardToml("[peers]\naddresses = [\"127.0.0.1:7999\"]\n"));
    SystemClock clock;
    // What a terminal with a clock a year ahead (or a thief with the site keys) sent: held aside.
    const std::string future = site->timeZone().isoWithOffset(clock.nowUnix() + 365 * 86400);
    nlohmann::json gift{{"kind", "donation"}, {"terminal", "zz9evil1"}, {"record", 1}, {"donor", "x"},
                        {"amount_fen", 100},  {"day", "2026-11-25"},    {"purpose", ""}, {"named", false},
                        {"recorded_at", future}};
    {
        FeedStore feed(site->db());
        ImportGuard guard = feed.guard(clock.nowUnix());
        REQUIRE(feed.importLoose(nlohmann::json::array({gift}), guard).held == 1);
    }
    app::SiteServicesOptions opt;
    opt.listen = "127.0.0.1:0";
    app::SiteServices services(*site, clock, curlClientFactory(site->dir()), opt);
    REQUIRE(services.start());
    KioskController ctl(*site, clock);
    ctl.setOpsLink(services.link());
    ctl.setPinChecker([](const std::string& pin) { return pin == "2468" ? std::string() : std::string("密码不对"); });
    ctl.apply(OpenStaff{});
    for (char d : std::string("2468")) ctl.apply(PinDigit{d});
    ctl.apply(PinSubmit{});
    ctl.apply(ShowStaffTab{StaffTab::Settings});
    CHECK(ctl.state().ops.peers.held == "另一台签到机送来 1 条时间不对的记录，已搁置，请核对");
    services.stop();
    site.reset();

    auto r = kiosk({"status", "--site", dir.path().string()});
    CHECK(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["held_entries"] == 1);
    CHECK(j["needs_staff"] == true);
}

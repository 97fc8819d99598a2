// `demo`: makes a ready sample site (assets/demo) and runs a sample lunch through the engine, so a
// new user sees the whole path — roster, cards, policy, check-ins, tally — in one command.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_common.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/roster/issue_cards.hpp"
#include "shared/core/atomic_file.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/core/text.hpp"
#include "shared/roster/csv.hpp"
#include "shared/roster/roster_import.hpp"
#include "shared/site/first_run_site.hpp"
#include "shared/site/site_init.hpp"
#include "shared/donations/record_donation.hpp"
#include "shared/menu/menu_book.hpp"
#include "shared/reports/day_tally.hpp"
#include "shared/tally/tally_json.hpp"
#include "platform/sdl_ui/sdl_window.hpp"

namespace mh::cli {
namespace fs = std::filesystem;
namespace {

constexpr const char* kDemoMarker = ".demo-site";

fs::path defaultDemoDir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "mealhall-demo";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local/share/mealhall-demo";
    return fs::temp_directory_path() / "mealhall-demo";
}

// Clears an earlier demo site, but never a directory that is not one (a real site has no marker).
bool clearOldDemo(const fs::path& dir, Context& ctx) {
    std::error_code ec;
    if (!fs::exists(dir / kSiteToml, ec)) return true;
    if (!fs::exists(dir / kDemoMarker, ec)) {
        ctx.say(dir.string() + " 里是一个真实站点，演示不会覆盖它", dir.string() + " holds a real site; the demo will not touch it");
        return false;
    }
    fs::remove_all(dir, ec);
    return !ec;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Last month's lunches, so the waiting screen's idle notice (last month's posting) shows on a fresh
// demo (issue 23: a newcomer never saw it). Weekdays of last month, most of the regulars E0001–E0012
// each day; E0023–E0030 stay without records (cards.txt's promise is about today; these are spared
// too, for whoever tries a first scan). Recorded with `at`, as a paper list is entered.
Result<int> lastMonthLunches(CheckInEngine& engine, const std::vector<std::string>& payloads, LocalDate today) {
    LocalDate last = LocalDate::of(today.year(), today.month(), 1).plusDays(-1);
    LocalDate first = LocalDate::of(last.year(), last.month(), 1);
    int n = 0;
    for (LocalDate day = first; day <= last; day = day.plusDays(1)) {
        unsigned wd = std::chrono::weekday{std::chrono::sys_days{day.ymd}}.c_encoding();
        if (wd == 0 || wd == 6) continue;
        for (size_t i = 0; i < payloads.size() && i < 12; ++i) {
            if ((i + day.day()) % 4 == 0) continue;  // not everyone comes every day
            LocalDateTime at{day, 11, int(5 + i * 2), 0};
            auto r = engine.scan(ScanRequest{payloads[i], ServiceId("lunch"), at, i == 7});
            if (!r) return r.error();
            n += r->accepted() ? 1 : 0;
        }
    }
    return n;
}

struct DemoArgs {
    std::string site;
    bool noGui = false;
};

int runDemo(const DemoArgs& a, Context& ctx) {
    fs::path dir = a.site.empty() ? defaultDemoDir() : fs::path(a.site);
    fs::path assets = assetsDir() / "demo";
    if (!fs::exists(assets / "roster.csv")) {
        ctx.say("找不到演示数据 " + assets.string(), "demo assets not found at " + assets.string());
        return kUsage;
    }
    // A demo killed during its final move is completed first, so clearOldDemo sees it (and its marker).
    (void)finishInterruptedFirstRun(dir);
    if (!clearOldDemo(dir, ctx)) return kUsage;
    // The marker first, then the site built and moved in whole (initSite): a demo killed at any point
    // leaves a directory the next demo recognises as its own and remakes.
    std::error_code ec;
    fs::create_directories(dir, ec);
    // Written like every other file in a site directory: whole or not at all, 0600.
    if (ec || !writeFileAtomic(dir / kDemoMarker, "made by `kiosk demo`; deleted and remade by the next one\n")) {
        ctx.say("无法写入演示站点 " + dir.string(), "cannot write the demo site " + dir.string());
        return kUsage;
    }
    {
        auto created = initSite(dir, "141022-001", "北关村老年食堂", ctx.clock, "demo");
        if (!created) {
            ctx.error(created.error());
            return kUsage;
        }
    }
    if (!writeFileAtomic(dir / kSiteToml, readFile(assets / "site.toml"))) {
        ctx.say("无法写入演示站点 " + dir.string(), "cannot write the demo site " + dir.string());
        return kUsage;
    }
    auto site = ctx.openSite(dir);
    if (!site) return kUsage;
    std::string rosterText = readFile(assets / "roster.csv");
    auto report = importRoster(*site, rosterText, ctx.today(*site), ctx.nowIso(*site), "demo");
    if (!report) {
        ctx.error(report.error());
        return kUsage;
    }
    // Gifts the donation share (社会捐赠) of the demo's 高龄 rule draws on: one donor on the honour roll,
    // one who asked not to be named.
    for (DonationRequest gift : {DonationRequest{"北关农贸公司", Fen{200000}, std::nullopt, "助餐", true, "demo"},
                                 DonationRequest{"不愿具名的村民", Fen{30000}, std::nullopt, "助餐", false, "demo"}}) {
        auto recorded = recordDonation(site->db(), gift, ctx.today(*site), ctx.nowIso(*site));
        if (!recorded) {
            ctx.error(recorded.error());
            return kUsage;
        }
    }
    // This week's menu (contract 14): the waiting screen shows today's, 本周菜谱 has a week to page.
    {
        static const std::vector<std::vector<std::string>> kLunches{
            {"红烧豆腐", "青菜", "米饭"},       {"西红柿炒鸡蛋", "土豆丝", "米饭"}, {"白菜炖粉条", "蒸鸡蛋羹", "馒头"},
            {"红烧肉", "炒豆芽", "米饭"},       {"清蒸鱼", "青菜", "米饭"},         {"饺子", "拌黄瓜"},
            {"鱼香肉丝", "冬瓜汤", "米饭"}};
        static const std::vector<std::vector<std::string>> kSuppers{
            {"小米粥", "馒头", "拌黄瓜"}, {"面条", "青菜"}, {"南瓜粥", "花卷", "炒豆芽"}, {"小米粥", "包子"},
            {"疙瘩汤", "馒头", "土豆丝"}, {"南瓜粥", "花卷"}, {"面条", "蒸鸡蛋羹"}};
        LocalDate monday = *parseIsoWeek(isoWeekOf(ctx.today(*site)));
        for (int d = 0; d < 7; ++d)
            for (const auto& [service, menus] : {std::pair{"lunch", &kLunches}, std::pair{"dinner", &kSuppers}}) {
                auto set = setMenu(*site, {monday.plusDays(d), service, (*menus)[std::size_t(d)], "demo"}, ctx.clock.nowUnix());
                if (!set) {
                    ctx.error(set.error());
                    return kUsage;
                }
            }
    }

    // The cards a tester can scan by hand: signed card payloads and the ID numbers from the CSV.
    std::ostringstream cards;
    cards << "# elder_id  name  signed card payload / ID number (scan with: kiosk scan --site " << dir.string()
          << " --service lunch PAYLOAD)\n";
    std::vector<std::string> payloads;
    auto issued = cardsToIssue(*site, ElderId());
    if (!issued) {
        ctx.error(issued.error());
        return kUsage;
    }
    for (const IssuedCard& c : *issued) {
        payloads.push_back(c.payload);
        cards << c.elderId << "  " << c.name << "  " << c.payload << "\n";
    }
    auto rows = parseCsv(rosterText);
    for (size_t i = 1; rows && i < rows->size(); ++i)
        if ((*rows)[i].fields.size() > 2 && !(*rows)[i].fields[2].empty())
            cards << (*rows)[i].fields[0] << "  " << (*rows)[i].fields[1] << "  " << (*rows)[i].fields[2] << "\n";

    if (auto written = writeFileAtomic(dir / "cards.txt", cards.str()); !written) {
        ctx.error(written.error());
        return kUsage;
    }

    // A sample lunch: most elders by card, one by ID number, one delivered, and the usual mistakes.
    CheckInEngine engine(*site, ctx.clock);
    LocalDate today = ctx.today(*site);
    std::vector<std::pair<std::string, bool>> scans;
    for (size_t i = 0; i < payloads.size() && i < 22; ++i) scans.push_back({payloads[i], i == 7});
    scans.push_back({payloads[0], false});                                         // a second lunch: duplicate
    scans.push_back({signCard({"E0005", "1"}, site->keys().card.sec), false});     // the replaced card: revoked
    scans.push_back({"110101199003071234", false});                                // a wrong check digit: invalid
    scans.push_back({"HELLO-WORLD", false});                                       // scanner garbage: invalid
    std::cout << ctx.pick("演示站点：", "demo site: ") << fs::absolute(dir).string() << "\n";
    std::cout << ctx.pick("名单：新增 ", "roster: added ") << report->added << "\n";
    auto lastMonth = lastMonthLunches(engine, payloads, today);
    if (!lastMonth) {
        ctx.error(lastMonth.error());
        return kRefused;
    }
    std::cout << ctx.pick("上月午餐记录：", "last month's lunches: ") << *lastMonth << "\n\n";
    int minute = 0;
    for (const auto& [payload, delivered] : scans) {
        LocalDateTime at{today, 11, 0 + minute / 60, minute % 60};
        at.minute = 5 + minute;
        minute += 2;
        auto r = engine.scan(ScanRequest{payload, ServiceId("lunch"), at, delivered});
        if (!r) {
            ctx.error(r.error());
            return kRefused;
        }
        std::printf("%02d:%02d  %-10s  %s\n", at.hour, at.minute, std::string(outcomeKey(r->outcome)).c_str(),
                    (ctx.english ? r->messageEn : r->message).c_str());
    }
    DailyTally t = tallyOfDay(*site, today, ctx.nowIso(*site));
    for (const auto& s : t.services) {
        if (s.id.str() != "lunch") continue;
        std::cout << "\n" << ctx.pick("今日午餐：", "lunch today: ") << s.count << ctx.pick(" 人（送餐 ", " (delivered ")
                  << s.delivered << ctx.pick("），餐费合计 ", "), price total ") << formatYuan2(s.priceFen)
                  << ctx.pick(" 元\n", " yuan\n");
        for (Share k : kAllShares)
            std::cout << "  " << shareLabelZh(k) << "  " << formatYuan2(s.shares.at(k)) << "\n";
    }
    std::cout << "\n" << ctx.pick("试试：", "try: ") << "build/bin/kiosk tally --site " << dir.string() << " --date "
              << today.iso() << "\n"
              << ctx.pick("卡片内容见 ", "card payloads are in ") << (dir / "cards.txt").string() << "\n";
    // Then the kiosk itself, where there is a screen; with none (CI, ssh) the printed lunch is the demo.
    if (a.noGui) return kDone;
    if (!platform::SdlWindow::displayAvailable()) {
        ctx.say("（没有显示器，只打印示例；有显示器时 demo 会打开签到画面）",
                "(no display: printed the sample only; with a display the demo opens the kiosk screen)");
        return kDone;
    }
    std::cout << ctx.pick("打开签到画面（Ctrl+Q 退出）…\n", "opening the kiosk screen (Ctrl+Q quits)...\n") << std::flush;
    bool shown = false;
    int rc = ctx.screens.kiosk(*site, ctx, &shown, nullptr, GuiOptions{});
    return shown ? rc : kDone;  // no window after all: the printed sample stands
}

}  // namespace

void registerDemoVerb(CLI::App& app, Context& ctx) {
    Verb<DemoArgs>(app, ctx, "demo", "make a ready sample site and run a sample lunch", runDemo)
        .option("--site", &DemoArgs::site, "where to put the demo site (default: ~/.local/share/mealhall-demo)")
        .flag("--no-gui", &DemoArgs::noGui, "only print the sample lunch, do not open the kiosk screen");
}

}  // namespace mh::cli

// Offscreen rendering of one screen, with the same controller and drawing code as the running kiosk.
#include "kiosk/render/screenshot.hpp"
#include "kiosk/app/peer_stack.hpp"

#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/posting_summary.hpp"
#include "shared/checkin/scan_preview.hpp"
#include "shared/reports/review_lines.hpp"

namespace mh::render {

const std::vector<std::string>& screenNames() {
    static const std::vector<std::string> names{"checkin", "accepted", "delivered", "duplicate", "unknown", "invalid",
                                                "revoked", "closed",   "ineligible", "pin",      "roster",  "missing",
                                                "manual",  "settings", "donation", "posting", "storage-full", "choose",
                                                "void-reason", "void-confirm", "feedback", "safety", "more", "others", "delivery",
                                                "checkin-menu", "menu", "review", "manual-paper"};
    return names;
}

bool isStaffScreen(const std::string& s) {
    return s == "pin" || s == "roster" || s == "missing" || s == "manual" || s == "settings" || s == "donation" ||
           s == "void-reason" || s == "void-confirm" || s == "safety" || s == "more" || s == "others" || s == "delivery" ||
           s == "menu" || s == "review" || s == "manual-paper";
}

namespace {
std::optional<Outcome> outcomeOf(const std::string& name) {
    for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked, Outcome::Closed,
                      Outcome::Duplicate, Outcome::Ineligible})
        if (outcomeKey(o) == name) return o;
    if (name == "delivered") return Outcome::Accepted;
    return std::nullopt;
}
}  // namespace

Result<std::unique_ptr<Shot>> renderScreen(Site& site, const ScreenshotOptions& opt) {
    bool known = false;
    for (const auto& n : screenNames()) known = known || n == opt.screen;
    if (!known) {
        std::string list;
        for (const auto& n : screenNames()) list += (list.empty() ? "" : ", ") + n;
        return Error{"screen.unknown", "没有叫 " + opt.screen + " 的画面，可选：" + list,
                     "no screen named " + opt.screen + "; choose one of: " + list};
    }
    if (opt.width < 320 || opt.height < 320 || opt.width > 4096 || opt.height > 4096)
        return Error{"screen.size", "画面尺寸应在 320 到 4096 像素之间", "size must be 320..4096 pixels"};

    FakeClock clock(opt.at ? site.timeZone().toUnix(*opt.at) : SystemClock().nowUnix());
    ui::KioskController ctl(site, clock);
    auto& st = ctl.state();
    if (auto o = outcomeOf(opt.screen)) {
        ctl.showResult(sampleScan(site, *o, st.now.date, ServiceId(st.service.id), opt.screen == "delivered"));
    } else if (opt.screen == "storage-full") {
        // A scan the store could not write, as the controller shows it (kiosk_controller_checkin.cpp).
        ScanResult r;
        r.outcome = Outcome::Invalid;
        r.storeFault = StoreFault::Full;
        r.service = ServiceId(st.service.id);
        ctl.showResult(r);
    } else if (opt.screen == "pin") {
        ctl.apply(ui::OpenStaff{});
        for (char d : std::string("123")) ctl.apply(ui::PinDigit{d});
    } else if (opt.screen == "roster" || opt.screen == "missing" || opt.screen == "manual" || opt.screen == "settings" ||
               opt.screen == "more" || opt.screen == "delivery") {
        st.screen = ui::ScreenId::Roster;
        ui::StaffTab tab = opt.screen == "missing"  ? ui::StaffTab::Missing
                           : opt.screen == "manual" ? ui::StaffTab::Manual
                           : opt.screen == "settings" ? ui::StaffTab::Settings
                           : opt.screen == "more"     ? ui::StaffTab::More
                           : opt.screen == "delivery" ? ui::StaffTab::Delivery
                                                      : ui::StaffTab::Roster;
        ctl.apply(ui::ShowStaffTab{tab});
        if (tab == ui::StaffTab::Manual && !st.surnames.empty()) ctl.apply(ui::FindBySurname{st.surnames.front()});
        if (tab == ui::StaffTab::Settings) {
            // As a running terminal shows it: its pairing code and the site's other terminals.
            ui::PeersView& p = st.ops.peers;
            p.canPair = true;
            p.serving = true;
            p.codeShown = true;
            p.code = "123456";
            p.codeUsable = true;
            p.codeNote = "还有 10 分钟有效，只能用一次";
            p.address = "详细：本机网络地址 192.168.1.20:7443";
            for (const auto& a : site.config().peerAddresses)
                p.peers.push_back(app::describePeer({a, "", clock.nowUnix() - 90, 0, true, ""}, site.timeZone()));
        }
    } else if (opt.screen == "void-reason" || opt.screen == "void-confirm") {
        // Staff voiding today's first record: its reasons, then the confirmation naming it.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Roster});
        if (!st.roster.empty() && !st.roster.front().rows.empty()) {
            ctl.apply(ui::StartVoid{st.roster.front().rows.front().recordId});
            if (opt.screen == "void-confirm") ctl.apply(ui::VoidWithReason{ui::voidReasons().front()});
        }
    } else if (opt.screen == "donation") {
        // The form half filled: an amount typed and the anonymous donor picked.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Settings});
        ctl.apply(ui::OpsCommand{ui::StartDonation{}});
        for (const char* k : {"5", "0", "0"}) ctl.apply(ui::OpsCommand{ui::DonationKey{k}});
        ctl.apply(ui::OpsCommand{ui::PickDonor{ui::kAnonymousDonor}});
    } else if (opt.screen == "choose") {
        // The picker as a card read now shows it: the door services open at that time, or where fewer
        // than two are, every door service that is not a meal (what the picker offers in the
        // afternoon), or every door service.
        std::vector<ui::ServiceChoice> options = st.doorServices;
        for (bool meals : {false, true}) {
            if (options.size() >= 2) break;
            options.clear();
            for (const auto& s : site.config().services)
                if (s.atDoor && (meals || s.kind != ServiceKind::Meal))
                    options.push_back({s.id, s.name, s.opens.text() + "–" + s.closes.text()});
        }
        ScanResult who = sampleScan(site, Outcome::Accepted, st.now.date, ServiceId());
        st.pick = ui::DoorPick{who.elderId.str(), who.maskedName, options, clock.nowUnix()};
        st.screen = ui::ScreenId::Choose;
    } else if (opt.screen == "safety") {
        // The 安全检查 tab with a 留样 half entered: the kind, who, the meal and 150 g typed.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Safety});
        ctl.apply(ui::SafetyPickKind{"sample"});
        if (!st.safetyPeople.empty()) ctl.apply(ui::SafetyPickBy{st.safetyPeople.front()});
        if (!st.safetyMeals.empty()) ctl.apply(ui::SafetySetField{"meal", st.safetyMeals.front().id});
        if (!st.safetyDishes.empty()) ctl.apply(ui::SafetySetField{"dish", st.safetyDishes.front()});
        for (const char* k : {"1", "5", "0"}) ctl.apply(ui::SafetyPadKey{k});
    } else if (opt.screen == "others") {
        // 访客/职工/志愿者 half entered: guests picked and 3 typed, the price shown; nothing recorded.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Others});
        if (st.others.serviceId.empty() && !st.others.services.empty())
            ctl.apply(ui::OthersPickService{st.others.services.front().id});
        ctl.apply(ui::OthersPickKind{"guest"});
        ctl.apply(ui::OthersPadKey{"删除"});
        ctl.apply(ui::OthersPadKey{"3"});
    } else if (opt.screen == "manual-paper") {
        // 补录纸质名单 half entered: the first service open by now, 11:10 on the paper, nothing recorded.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Manual});
        ctl.apply(ui::TogglePaperEntry{});
        if (st.paper.serviceId.empty() && !st.paper.services.empty()) ctl.apply(ui::PickPaperService{st.paper.services.front().id});
        ctl.apply(ui::PickPaperTime{11, 10});
        if (!st.surnames.empty()) ctl.apply(ui::FindBySurname{st.surnames.front()});
    } else if (opt.screen == "review") {
        // 今日核对 as the site has it today; a site with nothing to review shows one item of each kind
        // (worded by the same reviewItemLine, nothing written), the second already handled.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Review});
        if (st.review.lines.empty()) {
            const std::string svc = st.service.id.empty() ? "lunch" : st.service.id;
            const std::string day = st.now.date.iso();
            using J = nlohmann::ordered_json;
            const std::vector<ReviewItem> samples{
                {"s1", "double", false, J{{"name", "张*兰"}, {"service", svc}}},
                {"s2", "backdated", true, J{{"name", "王*英"}, {"service", svc}, {"at", day + "T11:32:00+08:00"}, {"label", "纸质补录"}}},
                {"s3", "revoked_card", false, J{{"name", "李*华"}, {"count", 3}, {"first_at", day + "T11:02:00+08:00"}, {"last_at", day + "T11:40:00+08:00"}}},
                {"s4", "not_delivered", false, J{{"name", "赵*花"}, {"service", svc}, {"outcome", "not_home"}}},
                {"s5", "clock_corrected", false, J{{"name", "陈*明"}, {"service", svc}, {"at", day + "T11:50:00+08:00"}}}};
            for (const ReviewItem& item : samples)
                st.review.lines.push_back({item.id, reviewItemLine(item, site.config()), item.handled});
        }
    } else if (opt.screen == "feedback") {
        // The faces after an accepted meal (contract 14), whether or not this site has them on.
        ScanResult meal = sampleScan(site, Outcome::Accepted, st.now.date, ServiceId(st.service.id));
        ctl.showResult(meal);
        st.feedback = ui::FeedbackAsk{meal.recordId.value_or(0), clock.nowUnix()};
        st.screen = ui::ScreenId::Feedback;
    } else if (opt.screen == "menu") {
        // 本周菜谱 (更多 → 本周菜谱): this week's meals as the site has them set.
        st.screen = ui::ScreenId::Roster;
        ctl.apply(ui::ShowStaffTab{ui::StaffTab::Menu});
    } else if (opt.screen == "checkin-menu") {
        // The waiting screen with today's menu: the site's own where it has one for today, else a
        // sample for the meal open now or next (nothing is written to the site).
        if (st.todayMenu.empty()) {
            const ServiceDef* meal = site.config().findService(st.service.id);
            for (const auto& s : site.config().services)
                if (!(meal && meal->kind == ServiceKind::Meal) && s.kind == ServiceKind::Meal) meal = &s;
            if (meal && meal->kind == ServiceKind::Meal)
                st.todayMenu.push_back({meal->id, meal->name, meal->opens.text() + "–" + meal->closes.text(),
                                        {"红烧豆腐", "青菜", "米饭", "西红柿鸡蛋汤"}});
        }
    } else if (opt.screen == "posting") {
        // The idle screen's view of last month's posting, as the posting job sums it up.
        LocalDate prev = LocalDate::of(st.now.date.year(), st.now.date.month(), 1).plusDays(-1);
        st.ops.posting = ui::postingSummary(loadMonthlyFigures(site, prev.year(), prev.month()));
        st.ops.postingShown = true;
    }

    st.training = opt.training;
    st.databaseProblem = opt.databaseProblem;
    return renderState(st, opt, site.config().diagonalInch);
}

std::unique_ptr<Shot> renderState(ui::KioskState st, const ScreenshotOptions& opt, double siteDiagonalInch) {
    auto shot = std::make_unique<Shot>();
    shot->session = std::make_unique<ui::ImGuiSession>();
    double diag = opt.diagonalInch > 0 ? opt.diagonalInch : siteDiagonalInch;
    shot->metrics = ui::Metrics::choose(opt.width, opt.height, diag, st.pickedDiagonalInch, 0, 0, &st.panelSizeKnown);
    ui::ensureFonts(shot->fonts, shot->metrics, st);
    ui::CommandQueue ignored;
    paintShot(*shot, opt, [&](ui::DrawnLayout* layout) { ui::buildFrame(st, shot->fonts, shot->metrics, ignored, layout); });
    return shot;
}

void paintShot(Shot& shot, const ScreenshotOptions& opt, const std::function<void(ui::DrawnLayout*)>& frame) {
    shot.canvas = std::make_unique<platform::SoftwareCanvas>(opt.width, opt.height);
    shot.canvas->uploadFonts();  // before NewFrame: ImGui records the atlas's texture id in each draw
    // Two frames: ImGui settles child windows and scroll extents on the first.
    frame(nullptr);
    frame(&shot.layout);
    shot.canvas->drawImGui();
}

}  // namespace mh::render

// `kiosk run`: opens the inputs, the window, the speaker and the back office, then runs KioskLoop
// (kiosk_loop.hpp) until the window is closed.

#include <algorithm>
#include <iostream>

#include "kiosk/app/site_services.hpp"
#include "kiosk/gui/gui_app.hpp"
#include "kiosk/gui/kiosk_loop.hpp"
#include "kiosk/gui/kiosk_speaker.hpp"
#include "kiosk/gui/wedge_fifo.hpp"
#include "kiosk/gui/window_inputs.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "kiosk/ui/ui_frame.hpp"
#include "platform/net/curl_http_client.hpp"
#include "platform/sdl_ui/sdl_window.hpp"
#include "platform/system/service_notify.hpp"
#include "shared/site/setup_card_keys.hpp"
#include "shared/staff/staff_pin.hpp"
#include "shared/site/terminal_facts.hpp"
#include "shared/tally/tally_json.hpp"

namespace mh::gui {

using app::Context;
using app::GuiOptions;
using app::kDone;
using app::kUsage;

int runKioskGui(Site& site, Context& ctx, bool* shown, const Clock* clockIn, const GuiOptions& options) {
    const std::string& replay = options.replay;
    const Clock& clock = clockIn ? *clockIn : ctx.clock;
    if (shown) *shown = false;
    // The camera (or replay) starts before the window, so a bad --replay folder is reported first.
    // Its threads wake the loop with a user event once the window's event queue exists.
    WindowInputs inputs(site.config(), replay);
    if (auto started = inputs.start(); !started) {
        ctx.error(started.error());
        return kUsage;
    }
    // No CJK font: every name, price and message would draw as '?'. An unattended terminal refuses
    // with a clear journal line instead of showing elders a screen of question marks about their money
    // (the package depends on fonts-noto-cjk, so this is a broken install only IT can mend); scans
    // can still be entered with `kiosk scan` meanwhile.
    if (ui::cjkFontPath(false).empty()) {
        ctx.say("缺少中文字体（fonts-noto-cjk），签到画面无法显示汉字，未启动。请技术人员安装：apt install fonts-noto-cjk",
                "the Chinese font (fonts-noto-cjk) is missing, so the kiosk screen cannot show Chinese and was not started. "
                "Install it: apt install fonts-noto-cjk");
        return kUsage;
    }
    ui::ImGuiSession session;
    auto win = openWindow(ctx, "老年食堂签到",
                          {"没有可用的显示器（未设置 DISPLAY），无法打开签到画面", "no display available (DISPLAY is not set)",
                           "无法打开签到画面：", "cannot open the kiosk window: "});
    if (!win) return kUsage;
    if (shown) *shown = true;
    inputs.windowReady();

    KioskSpeaker speaker;
    if (!speaker.available())
        ctx.say("没有声音（" + speaker.problem() + "），签到照常进行", "no sound (" + speaker.problem() + "); check-in goes on");
    // Uploads, the monthly posting and the site's other terminals (pairing, sync, the claim every
    // scan asks) run on their own threads for as long as the window is up, built as `serve` builds
    // them; a training copy has none (nothing of it may reach the county, the printer or a peer).
    std::optional<app::SiteServices> ops;
    if (!options.training) {
        try {
            ops.emplace(site, clock, curlClientFactory(site.dir()));
            if (auto st = ops->start(); !st) ctx.error(st.error());  // staff see it on the settings tab
        } catch (const StoreError& e) {
            ops.reset();
            ctx.say(std::string("后台服务没有启动（数据库打不开）：") + e.what(), std::string("background services not started: ") + e.what());
        }
    }
    ui::KioskController ctl(site, clock, &speaker, ops ? ops->gate() : nullptr);
    // One journal line per scan (contract 7's JSON), written after the engine committed it: what the
    // terminal did is in `journalctl -u mealhall-kiosk`, and the soak test checks it against the database.
    ctl.setScanLog([&ctx](const ScanResult& r) { app::printJson(scanResultJson(r, ctx.english)); });
    ctl.state().soundAvailable = speaker.available();
    StaffPin staffPin(site.db(), clock);
    ctl.setPinChecker(ui::staffPinChecker(staffPin));
    // County setup cards scanned on the settings tab are checked against these (issue 14).
    if (auto keys = loadTrustedSetupKeys(app::setupKeysFile())) ctl.setSetupCardKeys(*keys);
    else ctl.setSetupCardKeys({}, keys.error().message);
    // Custody: a damaged database is shown to staff at once, not found out at the next failed write.
    std::string checkDetail;
    ctl.state().databaseProblem = databaseProblemOf(site, &checkDetail);
    if (!ctl.state().databaseProblem.empty())
        ctx.say("数据库检查发现损坏：" + checkDetail, "the database check found damage: " + checkDetail);
    ctl.state().configProblem = site.configProblem();
    if (!site.configProblem().empty())
        ctx.say("site.toml 有错，按上次正确的设置运行：" + site.configDetail(),
                "site.toml is broken, running on the last good configuration: " + site.configDetail());
    ctl.state().training = options.training;
    if (ops) ctl.setOpsLink(ops->link());
    std::optional<WedgeFifo> wedgeFifo;
    if (!options.wedgeFifo.empty()) {
        wedgeFifo.emplace(options.wedgeFifo);
        if (auto st = wedgeFifo->start(); !st) {
            ctx.error(st.error());
            return kUsage;
        }
    }
    KioskLoop loop(*win, ctl, site.config().diagonalInch, inputs.loopInputs());
    platform::ServiceNotify service;  // systemd's unit (Type=notify, WatchdogSec); nothing without systemd
    loop.afterFirstFrame = [&speaker, &service] {
        service.ready();  // the screen is up: systemd counts the kiosk as started
        // After the first frame is up: synthesise the fixed results once, so a scan speaks at once.
        for (Outcome o : {Outcome::Accepted, Outcome::Invalid, Outcome::Unknown, Outcome::Revoked, Outcome::Closed,
                          Outcome::Duplicate, Outcome::Ineligible}) {
            ScanResult r;
            r.outcome = o;
            if (speaker.available()) speaker.pcm(KioskSpeaker::pinyinFor(r));
            if (o == Outcome::Unknown && speaker.available()) {
                r.registrationStopped = true;  // an inactive elder hears a sentence of their own
                speaker.pcm(KioskSpeaker::pinyinFor(r));
            }
        }
    };
    const char* exitEarly = std::getenv("MEALHALL_EXIT_AFTER_FIRST_FRAME");
    // The loop wakes at least every half watchdog interval (else every minute) and proves it is alive.
    while (loop.step(service.maxWaitMs(60000))) {
        // Only when systemd watches: a WATCHDOG=1 after every frame otherwise fills a notify socket
        // nobody reads between the datagrams that matter, and sendmsg then blocks this thread — the
        // soak test's kiosk stopped taking scans that way (issue 14).
        if (service.watchdogOn()) service.alive();
        if (exitEarly && *exitEarly && loop.framesDrawn() >= 1) break;
    }
    if (wedgeFifo) wedgeFifo->stop();
    inputs.stop();  // join the camera threads while SDL is still up
    return kDone;
}

}  // namespace mh::gui

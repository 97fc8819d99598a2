// Live scan to result frame, offscreen: printed cards (card_render PNGs) replayed on the replay
// thread at camera-like pacing, decoded by the FramePipeline, de-bounced into the ScanInbox, woken
// UI thread applies the scan to the KioskController and renders the result frame with the software
// renderer. Latency from the frame's arrival to the frame drawn (p50/p99), beside the decode stage
// alone (arrival -> scan posted) measured on the same scans as the baseline.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>
#include <unistd.h>

#include "kiosk/render/screenshot.hpp"
#include "offscreen_frame.hpp"
#include "kiosk/input/scan_inbox.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "platform/cards/card_render.hpp"
#include "platform/input/replay_source.hpp"
#include "shared/cards/card_signature.hpp"
#include "shared/roster/roster_import.hpp"

using namespace mh;
namespace fs = std::filesystem;

namespace {
std::string idNumber(int i) {
    static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    char d17[18];
    std::snprintf(d17, sizeof d17, "141022%04d%02d%02d%03d", 1930 + i % 30, 1 + i % 12, 1 + i % 28, i % 1000);
    int sum = 0;
    for (int k = 0; k < 17; ++k) sum += (d17[k] - '0') * w[k];
    return std::string(d17) + "10X98765432"[sum % 11];
}

double pct(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}
}  // namespace

int main() {
    const int kCards = 60;
    fs::path dir = fs::temp_directory_path() / ("mealhall-bench-live-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    {
        auto created = Site::init(dir / "site", "141022-001", "基准测试食堂");
        if (!created) return 1;
    }
    fs::copy_file(fs::path(MEALHALL_ASSETS_DIR) / "demo/site.toml", dir / "site/site.toml",
                  fs::copy_options::overwrite_existing);
    auto site = std::move(*Site::open(dir / "site"));
    std::ostringstream csv;
    csv << "elder_id,name,id_number,categories,village\n";
    const char* given[] = {"桂兰", "建国", "秀英", "德胜", "玉珍", "福来"};
    for (int i = 0; i < kCards; ++i) csv << "L" << i << ",张" << given[i % 6] << "," << idNumber(i) << ",dibao,北关村\n";
    LocalDate today = LocalDate::of(2026, 11, 25);
    if (!importRoster(*site, csv.str(), today, "2026-11-25T08:00:00+08:00", "bench")) return 1;
    fs::create_directories(dir / "cards");
    for (int i = 0; i < kCards; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%03d.png", i);
        std::string id = "L" + std::to_string(i);
        if (!writeCardPng({"基准测试食堂", "张桂兰", id, "1", "北关村", signCard({id, "1"}, site->keys().card.sec)},
                          dir / "cards" / name))
            return 1;
    }

    // Tomorrow 11:00 local: a fake clock before the site's creation would have every scan refused by the
    // clock check (contract 3), and the bench would time refusals.
    FakeClock clock(site->timeZone().toUnix(LocalDateTime{site->timeZone().toLocal(SystemClock().nowUnix()).date, 11, 0, 0}) + 86400);
    ui::ImGuiSession session;
    ui::KioskController ctl(*site, clock);
    bench::OffscreenFrame offscreen(ctl.state(), 1280, 800, 10.1);
    offscreen.draw(ctl.state());

    // The kiosk's wiring: replay thread -> pipeline -> inbox (-> wake) -> UI thread.
    SteadyMonoClock mono;
    kiosk::ScanInbox inbox(mono);
    std::mutex mu;
    std::condition_variable cv;
    bool woken = false;
    inbox.setWake([&] {
        std::lock_guard lock(mu);
        woken = true;
        cv.notify_one();
    });
    std::map<std::string, std::int64_t> postedAt;  // payload -> when the pipeline handed it over
    ReplaySource replay(dir / "cards", mono, 100);  // the kiosk's decode options (20 ms budget)
    replay.start([&](const ScanEvent& e) {
        {
            std::lock_guard lock(mu);
            postedAt[e.payload] = mono.nowMs();
        }
        inbox.post(e);
    });
    std::vector<double> decodeMs, frameMs;
    int accepted = 0;
    auto deadline = mono.nowMs() + 60'000;
    while (int(frameMs.size()) < kCards && mono.nowMs() < deadline) {
        {
            std::unique_lock lock(mu);
            cv.wait_for(lock, std::chrono::milliseconds(500), [&] { return woken; });
            woken = false;
        }
        for (const auto& e : inbox.take()) {
            ctl.apply(ui::ScanCommand{e.payload});
            offscreen.draw(ctl.state());
            std::int64_t drawn = mono.nowMs();
            if (ctl.state().result && ctl.state().result->outcome == Outcome::Accepted) ++accepted;
            std::lock_guard lock(mu);
            frameMs.push_back(double(drawn - e.atMs));
            decodeMs.push_back(double(postedAt[e.payload] - e.atMs));
        }
    }
    replay.stop();
    fs::remove_all(dir);
    if (frameMs.empty()) {
        std::fprintf(stderr, "no scans came through\n");
        return 1;
    }
    double d50 = pct(decodeMs, 0.5), f50 = pct(frameMs, 0.5);
    std::printf("cards replayed %d, scans %zu, accepted %d (each card once)\n", kCards, frameMs.size(), accepted);
    std::printf("frame arrival -> scan posted (decode, baseline)  p50 %.0f ms  p99 %.0f ms\n", d50, pct(decodeMs, 0.99));
    std::printf("frame arrival -> result frame drawn 1280x800    p50 %.0f ms  p99 %.0f ms  (p50 %.1fx baseline)\n", f50,
                pct(frameMs, 0.99), d50 > 0 ? f50 / d50 : 0.0);
    std::vector<double> later(frameMs.begin() + 1, frameMs.end());
    std::printf("  first scan %.0f ms; the other %zu: p50 %.0f ms, max %.0f ms\n",
                frameMs.front(), later.size(), pct(later, 0.5), later.empty() ? 0.0 : pct(later, 1.0));
    return accepted == kCards ? 0 : 1;
}

// GUI benchmark, offscreen (no display): scan-to-frame latency with 3,000 elders against the bare
// engine scan as baseline in the same run, and memory (RSS) as the screens and atlas grow.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/render/screenshot.hpp"
#include "offscreen_frame.hpp"
#include "kiosk/ui/kiosk_controller.hpp"
#include "shared/checkin/checkin_engine.hpp"
#include "shared/roster/roster_import.hpp"

#include "bench/bench_memory.hpp"

using namespace mh;
using Clock_ = std::chrono::steady_clock;

namespace {
using bench::peakKb;
using bench::rssKb;

std::string idNumber(int i) {
    static const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    char d17[18];
    std::snprintf(d17, sizeof d17, "141022%04d%02d%02d%03d", 1930 + i % 30, 1 + i % 12, 1 + i % 28, i % 1000);
    int sum = 0;
    for (int k = 0; k < 17; ++k) sum += (d17[k] - '0') * w[k];
    return std::string(d17) + "10X98765432"[sum % 11];
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

int main() {
    const int kElders = 3000;
    auto dir = std::filesystem::temp_directory_path() / ("mealhall-bench-gui-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto created = Site::init(dir, "141022-001", "基准测试食堂");
    if (!created) return 1;
    created->reset();
    std::filesystem::copy_file(std::filesystem::path(MEALHALL_ASSETS_DIR) / "demo/site.toml", dir / "site.toml",
                               std::filesystem::copy_options::overwrite_existing);
    auto site = std::move(*Site::open(dir));
    // 3,000 elders with names from common surnames and given-name characters (many distinct glyphs).
    const char* sur[] = {"张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    const char* giv[] = {"桂", "兰", "秀", "英", "淑", "珍", "玉", "凤", "建", "国", "福", "来", "德", "胜", "长", "顺", "保", "金",
                         "山", "永", "发", "天", "明", "有", "财", "志", "强", "梅", "芬", "春", "花", "振", "华", "宝", "素", "香"};
    std::ostringstream csv;
    csv << "elder_id,name,id_number,categories,village\n";
    for (int i = 0; i < kElders; ++i)
        csv << "B" << i << "," << sur[i % 20] << giv[(i / 20) % 36] << giv[(i / 7) % 36] << "," << idNumber(i) << ","
            << (i % 3 ? "dibao" : "") << ",村" << (i % 5) << "\n";
    LocalDate today = LocalDate::of(2026, 11, 25);
    auto imported = importRoster(*site, csv.str(), today, "2026-11-25T08:00:00+08:00", "bench");
    if (!imported || imported->added != kElders) {
        std::fprintf(stderr, "import failed\n");
        return 1;
    }
    long rssSite = rssKb(), peakSite = peakKb();
    // Tomorrow 11:00 local: a fake clock before the site's creation would have every scan refused by the
    // clock check (contract 3), and the bench would time refusals.
    FakeClock clock(site->timeZone().toUnix(LocalDateTime{site->timeZone().toLocal(SystemClock().nowUnix()).date, 11, 0, 0}) + 86400);

    // Baseline: the engine's scan alone, first 100 elders.
    std::vector<double> engineMs;
    {
        CheckInEngine engine(*site, clock);
        for (int i = 0; i < 100; ++i) {
            auto t0 = Clock_::now();
            auto r = engine.scan(ScanRequest{idNumber(i), ServiceId("lunch"), std::nullopt, false});
            engineMs.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - t0).count());
            if (!r) return 1;
        }
    }

    // Scan to frame: the kiosk path (controller -> engine -> fonts -> ImGui -> software pixels).
    ui::ImGuiSession session;
    ui::KioskController ctl(*site, clock);
    bench::OffscreenFrame offscreen(ctl.state(), 1280, 800, 10.1);
    offscreen.draw(ctl.state());
    long rssFirstFrame = rssKb(), peakFirstFrame = peakKb();
    std::vector<double> frameMs;
    for (int i = 100; i < 200; ++i) {
        auto t0 = Clock_::now();
        ctl.apply(ui::ScanCommand{idNumber(i)});
        offscreen.draw(ctl.state());
        frameMs.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - t0).count());
        clock.advance(11);
    }
    // Every elder checked in, then the staff roster of all 3,000 (the biggest atlas).
    {
        CheckInEngine engine(*site, clock);
        for (int i = 200; i < kElders; ++i) (void)engine.scan(ScanRequest{idNumber(i), ServiceId("lunch"), std::nullopt, false});
    }
    ctl.loadRoster();
    ctl.state().screen = ui::ScreenId::Roster;
    auto t0 = Clock_::now();
    offscreen.draw(ctl.state());
    double rosterMs = std::chrono::duration<double, std::milli>(Clock_::now() - t0).count();
    long rssRoster = rssKb();

    double base = median(engineMs), frame = median(frameMs);
    std::printf("engine scan (baseline)        median %.2f ms\n", base);
    std::sort(frameMs.begin(), frameMs.end());
    std::printf("scan to frame 1280x800        median %.2f ms  (%.1fx baseline), p90 %.1f ms, max %.1f ms\n", frame,
                frame / base, frameMs[frameMs.size() * 9 / 10], frameMs.back());
    std::printf("roster of 3000, first frame   %.0f ms (atlas rebuilt with every name)\n", rosterMs);
    std::printf("RSS: site open %ld MB, first frame %ld MB, roster of 3000 %ld MB\n", rssSite / 1024,
                rssFirstFrame / 1024, rssRoster / 1024);
    // The roster import above peaks on its own; the fonts' peak shows as growth beyond it.
    std::printf("peak RSS: after roster import %ld MB, after the first frame %ld MB (goal: kiosk start under 150 MB)\n",
                peakSite / 1024, peakFirstFrame / 1024);
    std::filesystem::remove_all(dir);
    return 0;
}

// The monthly posting made by the kiosk itself: from the 1st of a month (and at start when it is
// missing) the previous month's posting is written to <site>/postings/ as PDF, PNG and CSV, sent to
// `[posting] printer` with lp when one is set, and summed up for the idle screen. It runs on its own
// thread with its own database connection, so the frame loop never waits for cairo, pango or lp.
#pragma once
#include <atomic>
#include <condition_variable>
#include <stop_token>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/ui/ops_state.hpp"
#include "shared/core/result.hpp"
#include "shared/posting/posting_print.hpp"
#include "shared/ports/clock.hpp"
#include "shared/site/site.hpp"

namespace mh::app {

struct PostingJobOptions {
    PrintFn print;                  // empty: print::printWithLp (posting_print.hpp)
    std::int64_t pollMs = 600'000;  // how often the thread looks at the date (a new month starts)
    // The first check waits this long, so drawing a posting at start does not compete with the
    // kiosk's first frames and font atlas on a slow panel computer.
    std::int64_t firstCheckDelayMs = 15'000;
};

// What one check did.
struct PostingCheck {
    std::string month;          // YYYY-MM checked (the previous month); empty when the site failed
    bool made = false;          // files written this time
    bool printed = false;       // lp took the job
    bool nothingToPost = false; // the month has no records and no donations: no posting made
    std::string error;          // Chinese, empty when all went through
};

class PostingJob {
public:
    PostingJob(std::filesystem::path siteDir, const Clock& clock, PostingJobOptions options = {});
    ~PostingJob();
    PostingJob(const PostingJob&) = delete;

    void start();
    void stop();

    // One check on the caller's thread (the job's thread calls it; tests call it directly).
    PostingCheck runOnce(Site& site);

    [[nodiscard]] std::optional<ui::PostingSummary> summary() const;
    [[nodiscard]] PostingCheck lastCheck() const;
    // For staff: 10月公示已生成，已送打印机 office / the last problem; empty before the first check.
    [[nodiscard]] std::string statusText() const;

    // Where the files of `month` (YYYY-MM) go.
    static std::filesystem::path folder(const std::filesystem::path& siteDir) { return siteDir / "postings"; }
    static std::filesystem::path pngPath(const std::filesystem::path& siteDir, const std::string& month);

private:
    void loop(std::stop_token stop);

    std::filesystem::path m_dir;
    const Clock& m_clock;
    PostingJobOptions m_opt;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;  // waits end early when the thread is asked to stop
    std::optional<ui::PostingSummary> m_summary;
    PostingCheck m_last;
    std::string m_status;
    std::jthread m_thread;  // last: joined before the members it reads are destroyed
};

}  // namespace mh::app

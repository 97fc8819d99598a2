// The kiosk's own monthly posting (see posting_job.hpp).
#include "kiosk/app/posting_job.hpp"

#include "kiosk/app/site_job_loop.hpp"

#include <iostream>

#include "kiosk/ui/posting_summary.hpp"
#include "platform/print/lp_printer.hpp"
#include "platform/print/posting_renderer.hpp"
#include "shared/posting/posting_print.hpp"
#include "shared/posting/produce_posting.hpp"

namespace mh::app {
namespace fs = std::filesystem;

PostingJob::PostingJob(fs::path siteDir, const Clock& clock, PostingJobOptions options)
    : m_dir(std::move(siteDir)), m_clock(clock), m_opt(std::move(options)) {
    if (!m_opt.print) m_opt.print = print::printWithLp;
}

PostingJob::~PostingJob() { stop(); }

fs::path PostingJob::pngPath(const fs::path& siteDir, const std::string& month) {
    return folder(siteDir) / ("posting-" + month + ".png");  // as postingFiles() names it
}

void PostingJob::start() {
    if (m_thread.joinable()) return;
    m_thread = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void PostingJob::stop() {
    m_thread.request_stop();  // wakes the waits below (condition_variable_any with the stop token)
    if (m_thread.joinable()) m_thread.join();
    m_thread = {};
}

std::optional<ui::PostingSummary> PostingJob::summary() const {
    std::lock_guard lock(m_mutex);
    return m_summary;
}

PostingCheck PostingJob::lastCheck() const {
    std::lock_guard lock(m_mutex);
    return m_last;
}

std::string PostingJob::statusText() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

PostingCheck PostingJob::runOnce(Site& site) {
    PostingCheck c;
    LocalDate today = site.timeZone().toLocal(m_clock.nowUnix()).date;
    const YearMonth due = monthToPost(today);
    c.month = yearMonthText(due.year, due.month);

    bool haveSummary = false;
    {
        std::lock_guard lock(m_mutex);
        haveSummary = m_summary && m_summary->month == c.month;
    }
    fs::path png = pngPath(m_dir, c.month);
    std::error_code ec;
    std::string monthZh = std::to_string(due.month) + "月";
    if (haveSummary && fs::exists(png, ec)) {
        std::lock_guard lock(m_mutex);
        m_last = c;
        return c;
    }

    // An existing PNG is kept (the sink renames it last, so it means a whole posting; a power cut
    // half way makes it again on the next check); the figures still come back for the idle screen.
    print::PostingRenderer renderer;
    auto produced = producePosting(site, renderer, {due.year, due.month, folder(m_dir), today, true, true});
    if (!produced) {
        c.error = produced.error().message;
    } else if (produced->nothingToPost) {
        c.nothingToPost = true;
    } else {
        if (produced->made) {
            c.made = true;
            PostingPrint printed = printPosting(site, produced->files.pdf, m_opt.print);
            c.printed = printed.sent && printed.result.ok();
            if (!printed.result) c.error = printed.result.error().message;
        }
        // The idle screen shows the posting once its PNG is there, even when the printer refused it.
        if (fs::exists(png, ec)) {
            std::lock_guard lock(m_mutex);
            m_summary = ui::postingSummary(produced->figures);
        }
    }
    std::lock_guard lock(m_mutex);
    m_last = c;
    const std::string printer = postingPrinter(site);
    if (!c.error.empty()) m_status = monthZh + "公示：" + c.error;
    else if (c.nothingToPost) m_status = monthZh + "没有需要公示的记录";
    else if (c.made && c.printed) m_status = monthZh + "公示已生成，已送打印机 " + printer;
    else if (c.made) m_status = monthZh + "公示已生成（没有设置打印机），文件在站点目录的 postings 里";
    else if (m_status.rfind(monthZh, 0) != 0) m_status = monthZh + "公示已生成，文件在站点目录的 postings 里";
    // (else: keep what was said about this month, e.g. that the printer refused it)
    return c;
}

void PostingJob::loop(std::stop_token stop) {
    runSiteJobLoop(stop, m_mutex, m_cv, m_dir, m_opt.firstCheckDelayMs, m_opt.pollMs, "公示生成出错：", [this](Site& site) {
        PostingCheck c = runOnce(site);
        if (c.made) std::cerr << "公示已生成：" << pngPath(m_dir, c.month).string() << (c.printed ? "，已送打印机" : "") << "\n";
        if (!c.error.empty()) std::cerr << "公示：" << c.error << "\n";
    });
}

}  // namespace mh::app

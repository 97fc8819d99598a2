// The kiosk's uploader and posting threads (see ops_services.hpp).
#include "kiosk/app/ops_services.hpp"

#include "platform/print/lp_printer.hpp"

namespace mh::app {

OpsServices::OpsServices(const std::filesystem::path& siteDir, const Clock& clock, HttpClientFactory http,
                         PostingJobOptions posting, BackgroundUploaderOptions upload)
    : m_uploader(siteDir, clock, std::move(http), upload), m_posting(siteDir, clock, std::move(posting)), m_backup(siteDir, clock) {}

void OpsServices::start() {
    m_uploader.start();
    m_posting.start();
    m_backup.start();
}

void OpsServices::stop() {
    // The posting job may be inside cairo for a second; the uploader aborts its request on stop.
    m_uploader.stop();
    m_posting.stop();
    m_backup.stop();
}

ui::OpsLink OpsServices::link() {
    ui::OpsLink l;
    l.wakeUpload = [this] { m_uploader.wakeUp(); };
    l.uploadRuns = [this] { return m_uploader.runs(); };
    l.posting = [this] { return m_posting.summary(); };
    l.postingStatus = [this] { return m_posting.statusText(); };
    l.backupStatus = [this] { return m_backup.statusText(); };
    l.printers = [] { return print::listLpPrinters(); };
    return l;
}

}  // namespace mh::app

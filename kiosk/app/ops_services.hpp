// The running kiosk's background work beside the frame loop: the county uploader and the monthly
// posting job, each on its own thread with its own database connection, started with the GUI and
// stopped when it closes. link() is what the controller gets: calls that never block the frame.
#pragma once
#include <filesystem>
#include <memory>

#include "kiosk/app/backup_job.hpp"
#include "kiosk/app/posting_job.hpp"
#include "kiosk/ui/ops_state.hpp"
#include "shared/upload/background_uploader.hpp"

namespace mh::app {

class OpsServices {
public:
    OpsServices(const std::filesystem::path& siteDir, const Clock& clock, HttpClientFactory http,
                PostingJobOptions posting = {}, BackgroundUploaderOptions upload = {});
    ~OpsServices() { stop(); }
    OpsServices(const OpsServices&) = delete;

    void start();
    void stop();
    [[nodiscard]] ui::OpsLink link();

    BackgroundUploader& uploader() { return m_uploader; }
    PostingJob& posting() { return m_posting; }

private:
    BackgroundUploader m_uploader;
    PostingJob m_posting;
    BackupJob m_backup;  // the nightly copy to the USB stick ([backup] in site.toml)
};

}  // namespace mh::app

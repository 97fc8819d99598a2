// HttpClient over libcurl: TLS verified (system CA store or a given bundle), connect and total
// timeouts, proxies from the usual environment variables (libcurl's default), and one easy handle
// kept for the client's life so a backlog of tallies goes over one kept-alive connection.
#pragma once
#include <atomic>
#include <filesystem>
#include <string>

#include "shared/ports/http_client.hpp"
#include "shared/site/site_config.hpp"
#include "shared/upload/background_uploader.hpp"

namespace mh {

struct CurlOptions {
    long connectTimeoutMs = 10'000;
    long totalTimeoutMs = 30'000;    // whole request, including a slow answer
    std::string caBundle;            // empty: the system's CA store
    const std::atomic<bool>* abort = nullptr;  // when set to true, a request in flight is abandoned
};

class CurlHttpClient final : public HttpClient {
public:
    explicit CurlHttpClient(CurlOptions options = {});
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    HttpResponse send(const HttpRequest& request) override;

private:
    CurlOptions m_opt;
    void* m_curl = nullptr;  // CURL*, kept so connections are reused
};

// The options for a site: its [upload] ca_bundle (relative to the site directory) and default timeouts.
CurlOptions curlOptionsFor(const SiteConfig& cfg, const std::filesystem::path& siteDir);

// What the GUI hands to BackgroundUploader: a curl client per uploader thread that aborts on stop.
HttpClientFactory curlClientFactory(std::filesystem::path siteDir);

}  // namespace mh

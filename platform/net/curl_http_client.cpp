#include "platform/net/curl_http_client.hpp"

#include "platform/net/curl_library.hpp"

#include <algorithm>

namespace mh {
namespace {

struct BodySink {
    HttpResponse* resp;
    std::size_t limit;
};

// Keeps at most `limit` bytes; past it, ends the transfer (curl then drops the connection), so an
// endless body costs neither memory nor time. The status line and headers have already arrived.
size_t onBody(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<BodySink*>(user);
    const size_t len = size * n;
    std::string& body = sink->resp->body;
    if (body.size() + len > sink->limit) {
        body.append(data, sink->limit - body.size());
        sink->resp->bodyTruncated = true;
        return 0;  // CURLE_WRITE_ERROR: the rest is discarded
    }
    body.append(data, len);
    return len;
}

// libcurl's codes for a peer that could not be verified or a CA bundle that could not be used.
bool isCertificateProblem(CURLcode rc) {
    switch (rc) {
        case CURLE_PEER_FAILED_VERIFICATION:  // also CURLE_SSL_CACERT in this libcurl
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return true;
        default:
            return false;
    }
}

size_t onHeader(char* data, size_t size, size_t n, void* user) {
    auto* resp = static_cast<HttpResponse*>(user);
    std::string line(data, size * n);
    if (line.rfind("HTTP/", 0) == 0) resp->headers.clear();  // a new response (after 100 Continue)
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
        resp->headers[name] = value;
    }
    return size * n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* abort = static_cast<const std::atomic<bool>*>(user);
    return abort && abort->load() ? 1 : 0;
}

}  // namespace

CurlHttpClient::CurlHttpClient(CurlOptions options) : m_opt(std::move(options)) {
    const CurlLibrary& curl = curlLibrary();
    if (curl.ok()) m_curl = curl.easy_init();
}

CurlHttpClient::~CurlHttpClient() {
    if (m_curl) curlLibrary().easy_cleanup(static_cast<CURL*>(m_curl));
}

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
    HttpResponse resp;
    const CurlLibrary& curl = curlLibrary();
    CURL* c = static_cast<CURL*>(m_curl);
    if (!c) {
        resp.transport = Transport::Failed;
        resp.error = curl.ok() ? "curl_easy_init failed" : curl.problem;
        return resp;
    }
    // Reset the options of the last request but keep the connection cache (keep-alive).
    curl.easy_reset(c);
    curl.easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in the uploader thread
    curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, m_opt.connectTimeoutMs);
    curl.easy_setopt(c, CURLOPT_TIMEOUT_MS, m_opt.totalTimeoutMs);
    curl.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_opt.caBundle.empty()) curl.easy_setopt(c, CURLOPT_CAINFO, m_opt.caBundle.c_str());
    curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would drop the Authorization header anyway
    curl.easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    BodySink sink{&resp, request.maxBodyBytes};
    curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl.easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    // A declared length past the limit is refused before the body starts.
    curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes));
    curl.easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl.easy_setopt(c, CURLOPT_HEADERDATA, &resp);
    curl.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl.easy_setopt(c, CURLOPT_XFERINFODATA, m_opt.abort);
    curl_slist* headers = nullptr;
    for (const auto& [k, v] : request.headers) headers = curl.slist_append(headers, (k + ": " + v).c_str());
    if (request.method == "POST") {
        curl.easy_setopt(c, CURLOPT_POST, 1L);
        curl.easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
        curl.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        headers = curl.slist_append(headers, "Expect:");  // no 100-continue round trip for a small body
    } else {
        curl.easy_setopt(c, CURLOPT_HTTPGET, 1L);
    }
    curl.easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    char detail[CURL_ERROR_SIZE] = {};  // "Recv failure: Connection reset by peer" rather than the generic text
    curl.easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    CURLcode rc = curl.easy_perform(c);
    curl.easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
    curl.slist_free_all(headers);
    long status = 0;
    curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    // A body cut at the limit (or announced past it) is still an answer: the status line decides.
    if ((rc == CURLE_WRITE_ERROR && resp.bodyTruncated) || (rc == CURLE_FILESIZE_EXCEEDED && status > 0)) {
        resp.bodyTruncated = true;
        resp.status = int(status);
        return resp;
    }
    if (rc != CURLE_OK) {
        resp.transport = rc == CURLE_OPERATION_TIMEDOUT      ? Transport::Timeout
                         : rc == CURLE_ABORTED_BY_CALLBACK   ? Transport::Cancelled
                         : isCertificateProblem(rc)          ? Transport::Certificate
                                                             : Transport::Failed;
        resp.error = detail[0] ? detail : curl.easy_strerror(rc);
        resp.status = 0;
        return resp;
    }
    resp.status = int(status);
    return resp;
}

CurlOptions curlOptionsFor(const SiteConfig& cfg, const std::filesystem::path& siteDir) {
    CurlOptions o;
    o.caBundle = cfg.caBundle;
    if (!o.caBundle.empty() && std::filesystem::path(o.caBundle).is_relative()) o.caBundle = (siteDir / o.caBundle).string();
    return o;
}

HttpClientFactory curlClientFactory(std::filesystem::path siteDir) {
    return [dir = std::move(siteDir)](const SiteConfig& cfg, const std::atomic<bool>& stop) -> std::unique_ptr<HttpClient> {
        CurlOptions o = curlOptionsFor(cfg, dir);
        o.abort = &stop;
        return std::make_unique<CurlHttpClient>(o);
    };
}

}  // namespace mh

// The network port: one HTTP request in, one response (or a transport failure) out. Implemented with
// libcurl in platform/net; the core (outbox, uploader, roster pull) only ever sees this interface.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mh {

struct HttpRequest {
    std::string method = "GET";  // GET | POST
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;  // "Authorization", "Bearer ..."
    std::string body;
    // The most of the reply body kept; the rest is discarded and the connection dropped, so an
    // endless or huge answer can never grow the kiosk's memory (contract 8: 1 MiB for a tally reply).
    std::size_t maxBodyBytes = kDefaultMaxBodyBytes;
    static constexpr std::size_t kDefaultMaxBodyBytes = 1024 * 1024;
};

// Certificate: the TLS peer could not be verified (unknown or expired certificate, broken CA bundle):
// a configuration problem for staff, not a network outage.
enum class Transport { Ok, Timeout, Failed, Cancelled, Certificate };

struct HttpResponse {
    Transport transport = Transport::Ok;  // anything but Ok: no status, `error` says what happened
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased; the last value of a repeated header
    std::string body;
    bool bodyTruncated = false;  // the body went past the request's maxBodyBytes (status and headers are real)
    std::string error;  // transport failure in the library's words (for the log, not for staff)

    [[nodiscard]] const std::string* header(const std::string& lowerName) const {
        auto it = headers.find(lowerName);
        return it == headers.end() ? nullptr : &it->second;
    }
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    // Blocks until the response, the timeout or a cancel. Never throws for network trouble.
    virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace mh

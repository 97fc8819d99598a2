// How a long-running worker (the background uploader) gets its HTTP client: made on the worker's own
// thread once the site is open, with a flag the client watches so a request in flight is abandoned
// the moment the worker is told to stop (the curl client checks it in its progress callback).
// Kept apart from http_client.hpp so a caller that only sends requests does not see it.
#pragma once
#include <atomic>
#include <functional>
#include <memory>

#include "shared/ports/http_client.hpp"

namespace mh {

struct SiteConfig;

// `stop` is set when the worker stops; it outlives the client.
using HttpClientFactory = std::function<std::unique_ptr<HttpClient>(const SiteConfig& cfg, const std::atomic<bool>& stop)>;

}  // namespace mh

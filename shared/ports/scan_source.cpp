// The real monotonic clock for scan timing.
#include "shared/ports/scan_source.hpp"

#include <chrono>

namespace mh {

std::int64_t SteadyMonoClock::nowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace mh

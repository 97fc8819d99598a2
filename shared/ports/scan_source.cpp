// The real monotonic clock for scan timing (the MonoClock port, shared/ports/clock.hpp).
#include "shared/ports/clock.hpp"

#include <chrono>

namespace mh {

std::int64_t SteadyMonoClock::nowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace mh

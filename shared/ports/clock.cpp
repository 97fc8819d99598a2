// The real clocks behind the ports of shared/ports/clock.hpp: the only place in shared/ that reads
// std::chrono's clocks (everything else is handed a Clock or MonoClock, so tests can pin time).
#include "shared/ports/clock.hpp"

#include <chrono>

namespace mh {

std::int64_t SystemClock::nowUnix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t SteadyMonoClock::nowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

const MonoClock& steadyMonoClock() {
    static const SteadyMonoClock clock;
    return clock;
}

}  // namespace mh

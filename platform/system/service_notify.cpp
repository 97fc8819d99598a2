// sd_notify through libsystemd (see service_notify.hpp).
#include "platform/system/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>

namespace mh::platform {

ServiceNotify::ServiceNotify() {
    std::uint64_t usec = 0;
    // 0 = environment kept: the interval is read once here, and children (none today) are not ours to judge.
    if (sd_watchdog_enabled(0, &usec) > 0) m_watchdogUsec = usec;
}

// sd_notify returns 0 when NOTIFY_SOCKET is unset, < 0 on error, > 0 when sent.
bool ServiceNotify::ready() const { return sd_notify(0, "READY=1\nSTATUS=请刷卡") > 0; }

bool ServiceNotify::alive() const { return sd_notify(0, "WATCHDOG=1") > 0; }

int ServiceNotify::maxWaitMs(int normalMs) const {
    if (m_watchdogUsec == 0) return normalMs;
    // Half the interval, so one late wake-up (a slow frame, a busy CPU) still beats the deadline.
    auto half = static_cast<long long>(m_watchdogUsec / 2000);
    return static_cast<int>(std::clamp<long long>(half, 1, normalMs));
}

}  // namespace mh::platform

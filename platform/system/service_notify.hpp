// Telling systemd how the kiosk is doing (sd_notify): READY=1 once the first frame is on the screen,
// WATCHDOG=1 from the main loop so a hung kiosk is restarted. The only place that includes systemd's
// headers. Started without systemd (NOTIFY_SOCKET unset: a shell, a test, `kiosk demo`) it does nothing.
#pragma once

namespace mh::platform {

class ServiceNotify {
public:
    // Reads the watchdog interval systemd handed this process (WATCHDOG_USEC / WATCHDOG_PID) once.
    ServiceNotify();

    // True when systemd took the message; false without systemd or when sending failed (never fatal).
    bool ready() const;
    bool alive() const;

    // The longest the main loop may sleep between two alive() calls: half the watchdog interval when
    // systemd watches this process, else `normalMs` unchanged.
    [[nodiscard]] int maxWaitMs(int normalMs) const;
    [[nodiscard]] bool watchdogOn() const { return m_watchdogUsec > 0; }

private:
    unsigned long long m_watchdogUsec = 0;
};

}  // namespace mh::platform

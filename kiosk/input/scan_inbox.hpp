// Where scans from every input meet on their way to the screen: the camera's and the replay's
// threads post, the UI thread takes them between frames as ScanCommands. The one de-bouncer on the
// scan path (the sources hand over every sighting): a card held in front of the camera for many
// frames, re-sent by a scanner in continuous mode, or read by the wedge scanner while the camera
// also sees it checks in once, and the "accepted" screen is not replaced a moment later by
// "already checked in".
#pragma once
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "kiosk/ui/kiosk_state.hpp"
#include "shared/input/scan_debouncer.hpp"
#include "shared/ports/scan_source.hpp"

namespace mh::kiosk {

class ScanInbox {
public:
    // clock: the inbox's own time base for the de-bouncer (sources stamp events on different clocks).
    explicit ScanInbox(const MonoClock& clock, std::int64_t holdMs = kScanHoldMs) : m_clock(clock), m_debouncer(holdMs) {}

    // Called on the posting thread when the inbox goes from empty to not empty (wakes the UI loop).
    void setWake(std::function<void()> wake);
    // Any thread. Repeats of a payload within the hold time are dropped.
    void post(const ScanEvent& e);
    [[nodiscard]] ScanSink sink() {
        return [this](const ScanEvent& e) { post(e); };
    }
    // UI thread: the pending scans, oldest first.
    std::vector<ScanEvent> take();
    // UI thread: pending scans appended to the screen's command queue; returns how many.
    size_t drainInto(ui::CommandQueue& q);
    [[nodiscard]] std::uint64_t folded() const;

private:
    const MonoClock& m_clock;
    mutable std::mutex m_mu;
    ScanDebouncer m_debouncer;
    std::vector<ScanEvent> m_pending;
    std::function<void()> m_wake;
    std::uint64_t m_folded = 0;
};

}  // namespace mh::kiosk

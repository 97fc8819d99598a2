// The wake call is made outside the lock: it may block briefly (SDL's event queue has its own).
#include "kiosk/input/scan_inbox.hpp"

namespace mh::kiosk {

void ScanInbox::setWake(std::function<void()> wake) {
    std::lock_guard lock(m_mu);
    m_wake = std::move(wake);
}

void ScanInbox::post(const ScanEvent& e) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mu);
        if (!m_debouncer.admit(e.payload, m_clock.nowMs())) {
            ++m_folded;
            return;
        }
        // One wake per batch: the UI takes everything pending when it wakes.
        if (m_pending.empty()) wake = m_wake;
        m_pending.push_back(e);
    }
    if (wake) wake();
}

std::vector<ScanEvent> ScanInbox::take() {
    std::lock_guard lock(m_mu);
    return std::exchange(m_pending, {});
}

size_t ScanInbox::drainInto(ui::CommandQueue& q) {
    auto got = take();
    for (auto& e : got) q.push(ui::ScanCommand{std::move(e.payload)});
    return got.size();
}

std::uint64_t ScanInbox::folded() const {
    std::lock_guard lock(m_mu);
    return m_folded;
}

}  // namespace mh::kiosk

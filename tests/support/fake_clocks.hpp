// A monotonic clock tests step by hand (the MonoClock port, shared/ports/clock.hpp). The wall-clock
// FakeClock stays beside its port because the screenshot verb pins the time with it.
#pragma once
#include <atomic>
#include <cstdint>

#include "shared/ports/clock.hpp"

namespace mh {

// Atomic: the peer service reads it on its own threads (the claim book) while the test steps it.
class FakeMonoClock final : public MonoClock {
public:
    explicit FakeMonoClock(std::int64_t t = 0) : m_t(t) {}
    [[nodiscard]] std::int64_t nowMs() const override { return m_t.load(); }
    void set(std::int64_t t) { m_t = t; }
    void advance(std::int64_t ms) { m_t += ms; }

private:
    std::atomic<std::int64_t> m_t;
};

}  // namespace mh

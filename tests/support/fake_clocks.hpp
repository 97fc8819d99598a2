// A monotonic clock tests step by hand (the MonoClock port, shared/ports/clock.hpp). The wall-clock
// FakeClock stays beside its port because the screenshot verb pins the time with it.
#pragma once
#include <cstdint>

#include "shared/ports/clock.hpp"

namespace mh {

class FakeMonoClock final : public MonoClock {
public:
    explicit FakeMonoClock(std::int64_t t = 0) : m_t(t) {}
    [[nodiscard]] std::int64_t nowMs() const override { return m_t; }
    void set(std::int64_t t) { m_t = t; }
    void advance(std::int64_t ms) { m_t += ms; }

private:
    std::int64_t m_t;
};

}  // namespace mh

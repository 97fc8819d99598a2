// The two clocks the core may read, as ports: the wall clock (unix seconds, for dates, opening hours
// and records) and a monotonic clock (milliseconds, for scan timing). They are separate because
// scanning needs sub-second time that must not jump when staff set the wall clock. Nothing in
// shared/ calls std::chrono's clocks itself.
#pragma once
#include <cstdint>

namespace mh {

// The only source of "now" for the core: the engine never reads the system clock itself.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::int64_t nowUnix() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] std::int64_t nowUnix() const override;  // shared/core/dates.cpp
};

// A wall clock that says what it was set to: tests, benchmarks, and the screenshot verb, which draws
// a screen as it looks at a given time (so it is not only a test fake and stays beside the port).
class FakeClock final : public Clock {
public:
    explicit FakeClock(std::int64_t t = 0) : m_t(t) {}
    [[nodiscard]] std::int64_t nowUnix() const override { return m_t; }
    void set(std::int64_t t) { m_t = t; }
    void advance(std::int64_t seconds) { m_t += seconds; }

private:
    std::int64_t m_t;
};

// Monotonic milliseconds, for de-bouncing scans and measuring latency.
class MonoClock {
public:
    virtual ~MonoClock() = default;
    [[nodiscard]] virtual std::int64_t nowMs() const = 0;
};

// CLOCK_MONOTONIC (libstdc++'s steady_clock): one clock for every process of the machine, which the
// claim book relies on (its rows are shared between the processes of a terminal).
class SteadyMonoClock final : public MonoClock {
public:
    [[nodiscard]] std::int64_t nowMs() const override;  // shared/ports/clock.cpp
};

// One SteadyMonoClock for the whole process: the default of the classes that take a MonoClock, so a
// caller that has no reason to pick a clock need not own one.
const MonoClock& steadyMonoClock();

}  // namespace mh

// Timing helpers shared by the benchmarks.
#pragma once
#include <algorithm>
#include <chrono>

namespace mh::bench {

inline double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Best of `runs`: the machine is shared, so the minimum is the least disturbed measurement.
template <class F>
double best(int runs, F f) {
    double b = 1e9;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        b = std::min(b, secondsSince(t0));
    }
    return b;
}

}  // namespace mh::bench

// Waiting in tests for something another thread does: poll a condition until it holds or a deadline
// passes, instead of sleeping a fixed time and hoping. Returns whether it held, so the assertion
// after it fails (with the test's own message) when the behaviour broke, and a slow machine only
// makes the test slower, not red.
#pragma once
#include <chrono>
#include <thread>

namespace mh::test {

// Checks `pred` every `poll` until it returns true (-> true) or `timeout` has passed (-> false, after
// one last check).
template <class Pred>
bool waitUntil(Pred&& pred, std::chrono::milliseconds timeout = std::chrono::seconds(5),
               std::chrono::milliseconds poll = std::chrono::milliseconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= deadline) return pred();
        std::this_thread::sleep_for(poll);
    }
    return true;
}

}  // namespace mh::test

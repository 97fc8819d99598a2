// The loop of the kiosk's background jobs (monthly posting, nightly backup): wait a little after
// start so the first frames come first, then check every poll interval on the job's own connection to
// the site, reopened after a failure, until asked to stop.
#pragma once
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>

#include "shared/site/site.hpp"

namespace mh::app {

// `check` runs with the site open; an exception is logged after `failureWords` and the site reopened.
template <class Check>
void runSiteJobLoop(std::stop_token stop, std::mutex& mutex, std::condition_variable_any& cv,
                    const std::filesystem::path& dir, std::int64_t firstDelayMs, std::int64_t pollMs,
                    const char* failureWords, Check check) {
    auto pause = [&](std::int64_t ms) {
        std::unique_lock lock(mutex);
        cv.wait_for(lock, stop, std::chrono::milliseconds(ms), [] { return false; });
    };
    pause(firstDelayMs);
    std::unique_ptr<Site> site;
    while (!stop.stop_requested()) {
        try {
            if (!site) {
                auto opened = Site::open(dir);
                if (opened) site = std::move(*opened);
            }
            if (site) check(*site);
        } catch (const std::exception& e) {
            std::cerr << failureWords << e.what() << "\n";
            site.reset();
        }
        pause(pollMs);
    }
}

}  // namespace mh::app

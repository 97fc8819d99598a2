// Runs build/bin/kiosk the way a user would (a child process), capturing stdout and the exit code.
#pragma once
#include <string>
#include <vector>

namespace mh::test {

struct KioskRun {
    int exitCode = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Arguments are passed without a shell, so payloads and Chinese text need no quoting.
KioskRun runKiosk(const std::vector<std::string>& args);

}  // namespace mh::test

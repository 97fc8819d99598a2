// Runs a program the way a user or a script would, capturing its output and exit code.
#pragma once
#include <string>
#include <vector>

namespace mh::test {

struct ProcessResult {
    int exitCode = -1;  // -1: did not exit normally
    std::string out;
    std::string err;
};

// argv[0] is the program path. Waits for it to finish.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "");

// The kiosk executable under test (build/bin/kiosk).
std::string kioskExe();
ProcessResult kiosk(const std::vector<std::string>& args);

}  // namespace mh::test

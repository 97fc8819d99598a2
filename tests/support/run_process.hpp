// Runs a program the way a user or a script would, capturing its output and exit code.
#pragma once
#include <string>
#include <vector>

namespace mh::test {

struct ProcessResult {
    int exitCode = -1;  // -1: did not exit normally
    std::string out;
    std::string err;
    // Peak resident memory of the child, from wait4's rusage (kB). It includes what the test process
    // had resident when it forked, so a test measuring it keeps big data in files, not in memory.
    long maxRssKb = 0;
};

// argv[0] is the program path; no shell, so payloads and Chinese text need no quoting. Waits for it.
ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "");

// Starts argv without waiting, stdout and stderr into the given files (for tests that kill it).
int spawnProcess(const std::vector<std::string>& argv, const std::string& outPath, const std::string& errPath);
// Waits for a spawned child: its exit code, or minus the signal that killed it.
int waitExit(int pid);

// The kiosk executable under test (build/bin/kiosk).
std::string kioskExe();
ProcessResult kiosk(const std::vector<std::string>& args);
// `kiosk args...` started without waiting (see spawnProcess).
int spawnKiosk(const std::vector<std::string>& args, const std::string& outPath, const std::string& errPath);

}  // namespace mh::test

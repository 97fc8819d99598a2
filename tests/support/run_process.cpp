#include "support/run_process.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "support/test_site.hpp"

namespace mh::test {

namespace {

pid_t start(const std::vector<std::string>& argv, const std::string& inPath, const std::string& outPath,
            const std::string& errPath) {
    pid_t pid = ::fork();
    if (pid == 0) {
        int in = ::open(inPath.c_str(), O_RDONLY);
        int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

}  // namespace

int spawnProcess(const std::vector<std::string>& argv, const std::string& outPath, const std::string& errPath) {
    return start(argv, "/dev/null", outPath, errPath);
}

int waitExit(int pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText) {
    TempDir tmp;
    std::string outPath = (tmp.path() / "out").string(), errPath = (tmp.path() / "err").string(),
                inPath = (tmp.path() / "in").string();
    writeFile(inPath, stdinText);
    ProcessResult r;
    int status = 0;
    struct rusage usage {};
    ::wait4(start(argv, inPath, outPath, errPath), &status, 0, &usage);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.maxRssKb = usage.ru_maxrss;
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    return r;
}

std::string kioskExe() { return KIOSK_EXE; }

int spawnKiosk(const std::vector<std::string>& args, const std::string& outPath, const std::string& errPath) {
    std::vector<std::string> argv{kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return spawnProcess(argv, outPath, errPath);
}

ProcessResult kiosk(const std::vector<std::string>& args) {
    std::vector<std::string> argv{kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

}  // namespace mh::test

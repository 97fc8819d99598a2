#include "support/run_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "support/test_site.hpp"

namespace mh::test {

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText) {
    TempDir tmp;
    std::string outPath = (tmp.path() / "out").string(), errPath = (tmp.path() / "err").string(),
                inPath = (tmp.path() / "in").string();
    writeFile(inPath, stdinText);
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
    int status = 0;
    ::waitpid(pid, &status, 0);
    ProcessResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    return r;
}

std::string kioskExe() { return KIOSK_EXE; }

ProcessResult kiosk(const std::vector<std::string>& args) {
    std::vector<std::string> argv{kioskExe()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

}  // namespace mh::test

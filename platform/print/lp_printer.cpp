#include "platform/print/lp_printer.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

extern char** environ;

namespace mh::print {

Status printWithLp(const std::string& printer, const std::filesystem::path& file) {
    std::string path = file.string();
    std::vector<std::string> args{"lp", "-d", printer, "--", path};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // lp prints "request id is ..." on stdout; keep the verb's stdout for its JSON.
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "lp", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return Error{"print.lp_missing", "找不到打印命令 lp（请安装 cups-client 并设置打印机），公示文件已生成，请手动打印",
                     "the lp command is missing (install cups-client and set up the printer); the files are written, print them by hand"};
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{"print.lp_failed", "打印机 \"" + printer + "\" 没有接受打印任务（打印机名是否正确、是否开机？），公示文件已生成",
                     "printer \"" + printer + "\" did not accept the job (is the name right, is it on?); the files are written"};
    return okStatus();
}

std::vector<std::string> listLpPrinters() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return {};
    std::vector<std::string> args{"lpstat", "-e"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "lpstat", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(fds[1]);
    std::string out;
    if (rc == 0) {
        char buf[4096];
        ssize_t n = 0;
        // Bounded: a printer list is short; more than 64 KiB is not one.
        while (out.size() < 65536 && ((n = ::read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)))
            if (n > 0) out.append(buf, size_t(n));
    }
    ::close(fds[0]);
    if (rc != 0) return {};
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    std::vector<std::string> names;
    size_t start = 0;
    while (start < out.size() && names.size() < 32) {
        size_t end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        std::string name = out.substr(start, end - start);
        if (!name.empty() && name.size() < 128 && name.find_first_of(" \t/") == std::string::npos) names.push_back(name);
        start = end + 1;
    }
    return names;
}

}  // namespace mh::print

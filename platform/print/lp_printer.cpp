#include "platform/print/lp_printer.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

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

}  // namespace mh::print

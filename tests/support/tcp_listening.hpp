// Whether anything on this machine listens on a TCP port, read from /proc/net/tcp and tcp6 (state
// 0A is LISTEN): how the tests see that a kiosk opened no port, without connecting to it.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace mh::test {

inline bool tcpListening(int port) {
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream in(table);
        std::string line;
        std::getline(in, line);  // the header
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state;
            fields >> slot >> local >> remote >> state;
            auto colon = local.rfind(':');
            if (colon == std::string::npos || state != "0A") continue;
            if (std::stoi(local.substr(colon + 1), nullptr, 16) == port) return true;
        }
    }
    return false;
}

// Whether process `pid` holds a listening TCP socket (any address, any port): its socket inodes
// (/proc/PID/fd) against the LISTEN rows of /proc/net/tcp and tcp6.
inline bool processListens(int pid) {
    std::set<std::string> inodes;
    std::error_code ec;
    for (const auto& fd : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
        std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
        if (target.rfind("socket:[", 0) == 0) inodes.insert(target.substr(8, target.size() - 9));
    }
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::ifstream in(table);
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string f[10];
            for (auto& x : f) fields >> x;  // sl local rem st queues tr retrnsmt uid timeout inode
            if (f[3] == "0A" && inodes.count(f[9])) return true;
        }
    }
    return false;
}

}  // namespace mh::test

// The soak test's machinery (see soak_rig.hpp).
#include "soak/soak_rig.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/run_process.hpp"

namespace mh::soak {
namespace fs = std::filesystem;

VirtualDisplay::VirtualDisplay() {
    if (!fs::exists("/usr/bin/Xvfb")) return;
    for (int n = 200 + ::getpid() % 500, tries = 0; tries < 20; ++n, ++tries) {
        fs::path sock = "/tmp/.X11-unix/X" + std::to_string(n);
        if (fs::exists(sock) || fs::exists("/tmp/.X" + std::to_string(n) + "-lock")) continue;
        m_name = ":" + std::to_string(n);
        m_pid = test::spawnProcess({"/usr/bin/Xvfb", m_name, "-screen", "0", "1024x768x24", "-nolisten", "tcp"},
                                   "/dev/null", "/dev/null");
        // Ready once its socket exists; a server that lost a race for the number exits at once.
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (!fs::exists(sock) && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (fs::exists(sock) && ::kill(m_pid, 0) == 0) return;
        ::kill(m_pid, SIGKILL);
        test::waitExit(m_pid);
        m_pid = -1;
    }
}

VirtualDisplay::~VirtualDisplay() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);
    test::waitExit(m_pid);
}

NotifySocket::NotifySocket(const fs::path& path) : m_path(path) {
    fs::remove(m_path);
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", m_path.c_str());
    if (m_fd < 0 || m_path.string().size() >= sizeof(addr.sun_path) ||
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0)
        throw std::runtime_error("cannot bind the notify socket " + m_path.string());
}

NotifySocket::~NotifySocket() {
    if (m_fd >= 0) ::close(m_fd);
    fs::remove(m_path);
}

bool NotifySocket::waitReady(int ms) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0) continue;
        char buf[4096];
        ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n > 0 && std::string(buf, size_t(n)).find("READY=1") != std::string::npos) return true;
    }
}

WedgePipe::WedgePipe(const fs::path& path) : m_path(path) {
    if (::mkfifo(m_path.c_str(), 0600) != 0 && errno != EEXIST) throw std::runtime_error("mkfifo " + m_path.string());
    m_fd = ::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0) throw std::runtime_error("cannot open " + m_path.string());
}

WedgePipe::~WedgePipe() {
    if (m_fd >= 0) ::close(m_fd);
    fs::remove(m_path);
}

bool WedgePipe::type(const std::string& payload) {
    std::string line = payload + "\n";  // well under PIPE_BUF: written whole or not at all
    return ::write(m_fd, line.data(), line.size()) == ssize_t(line.size());
}

std::vector<JournalScan> readJournalScans(const fs::path& stdoutFile) {
    std::vector<JournalScan> out;
    std::ifstream in(stdoutFile);
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("outcome")) continue;
        JournalScan s;
        s.outcome = j.value("outcome", "");
        s.recordId = j.value("record_id", std::int64_t(0));
        s.elderId = j.value("elder_id", "");
        out.push_back(s);
    }
    return out;
}

}  // namespace mh::soak

// The soak test's machinery around the real kiosk process: a virtual display (Xvfb), the systemd
// notify socket that tells when a started kiosk has its first frame up, the named pipe a test
// scanner types into (`kiosk run --wedge-fifo`), and the kiosk's journal lines read back.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mh::soak {

// An Xvfb server on a free display number; `ok()` false when Xvfb is not installed or did not start.
class VirtualDisplay {
public:
    VirtualDisplay();
    ~VirtualDisplay();
    VirtualDisplay(const VirtualDisplay&) = delete;
    [[nodiscard]] bool ok() const { return m_pid > 0; }
    [[nodiscard]] const std::string& name() const { return m_name; }

private:
    int m_pid = -1;
    std::string m_name;
};

// The socket systemd names in NOTIFY_SOCKET for a Type=notify service (the kiosk sends READY=1 once
// its first frame is on the screen).
class NotifySocket {
public:
    explicit NotifySocket(const std::filesystem::path& path);
    ~NotifySocket();
    NotifySocket(const NotifySocket&) = delete;
    [[nodiscard]] std::string path() const { return m_path.string(); }
    // Waits up to `ms` for a READY=1 datagram; older datagrams are read and dropped.
    bool waitReady(int ms);

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

// The writing end of the scanner pipe, opened read-write so it never blocks and the pipe stays
// open across kiosk restarts.
class WedgePipe {
public:
    explicit WedgePipe(const std::filesystem::path& path);
    ~WedgePipe();
    WedgePipe(const WedgePipe&) = delete;
    [[nodiscard]] std::string path() const { return m_path.string(); }
    bool type(const std::string& payload);  // one scan: the payload and Enter

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

// One JSON line the kiosk wrote to its journal (stdout) for a scan, after the engine committed it.
struct JournalScan {
    std::string outcome;
    std::int64_t recordId = 0;
    std::string elderId;
};
// Every complete scan line in a kiosk's stdout file (a line cut short by SIGKILL is skipped).
std::vector<JournalScan> readJournalScans(const std::filesystem::path& stdoutFile);

}  // namespace mh::soak

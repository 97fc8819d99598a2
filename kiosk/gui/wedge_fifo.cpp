// Typing lines from a named pipe into SDL's event queue (see wedge_fifo.hpp).
#include "kiosk/gui/wedge_fifo.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>

namespace mh::gui {

WedgeFifo::WedgeFifo(std::filesystem::path path, int charGapMs) : m_path(std::move(path)), m_gapMs(charGapMs) {}

WedgeFifo::~WedgeFifo() { stop(); }

Status WedgeFifo::start() {
    if (::mkfifo(m_path.c_str(), 0600) != 0 && errno != EEXIST)
        return Error{"input.wedge_fifo", "无法建立扫码枪测试管道：" + m_path.string() + "：" + std::strerror(errno),
                     "cannot make the wedge test pipe " + m_path.string() + ": " + std::strerror(errno)};
    // Read-write, so the pipe never reads as closed between two writers (the test restarts its writer
    // and the kiosk alike); non-blocking, so poll() below decides when to wait.
    m_fd = ::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    struct stat st {};
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0 || !S_ISFIFO(st.st_mode)) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        return Error{"input.wedge_fifo", "扫码枪测试管道打不开：" + m_path.string(),
                     "the wedge test pipe cannot be opened (not a pipe?): " + m_path.string()};
    }
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wake < 0) {
        ::close(m_fd);
        m_fd = -1;
        return Error{"input.wedge_fifo", std::string("扫码枪测试管道无法启动：") + std::strerror(errno),
                     std::string("the wedge test pipe cannot start: ") + std::strerror(errno)};
    }
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
    return okStatus();
}

void WedgeFifo::stop() {
    m_thread.request_stop();  // the callback in run() wakes its poll()
    if (m_thread.joinable()) m_thread.join();
    m_thread = {};
    for (int* fd : {&m_fd, &m_wake}) {
        if (*fd >= 0) ::close(*fd);
        *fd = -1;
    }
}

void WedgeFifo::run(std::stop_token stop) {
    std::stop_callback wake(stop, [this] {
        const std::uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(m_wake, &one, sizeof one);
    });
    std::string line;
    char buf[512];
    while (!stop.stop_requested()) {
        pollfd p[2] = {{m_fd, POLLIN, 0}, {m_wake, POLLIN, 0}};
        if (::poll(p, 2, -1) <= 0 || !(p[0].revents & POLLIN)) continue;  // the loop's test sees a stop
        ssize_t n = ::read(m_fd, buf, sizeof buf);
        for (ssize_t i = 0; i < n && !stop.stop_requested(); ++i) {
            if (buf[i] == '\r') continue;
            if (buf[i] != '\n') {
                line += buf[i];
                continue;
            }
            type(line, stop);
            line.clear();
        }
    }
}

void WedgeFifo::type(const std::string& line, const std::stop_token& stop) {
    // SDL_PushEvent stamps each event with SDL_GetTicks(), the time base the loop hands WedgeInput, so
    // the gaps the recogniser measures are the real ones between these pushes.
    for (char c : line) {
        if (stop.stop_requested()) return;  // unplugged mid-code: no Enter for half a code
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.text[0] = c;
        SDL_PushEvent(&e);
        std::this_thread::sleep_for(std::chrono::milliseconds(m_gapMs));
    }
    SDL_Event down{};
    down.type = SDL_KEYDOWN;
    down.key.state = SDL_PRESSED;
    down.key.keysym.sym = SDLK_RETURN;
    down.key.keysym.scancode = SDL_SCANCODE_RETURN;
    SDL_PushEvent(&down);
    SDL_Event up = down;
    up.type = SDL_KEYUP;
    up.key.state = SDL_RELEASED;
    SDL_PushEvent(&up);
}

}  // namespace mh::gui

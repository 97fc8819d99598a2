// Test-only keyboard-wedge input (`kiosk run --wedge-fifo PATH`): each line written to a named pipe is
// typed into the kiosk's own SDL event queue as a scanner types it — one SDL_TEXTINPUT per character,
// a few milliseconds apart, then Enter — so the soak test drives the very path a USB scanner takes
// (KioskLoop -> WedgeInput -> ScanInbox -> KioskController) on a machine with no keyboard to plug in.
#pragma once
#include <filesystem>
#include <stop_token>
#include <string>
#include <thread>

#include "shared/core/result.hpp"

namespace mh::gui {

class WedgeFifo {
public:
    // `charGapMs`: the pause between typed characters (a real scanner: 1-15 ms).
    explicit WedgeFifo(std::filesystem::path path, int charGapMs = 2);
    ~WedgeFifo();
    WedgeFifo(const WedgeFifo&) = delete;

    // Opens the pipe (made if missing) and starts typing what arrives. Call after SDL's event queue
    // exists. Error input.wedge_fifo when the path cannot be opened as a pipe.
    Status start();
    // Stops the thread at once (its wait ends on the stop token); the rest of a half-typed line is
    // dropped, as a scanner unplugged mid-code.
    void stop();

private:
    void run(std::stop_token stop);
    void type(const std::string& line, const std::stop_token& stop);

    std::filesystem::path m_path;
    int m_gapMs;
    int m_fd = -1;
    int m_wake = -1;  // an eventfd the stop token's callback signals, so poll() needs no timeout
    std::jthread m_thread;  // last: joined before the descriptors it reads are closed
};

}  // namespace mh::gui

// Tells a keyboard-wedge scanner from a person typing: a scanner "types" a whole payload within a
// few milliseconds per character and ends it with Enter. Characters with a longer pause between
// them start over, so a curious finger on a keyboard never becomes a scan.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace mh::ui {

class WedgeRecogniser {
public:
    static constexpr std::int64_t kMaxGapMs = 60;  // scanners measured 5-20 ms; people type >100 ms
    static constexpr size_t kMinLength = 4;

    // Text typed at time `ms` (monotonic milliseconds).
    void text(const std::string& utf8, std::int64_t ms);
    // Enter pressed at `ms`: the payload when it was a scan, else nothing (and the buffer is cleared).
    std::optional<std::string> enter(std::int64_t ms);

private:
    std::string m_buffer;
    std::int64_t m_last = 0;
};

}  // namespace mh::ui

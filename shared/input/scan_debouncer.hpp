// One card held in front of the camera is one scan: the camera sees the same code in every frame,
// so a payload seen again within the hold time is dropped. Each sighting extends the hold, so a
// card held up for a long time still counts once; it counts again after it was away for holdMs.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

namespace mh {

// How long a card must be away before it counts again: longer than an elder takes to lower a card
// after the result shows, shorter than the next elder in the queue takes to step up.
inline constexpr std::int64_t kScanHoldMs = 5000;

class ScanDebouncer {
public:
    explicit ScanDebouncer(std::int64_t holdMs = kScanHoldMs) : m_holdMs(holdMs) {}

    // True when this sighting at tMs is a new scan; false when it repeats one within holdMs.
    bool admit(const std::string& payload, std::int64_t tMs);

private:
    std::int64_t m_holdMs;
    std::unordered_map<std::string, std::int64_t> m_lastSeen;  // payload -> last sighting
};

}  // namespace mh

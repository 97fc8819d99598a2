// Old entries are pruned on each call so a day of scans does not grow the map without bound.
#include "shared/input/scan_debouncer.hpp"

namespace mh {

bool ScanDebouncer::admit(const std::string& payload, std::int64_t tMs) {
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();)
        it = tMs - it->second > m_holdMs ? m_lastSeen.erase(it) : std::next(it);
    auto [it, fresh] = m_lastSeen.try_emplace(payload, tMs);
    it->second = tMs;
    return fresh;
}

}  // namespace mh

// Memory figures of the running benchmark process, from /proc/self/status (kB).
#pragma once
#include <fstream>
#include <string>

namespace mh::bench {

inline long procStatusKb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::string(key).size()));
    return 0;
}
inline long rssKb() { return procStatusKb("VmRSS:"); }
inline long peakKb() { return procStatusKb("VmHWM:"); }  // the highest RSS so far

}  // namespace mh::bench

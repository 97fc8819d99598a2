// The file that lies in a site directory while `init --join` makes a site there (contract 11): it is
// removed once both terminals have written each other down, so a directory holding it is a join that
// did not finish, which Site::initJoined accepts as empty and the next join clears.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace mh {

inline constexpr const char* kJoinUnfinished = ".join-unfinished";

// The marker is written atomically, through a temp file named "." + marker + ".XXXXXX.part": a join
// killed before the rename leaves only that temp file, which says the same thing as the marker.
inline bool isJoinMarkerFile(const std::filesystem::path& name) {
    const std::string n = name.filename().string();
    const std::string tempPrefix = std::string(".") + kJoinUnfinished + ".";
    return n == kJoinUnfinished || n.rfind(tempPrefix, 0) == 0;
}

// Some entry of `dir` is the marker (or its temp file): a join that did not finish.
inline bool holdsUnfinishedJoin(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (isJoinMarkerFile(e.path())) return true;
    return false;
}

// Nothing in `dir` but the marker (or its temp file).
inline bool emptyButJoinMarker(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (!isJoinMarkerFile(e.path())) return false;
    return !ec;
}

}  // namespace mh

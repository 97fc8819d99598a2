// The file that lies in a site directory while `init --join` makes a site there (contract 11): it is
// removed once both terminals have written each other down, so a directory holding it is a join that
// did not finish, which Site::initJoined accepts as empty and the next join clears.
#pragma once

namespace mh {

inline constexpr const char* kJoinUnfinished = ".join-unfinished";

}  // namespace mh

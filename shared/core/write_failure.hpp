// Why a file could not be written, said as one plain cause (disk full, no permission, read-only
// disk, disk error …) rather than the blanket "is the disk full?": from the errno of the failed
// write, or, when a library lost it, from a look at the folder (free space, read-only, writable).
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"

namespace mh {

// `err`: errno of the failed call, 0 when unknown. Codes: write.disk_full, write.permission,
// write.read_only, write.io, write.file_size, write.folder, write.memory, write.other.
Error writeFailure(const std::filesystem::path& file, int err);

}  // namespace mh

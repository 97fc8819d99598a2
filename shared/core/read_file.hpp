// Reading a whole small file (site.toml, a key) into memory, byte for byte.
#pragma once
#include <filesystem>
#include <string>

namespace mh {

// The file's bytes; empty when it is missing or unreadable (callers that must tell the two apart
// check existence first).
std::string readWholeFile(const std::filesystem::path& file);

}  // namespace mh

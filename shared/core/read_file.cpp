#include "shared/core/read_file.hpp"

#include <fstream>
#include <sstream>

namespace mh {

std::string readWholeFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace mh

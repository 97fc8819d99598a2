// The elder value's small helpers (see elder.hpp).
#include "shared/core/elder.hpp"

namespace mh {

bool Elder::hasCategory(std::string_view code) const {
    for (const auto& c : categories)
        if (c == code) return true;
    return false;
}

std::string Elder::categoriesText() const {
    std::string out;
    for (const auto& c : categories) out += (out.empty() ? "" : "|") + c;
    return out;
}

}  // namespace mh

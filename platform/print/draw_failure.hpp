// Why a drawn output (the posting's PDF or PNG) could not be made: cairo's own failures (out of
// memory, a picture beyond its size limit) said as such, and a failed write as writeFailure says it
// (disk full, permission, read-only …), never one guess for all.
#pragma once
#include <filesystem>

#include <cairo.h>

#include "shared/core/result.hpp"

namespace mh::print {

// `status`: cairo's status (CAIRO_STATUS_SUCCESS when cairo was not at fault); `err`: the errno of
// the write that failed, 0 when unknown.
Error drawFailure(const std::filesystem::path& file, cairo_status_t status, int err);

}  // namespace mh::print

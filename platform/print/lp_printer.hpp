// Sends a file to a CUPS printer with `lp -d PRINTER FILE` (cups-client). Run without a shell, so a
// printer name from site.toml can never become a command.
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/result.hpp"

namespace mh::print {

// Waits for `lp` to queue the job (not for the paper). Fails with a plain sentence when lp is
// missing, the printer is unknown, or lp refuses.
Status printWithLp(const std::string& printer, const std::filesystem::path& file);

}  // namespace mh::print

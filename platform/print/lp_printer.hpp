// Sends a file to a CUPS printer with `lp -d PRINTER FILE` (cups-client). Run without a shell, so a
// printer name from site.toml can never become a command.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "shared/core/result.hpp"

namespace mh::print {

// Waits for `lp` to queue the job (not for the paper). Fails with a plain sentence when lp is
// missing, the printer is unknown, or lp refuses.
Status printWithLp(const std::string& printer, const std::filesystem::path& file);

// The CUPS destinations `lpstat -e` lists, for the settings tab to pick from; empty when lpstat is
// missing or lists none. At most 32 names of at most 127 bytes.
std::vector<std::string> listLpPrinters();

}  // namespace mh::print

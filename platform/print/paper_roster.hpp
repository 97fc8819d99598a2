// The power-cut sheet (contract 13, `paper-roster`): A4 portrait pages of real text, one row per
// active elder with a box per service to tick by hand, the header row on every page and a line for
// the worker's signature and the date at the foot of every page (pages get separated on a counter).
#pragma once
#include <filesystem>

#include "shared/core/result.hpp"
#include "shared/reports/paper_roster.hpp"

namespace mh::print {

// Writes the PDF atomically (a temp file renamed when whole). Returns the pages written.
Result<int> renderPaperRoster(const PaperRoster& sheet, const std::filesystem::path& pdf);

}  // namespace mh::print

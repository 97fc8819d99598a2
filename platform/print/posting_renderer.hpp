// Renders the monthly public posting (公示, contract 9) as an A4 portrait PDF with real text, and the
// same pages as one tall PNG for the kiosk's idle screen and the village WeChat group.
#pragma once
#include <filesystem>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/posting/monthly_figures.hpp"

namespace mh::print {

struct PostingOutput {
    int pages = 0;
    int pngWidth = 0, pngHeight = 0;
};

// Writes both files; `postedOn` is the date printed as the posting date. Fails with a plain
// sentence when a file cannot be written. `pngScale` pixels per point (2: ~144 dpi).
Result<PostingOutput> renderPosting(const MonthlyFigures& f, LocalDate postedOn, const std::filesystem::path& pdf,
                                    const std::filesystem::path& png, double pngScale = 2.0);

}  // namespace mh::print

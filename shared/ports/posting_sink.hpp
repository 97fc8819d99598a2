// The printing port of the monthly posting (contract 9): the core builds the figures and decides
// where the files go; drawing them as PDF and PNG needs cairo and pango, which live in
// platform/print (print::PostingRenderer implements this), so the core only sees this interface.
#pragma once
#include <filesystem>

#include "shared/core/dates.hpp"
#include "shared/core/posting_figures.hpp"
#include "shared/core/result.hpp"

namespace mh {

struct DrawnPosting {
    int pages = 0;
    int pngWidth = 0, pngHeight = 0;
};

class PostingSink {
public:
    virtual ~PostingSink() = default;
    // Writes the PDF and the PNG, each complete or absent, the PNG renamed last (a PNG on disk
    // means a whole posting). `postedOn` is the date printed on it. Fails with a plain sentence.
    virtual Result<DrawnPosting> draw(const MonthlyFigures& f, LocalDate postedOn, const std::filesystem::path& pdf,
                                      const std::filesystem::path& png) = 0;
};

}  // namespace mh

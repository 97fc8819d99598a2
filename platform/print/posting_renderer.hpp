// Renders the monthly public posting (公示, contract 9) as an A4 portrait PDF with real text, and the
// same pages as one tall PNG for the kiosk's idle screen and the village WeChat group.
#pragma once
#include <filesystem>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/posting_sink.hpp"
#include "shared/posting/monthly_figures.hpp"

namespace mh::print {

using PostingOutput = DrawnPosting;

// Writes both files; `postedOn` is the date printed as the posting date. Fails with a plain
// sentence when a file cannot be written. `pngScale` pixels per point (2: ~144 dpi).
Result<PostingOutput> renderPosting(const MonthlyFigures& f, LocalDate postedOn, const std::filesystem::path& pdf,
                                    const std::filesystem::path& png, double pngScale = 2.0);

// The posting sink the core's producePosting draws through: renderPosting at the default scale.
class PostingRenderer final : public PostingSink {
public:
    Result<DrawnPosting> draw(const MonthlyFigures& f, LocalDate postedOn, const std::filesystem::path& pdf,
                              const std::filesystem::path& png) override {
        return renderPosting(f, postedOn, pdf, png);
    }
};

}  // namespace mh::print

#include "shared/posting/produce_posting.hpp"

#include <cstdio>

#include "shared/core/atomic_file.hpp"
#include "shared/core/write_failure.hpp"
#include "shared/posting/posting_csv.hpp"

namespace mh {
namespace fs = std::filesystem;

std::string yearMonthText(int year, unsigned month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

PostingFiles postingFiles(const fs::path& folder, int year, unsigned month) {
    const std::string stem = "posting-" + yearMonthText(year, month);
    return {folder / (stem + ".pdf"), folder / (stem + ".png"), folder / (stem + ".csv")};
}

bool hasAnythingToPost(const MonthlyFigures& f) {
    return f.meals > 0 || f.servedElders > 0 || f.donationsCount > 0;
}

Result<ProducedPosting> producePosting(Site& site, PostingSink& sink, const PostingRequest& r) {
    ProducedPosting out;
    out.figures = loadMonthlyFigures(site, r.year, r.month);
    out.files = postingFiles(r.folder, r.year, r.month);
    if (r.skipEmptyMonth && !hasAnythingToPost(out.figures)) {
        out.nothingToPost = true;
        return out;
    }
    std::error_code ec;
    if (r.keepExisting && fs::exists(out.files.png, ec)) return out;
    fs::create_directories(r.folder, ec);
    if (!fs::is_directory(r.folder, ec))
        return Error{"posting.folder", "无法创建输出目录 " + r.folder.string(),
                     "cannot create the output folder " + r.folder.string()};
    // writeFileAtomic does not keep the errno; writeFailure finds the cause from the folder.
    if (auto written = writeFileAtomic(out.files.csv, postingCsv(out.figures)); !written)
        return writeFailure(out.files.csv, 0);
    auto drawn = sink.draw(out.figures, r.postedOn, out.files.pdf, out.files.png);
    if (!drawn) return drawn.error();
    out.made = true;
    out.pages = drawn->pages;
    return out;
}

}  // namespace mh

// Producing the month's public posting (contract 9): the one home of what `kiosk posting` and the
// running kiosk's monthly job both do — sum the month's figures, write the CSV atomically, and have
// the posting sink draw the PDF and PNG. Sending the PDF to a printer stays with the callers (the
// verb has --no-print, the job reports to staff).
#pragma once
#include <filesystem>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/ports/posting_sink.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct PostingRequest {
    int year = 0;
    unsigned month = 0;
    std::filesystem::path folder;  // created when missing
    LocalDate postedOn;            // printed on the posting: the local date it is made
    // The kiosk's own job: a month with no records and no donations is not posted (a new site), and
    // a PNG already on disk means the posting was made before and is not drawn again.
    bool skipEmptyMonth = false;
    bool keepExisting = false;
};

struct PostingFiles {
    std::filesystem::path pdf, png, csv;
};

struct ProducedPosting {
    MonthlyFigures figures;
    PostingFiles files;
    bool nothingToPost = false;  // skipEmptyMonth and the month is empty: no files
    bool made = false;           // the files were written by this call
    int pages = 0;               // when made
};

// "2026-10" for a year and month.
std::string yearMonthText(int year, unsigned month);
// Where the files of a month go in `folder`: posting-YYYY-MM.pdf / .png / .csv.
PostingFiles postingFiles(const std::filesystem::path& folder, int year, unsigned month);
// False for a month with nothing to post: no counted record, no served elder, no donation.
bool hasAnythingToPost(const MonthlyFigures& f);

// Fails (with a plain sentence) when the folder, the CSV or a drawn file cannot be written.
Result<ProducedPosting> producePosting(Site& site, PostingSink& sink, const PostingRequest& request);

}  // namespace mh

// When the month's posting is made and where it is printed: the schedule and the printer that
// `kiosk posting` and the kiosk's own monthly job share. Drawing it is produce_posting.hpp's job;
// the printer itself is reached through a PrintFn (platform/print's printWithLp in the kiosk).
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "shared/core/dates.hpp"
#include "shared/core/result.hpp"
#include "shared/site/site.hpp"

namespace mh {

// Sends a file to a printer; the real one is print::printWithLp.
using PrintFn = std::function<Status(const std::string& printer, const std::filesystem::path& file)>;

struct YearMonth {
    int year = 0;
    unsigned month = 0;
};

// The month the kiosk posts by itself on `today`: the one before (from the 1st of a month).
YearMonth monthToPost(LocalDate today);

// Where `month` stands on `today`: a month not begun has nothing to publish (an empty notice would
// only mislead); one not ended yet is published with its figures up to today.
enum class MonthStage { NotBegun, Running, Ended };
MonthStage monthStage(YearMonth month, LocalDate today);

// The printer the posting goes to: the one staff picked on the settings tab (empty: they chose not
// to print), else site.toml's [posting] printer. An unreadable setting counts as not picked.
std::string postingPrinter(Site& site);

// What printing did: `printer` empty means none is set and nothing was sent.
struct PostingPrint {
    std::string printer;
    bool sent = false;     // the print function was called
    Status result = okStatus();
};
// Sends the posting's PDF to postingPrinter(site) through `print`; nothing when no printer is set.
PostingPrint printPosting(Site& site, const std::filesystem::path& pdf, const PrintFn& print);

}  // namespace mh

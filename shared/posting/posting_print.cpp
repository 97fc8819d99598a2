// The posting's schedule and printer (see posting_print.hpp).
#include "shared/posting/posting_print.hpp"

#include "shared/posting/monthly_figures.hpp"
#include "shared/store/kiosk_settings.hpp"

namespace mh {

YearMonth monthToPost(LocalDate today) {
    LocalDate prev = LocalDate::of(today.year(), today.month(), 1).plusDays(-1);
    return {prev.year(), prev.month()};
}

MonthStage monthStage(YearMonth month, LocalDate today) {
    if (LocalDate::of(month.year, month.month, 1) > today) return MonthStage::NotBegun;
    if (lastDayOfMonth(month.year, month.month) >= today) return MonthStage::Running;
    return MonthStage::Ended;
}

std::string postingPrinter(Site& site) { return effectivePostingPrinter(site.db(), site.config().postingPrinter); }

PostingPrint printPosting(Site& site, const std::filesystem::path& pdf, const PrintFn& print) {
    PostingPrint p;
    p.printer = postingPrinter(site);
    if (p.printer.empty()) return p;
    p.sent = true;
    p.result = print(p.printer, pdf);
    return p;
}

}  // namespace mh

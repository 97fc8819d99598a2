// The day's tally as it stands (see day_tally.hpp).
#include "shared/reports/day_tally.hpp"

#include "shared/policy/policy_history.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/tally/journal_seal.hpp"
#include "shared/upload/upload_outbox.hpp"

namespace mh {

DailyTally tallyOfDay(Site& site, LocalDate day, const std::string& nowIso) {
    // The same revision number the upload of this content carries (or will carry).
    const int revision = UploadOutbox(site).currentRevision(day);
    DailyTally t = buildTally(site.config(), day, CheckinStore(site.db()).ownForDay(day.iso()), revision, nowIso,
                              elderDayShares(site.db(), site.config().policy, day),
                              EatsStore(site.db()).otherMeals(day.iso(), day.iso(), /*ownOnly=*/true));
    t.terminal = loadTerminalIdentity(site.db()).id;
    addRefusedCounts(t, site.db());
    t.journal = sealJournal(site);
    return t;
}

}  // namespace mh

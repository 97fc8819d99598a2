#include "shared/site/clock_check.hpp"

#include "shared/store/terminal_identity.hpp"

namespace mh {

std::optional<Error> clockProblem(Database& db, std::int64_t nowUnix) {
    auto identity = loadTerminalIdentity(db);
    if (nowUnix < identity.createdUnix)
        return Error{"clock.before_site", "本机时钟不对（早于本站建立的时间），这次没有记录。请工作人员校准日期和时间后再刷卡",
                     "the terminal's clock is wrong (earlier than the site's creation): nothing was recorded; staff must set the date and time"};
    if (auto newest = newestRecordWriteUnix(db); newest && nowUnix + kClockSlackSeconds < *newest)
        return Error{"clock.behind", "本机时钟不对（比最近一条记录早了十分钟以上），这次没有记录。请工作人员校准日期和时间后再刷卡",
                     "the terminal's clock is wrong (more than 10 minutes behind the newest record): nothing was recorded; staff must set the date and time"};
    return std::nullopt;
}

}  // namespace mh

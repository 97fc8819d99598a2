#include "shared/safety/safety_status.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "shared/safety/safety_book.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace {

// The opening of the day's first meal service (or of any service when the site serves no meals;
// midnight when it has none).
WallTime firstOpening(const SiteConfig& cfg) {
    std::optional<WallTime> meal, any;
    for (const auto& s : cfg.services) {
        if (!any || s.opens < *any) any = s.opens;
        if (s.kind == ServiceKind::Meal && (!meal || s.opens < *meal)) meal = s.opens;
    }
    return meal ? *meal : any.value_or(WallTime{0});
}

std::int64_t at(const TimeZone& tz, const LocalDate& day, WallTime t) {
    LocalDateTime l{day};
    l.hour = t.minutes / 60;
    l.minute = t.minutes % 60;
    if (t.minutes >= 24 * 60) {  // a service that closes at 24:00 closes at the next midnight
        l = LocalDateTime{day.plusDays(1)};
    }
    return tz.toUnix(l);
}

class Walk {
public:
    Walk(const SafetyFacts& f, std::int64_t now) : m_f(f), m_tz(*f.tz), m_now(now) {
        m_today = m_tz.toLocal(now).date;
        for (const auto& c : f.checks) m_dayOf.push_back(m_tz.toLocal(c.atUnix).date);
    }

    SafetyStatus run() {
        SafetyStatus s;
        s.today = m_today;
        LocalDate created = m_tz.toLocal(m_f.siteCreatedUnix).date;
        LocalDate first = std::max(created, m_today.plusDays(-kSafetyLookbackDays));
        for (LocalDate d = first; d <= m_today; d = d.plusDays(1)) dayItems(d);
        sampleDestructions();
        weekly();
        monthly(created);
        std::stable_sort(m_items.begin(), m_items.end(), [](const auto& a, const auto& b) { return a.dueUnix < b.dueUnix; });
        std::int64_t endOfToday = m_tz.toUnix(LocalDateTime{m_today.plusDays(1)});
        std::int64_t startOfToday = m_tz.toUnix(LocalDateTime{m_today});
        for (const auto& i : m_items) {
            if (i.dueUnix < m_f.siteCreatedUnix) continue;  // due before the site existed
            if (!i.done && i.dueUnix <= m_now) s.overdue.push_back(i);
            else if (i.dueUnix >= startOfToday && i.dueUnix < endOfToday) s.dueToday.push_back(i);
        }
        for (std::size_t k = 0; k < m_f.checks.size(); ++k)
            if (m_dayOf[k] == m_today && m_f.checks[k].atUnix <= m_now) s.doneToday.push_back(m_f.checks[k]);
        return s;
    }

private:
    bool checkedOn(SafetyKind kind, const LocalDate& day, const std::string& meal = {}) const {
        for (std::size_t k = 0; k < m_f.checks.size(); ++k) {
            const auto& c = m_f.checks[k];
            if (c.kind == kind && m_dayOf[k] == day && c.atUnix <= m_now && (meal.empty() || c.field("meal") == meal))
                return true;
        }
        return false;
    }

    void dayItems(const LocalDate& d) {
        std::int64_t opening = at(m_tz, d, firstOpening(*m_f.config));
        for (SafetyKind k : {SafetyKind::Morning, SafetyKind::Daily})
            m_items.push_back({k, opening, {}, {}, checkedOn(k, d)});
        for (const auto& s : m_f.config->services)
            if (s.kind == ServiceKind::Meal && m_f.served && m_f.served(d, s.id))
                m_items.push_back({SafetyKind::Sample, at(m_tz, d, s.closes), s.id, {}, checkedOn(SafetyKind::Sample, d, s.id)});
    }

    // Each sample waits for a destruction of its dish and meal; destructions take the oldest first.
    void sampleDestructions() {
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& c : m_f.checks) {
            if (c.kind != SafetyKind::Sample || c.atUnix > m_now) continue;
            auto key = std::make_pair(c.field("dish"), c.field("meal"));
            if (!seen.insert(key).second) continue;
            for (const auto& state : samplesOf(m_f.checks, key.first, key.second, m_now))
                m_items.push_back({SafetyKind::SampleDestroyed, state.sample.atUnix + kSampleKeepSeconds, key.second, key.first,
                                   state.destroyed});
        }
    }

    void weekly() {
        std::int64_t last = m_f.siteCreatedUnix;
        for (const auto& c : m_f.checks)
            if (c.kind == SafetyKind::Weekly && c.atUnix <= m_now) last = std::max(last, c.atUnix);
        m_items.push_back({SafetyKind::Weekly, last + 7 * 86400, {}, {}, false});
    }

    void monthly(const LocalDate& created) {
        // The newest monthly check's month: it clears that month and every one before it.
        std::optional<LocalDate> newest;
        for (std::size_t k = 0; k < m_f.checks.size(); ++k)
            if (m_f.checks[k].kind == SafetyKind::Monthly && m_f.checks[k].atUnix <= m_now &&
                (!newest || m_dayOf[k] > *newest))
                newest = m_dayOf[k];
        LocalDate first = std::max(created, m_today.plusDays(-366));
        LocalDate month = LocalDate::of(first.year(), first.month(), 1);
        while (month <= m_today) {
            LocalDate next = month.month() == 12 ? LocalDate::of(month.year() + 1, 1, 1)
                                                 : LocalDate::of(month.year(), month.month() + 1, 1);
            bool done = newest && *newest >= month;
            // Due at the end of the month's last day; it stands in the day's list on that day.
            m_items.push_back({SafetyKind::Monthly, m_tz.toUnix(LocalDateTime{next}) - 1, {}, {}, done});
            month = next;
        }
    }

    const SafetyFacts& m_f;
    const TimeZone& m_tz;
    std::int64_t m_now;
    LocalDate m_today;
    std::vector<LocalDate> m_dayOf;  // each check's local day
    std::vector<SafetyItem> m_items;
};

}  // namespace

SafetyStatus safetyStatusFrom(const SafetyFacts& facts, std::int64_t nowUnix) { return Walk(facts, nowUnix).run(); }

SafetyStatus safetyStatus(Site& site, std::int64_t nowUnix) {
    SafetyFacts f;
    f.config = &site.config();
    f.tz = &site.timeZone();
    f.siteCreatedUnix = loadTerminalIdentity(site.db()).createdUnix;
    f.checks = safetyChecks(site.db());
    LocalDate today = site.timeZone().toLocal(nowUnix).date;
    std::set<std::pair<std::string, std::string>> served;  // (day, service) with a counted record
    for (const auto& r : CheckinStore(site.db()).forDays(today.plusDays(-kSafetyLookbackDays).iso(), today.iso()))
        if (!r.voided) served.emplace(r.day, r.service.str());
    f.served = [&served](const LocalDate& d, const std::string& s) { return served.count({d.iso(), s}) > 0; };
    return safetyStatusFrom(f, nowUnix);
}

}  // namespace mh

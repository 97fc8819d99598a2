#include "shared/posting/monthly_figures.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "shared/core/text.hpp"
#include "shared/feedback/feedback_book.hpp"
#include "shared/safety/safety_book.hpp"
#include "shared/posting/fee_schedule.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"

namespace mh {
namespace {

ServiceMonth& serviceSlot(MonthlyFigures& f, const SiteConfig& cfg, const ServiceTally& t) {
    for (auto& s : f.services)
        if (s.id == t.id.str()) return s;
    const ServiceDef* def = cfg.findService(t.id.str());
    f.services.push_back(ServiceMonth{t.id.str(), def ? def->name : t.id.str(), t.kind});
    return f.services.back();
}

}  // namespace

std::optional<std::pair<int, unsigned>> parseYearMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    auto d = LocalDate::parse(std::string(text) + "-01");
    if (!d) return std::nullopt;
    return std::pair{d->year(), d->month()};
}

LocalDate lastDayOfMonth(int year, unsigned month) {
    using namespace std::chrono;
    year_month_day_last last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
    return LocalDate{year_month_day{last}};
}

MonthlyFigures buildMonthlyFigures(const SiteConfig& cfg, int year, unsigned month,
                                   const std::vector<CheckinRecord>& monthRecords, const std::vector<Elder>& roster,
                                   const std::vector<Donation>& monthDonations, const DonationBalance& balance) {
    MonthlyFigures f;
    f.siteId = cfg.siteId;
    f.siteName = cfg.name;
    f.contact = cfg.contact;
    f.year = year;
    f.month = month;
    f.first = LocalDate::of(year, month, 1);
    f.last = lastDayOfMonth(year, month);
    int days = int(f.last.day());
    f.mealsPerDay.assign(size_t(days), 0);
    f.feeSchedule = feeScheduleLines(cfg, f.first, f.last);
    for (const auto& s : cfg.services) f.services.push_back(ServiceMonth{s.id, s.name, std::string(serviceKindKey(s.kind))});

    // The month's records by day; records outside the month are not the month's business.
    std::vector<std::vector<CheckinRecord>> byDay(static_cast<size_t>(days));
    for (const auto& r : monthRecords) {
        auto d = LocalDate::parse(r.day);
        if (d && d->year() == year && d->month() == month) byDay[d->day() - 1].push_back(r);
    }

    std::map<std::string, int> byRule;
    std::unordered_map<std::string, std::map<std::string, int>> perElder;  // elder → service → count
    std::set<std::string> mealElders;
    for (int i = 0; i < days; ++i) {
        // The same function the daily upload uses: the posting is the sum of the tallies.
        DailyTally t = buildTally(cfg, f.first.plusDays(i), byDay[size_t(i)], 1, "");
        for (const auto& st : t.services) {
            ServiceMonth& s = serviceSlot(f, cfg, st);
            s.count += st.count;
            s.delivered += st.delivered;
            s.voided += st.voided;
            // Checked sums (addFen, Shares::operator+=): one bad row cannot wrap or break the posting.
            s.priceFen = addFen(s.priceFen, st.priceFen);
            s.shares += st.shares;
            f.priceFen = addFen(f.priceFen, st.priceFen);
            f.shares += st.shares;
            for (const auto& [rule, n] : st.byRule) byRule[rule] += n;
            if (st.kind == "meal") {
                f.meals += st.count;
                f.mealsDelivered += st.delivered;
                f.mealsPerDay[size_t(i)] += st.count;
            }
        }
        for (const auto& r : t.records) {
            ++perElder[r.elderId.str()][r.service.str()];
            if (r.serviceKind == "meal") mealElders.insert(r.elderId.str());
        }
    }
    f.mealsInHall = f.meals - f.mealsDelivered;
    f.mealElders = int(mealElders.size());
    f.servedElders = int(perElder.size());
    f.byRule.assign(byRule.begin(), byRule.end());
    std::stable_sort(f.byRule.begin(), f.byRule.end(), [](auto& a, auto& b) { return a.second > b.second; });

    std::unordered_map<std::string, const Elder*> who;
    for (const auto& e : roster) who[e.elderId] = &e;
    std::vector<std::pair<std::string, ElderMonth>> rows;  // elder id kept only to make the order stable
    for (const auto& [elderId, counts] : perElder) {
        ElderMonth m;
        auto it = who.find(elderId);
        m.maskedName = it != who.end() ? maskName(it->second->name) : "—";
        m.village = it != who.end() ? it->second->village : "";
        for (const auto& s : f.services) {
            auto c = counts.find(s.id);
            m.counts.push_back(c == counts.end() ? 0 : c->second);
            m.total += m.counts.back();
        }
        rows.emplace_back(elderId, std::move(m));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.village, a.second.maskedName, a.first) <
               std::tie(b.second.village, b.second.maskedName, b.first);
    });
    for (auto& r : rows) f.elders.push_back(std::move(r.second));

    for (const auto& d : monthDonations) {
        f.donationsFen = addFen(f.donationsFen, d.amountFen);
        ++f.donationsCount;
        if (d.named) f.honourRoll.push_back(d);
    }
    f.balance = balance;
    return f;
}

MonthlyFigures loadMonthlyFigures(Site& site, int year, unsigned month) {
    std::string from = LocalDate::of(year, month, 1).iso(), to = lastDayOfMonth(year, month).iso();
    DonationStore donations(site.db());
    MonthlyFigures f = buildMonthlyFigures(site.config(), year, month, CheckinStore(site.db()).forDays(from, to),
                                           ElderStore(site.db()).all(), donations.forDays(from, to),
                                           donations.balance(lastDayOfMonth(year, month)));
    std::set<std::string> morningDays;
    for (const SafetyCheck& c : safetyChecks(site.db())) {
        std::string day = site.timeZone().toLocal(c.atUnix).date.iso();
        if (day < from || day > to) continue;
        if (c.kind == SafetyKind::Morning) morningDays.insert(day);
        else if (c.kind == SafetyKind::Sample) ++f.safetySamples;
        else if (c.kind != SafetyKind::SampleDestroyed) ++f.safetyChecks;
    }
    f.safetyMorningDays = int(morningDays.size());
    for (const OtherMeal& m : EatsStore(site.db()).otherMeals(from, to, /*ownOnly=*/false)) {
        if (m.voided) continue;
        (m.kind == "guest" ? f.guestMeals : m.kind == "staff" ? f.staffMeals : f.volunteerMeals) += m.count;
    }
    for (const CheckinRecord& r : CheckinStore(site.db()).forDays(from, to)) {
        if (!r.voided && r.proxyName) ++f.proxyMeals;
        if (r.voided && r.delivered && r.deliveryOutcome && *r.deliveryOutcome != "delivered") ++f.notDelivered;
    }
    auto scores = feedbackCounts(site.db(), from, to);
    for (ServiceMonth& s : f.services) {
        FeedbackCounts c = scores.count(s.id) ? scores[s.id] : FeedbackCounts{};
        s.feedbackGood = c.good, s.feedbackOkay = c.okay, s.feedbackBad = c.bad;
        s.feedbackShown = c.total() > 0 || (s.kind == "meal" && site.config().feedbackEnabled);
    }
    return f;
}

}  // namespace mh

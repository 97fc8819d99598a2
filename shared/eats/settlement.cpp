#include "shared/eats/settlement.hpp"

#include <map>
#include <set>

#include "shared/policy/policy_history.hpp"
#include "shared/posting/monthly_figures.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/tally/daily_tally.hpp"

namespace mh {

std::optional<SettlementPeriod> monthPeriod(const std::string& text) {
    auto ym = parseYearMonth(text);
    if (!ym) return std::nullopt;
    return SettlementPeriod{text, LocalDate::of(ym->first, ym->second, 1), lastDayOfMonth(ym->first, ym->second)};
}

std::optional<SettlementPeriod> quarterPeriod(const std::string& text) {
    if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q') || text[5] < '1' || text[5] > '4') return std::nullopt;
    auto start = LocalDate::parse(text.substr(0, 4) + "-01-01");
    if (!start) return std::nullopt;
    const unsigned q = unsigned(text[5] - '0');
    const int y = start->year();
    return SettlementPeriod{text.substr(0, 4) + "Q" + text.substr(5), LocalDate::of(y, 3 * q - 2, 1), lastDayOfMonth(y, 3 * q)};
}

namespace {

// The lines of one service as the sums of its tallies go in.
struct ServiceSums {
    std::string id, name;
    std::vector<std::string> ruleOrder;  // first seen
    std::map<std::string, SettlementLine> rules;
    SettlementLine unsubsidised, proxy, notDelivered, total;
    std::map<std::string, SettlementLine> others;  // guest, staff, volunteer
};

ServiceSums& sumsOf(std::vector<ServiceSums>& all, const std::string& id, const SiteConfig& cfg) {
    for (auto& s : all)
        if (s.id == id) return s;
    const ServiceDef* def = cfg.findService(id);
    all.push_back(ServiceSums{id, def ? def->name : id});
    return all.back();
}

std::string fenText(Fen f) { return std::to_string(f.value()); }

// A rule's name may hold a comma or a quote: quoted as RFC 4180 says.
std::string field(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

Settlement buildSettlement(Site& site, const SettlementPeriod& period) {
    const SiteConfig& cfg = site.config();
    Database& db = site.db();
    Settlement out;
    out.siteId = cfg.siteId;
    out.siteName = cfg.name;
    out.period = period;

    // Every record of the period this terminal has seen, by (terminal, day): what each terminal's
    // tally of that day holds (its own records, voided ones included, and its other meals).
    std::map<std::pair<std::string, std::string>, std::vector<CheckinRecord>> records;
    std::map<std::pair<std::string, std::string>, std::vector<OtherMeal>> meals;
    for (auto& r : CheckinStore(db).forDays(period.first.iso(), period.last.iso()))
        records[{r.originTerminal, r.day}].push_back(std::move(r));
    for (auto& m : EatsStore(db).otherMeals(period.first.iso(), period.last.iso(), /*ownOnly=*/false))
        meals[{m.originTerminal, m.day}].push_back(std::move(m));
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& [k, v] : records) keys.insert(k);
    for (const auto& [k, v] : meals) keys.insert(k);

    std::vector<ServiceSums> sums;
    for (const auto& s : cfg.services) sumsOf(sums, s.id, cfg);
    std::set<std::string> terminals, days;
    std::map<std::string, std::vector<ElderDayShare>> elderDayByDay;
    for (const auto& key : keys) {
        const auto& [terminal, dayText] = key;
        auto day = LocalDate::parse(dayText);
        if (!day) continue;
        terminals.insert(terminal);
        days.insert(dayText);
        auto shares = elderDayByDay.find(dayText);
        if (shares == elderDayByDay.end())
            shares = elderDayByDay.emplace(dayText, elderDayShares(db, cfg.policy, *day)).first;
        // The very builder each terminal's tally (and its upload) is made with.
        const DailyTally t = buildTally(cfg, *day, records[key], 1, "", shares->second, meals[key]);
        for (const ServiceTally& st : t.services) {
            ServiceSums& s = sumsOf(sums, st.id.str(), cfg);
            s.total.count += st.count;
            s.total.shares += st.shares;
            s.total.operatingFen = addFen(s.total.operatingFen, st.operatingFen);
            s.proxy.count += st.proxy;
            for (const auto& [kind, o] : st.others) {
                SettlementLine& l = s.others[kind];
                l.count += o.count;
                l.paidFen = addFen(l.paidFen, o.paidFen);
            }
        }
        for (const CheckinRecord& r : t.records) {
            ServiceSums& s = sumsOf(sums, r.service.str(), cfg);
            if (r.rules.empty()) {
                ++s.unsubsidised.count;
                s.unsubsidised.shares += r.shares;
                s.unsubsidised.operatingFen = addFen(s.unsubsidised.operatingFen, r.operatingFen);
                continue;
            }
            // Each rule line has what that rule paid; the elder's part goes once, on the line of the
            // record's own rule (its first, the tally's `rule`), so a meal two rules paid shows its
            // elder's money once and the lines of a service add up to its 合计 (operating aside).
            const std::string& own = r.rule && !r.rule->empty() ? *r.rule : r.rules.front().rule;
            bool elderShown = false;
            for (const RulePaid& p : r.rules) {
                auto [it, fresh] = s.rules.try_emplace(p.rule);
                if (fresh) s.ruleOrder.push_back(p.rule);
                ++it->second.count;
                Shares part = p.shares;
                part.elder = Fen{0};
                if (!elderShown && p.rule == own) {
                    part.elder = r.shares.elder;
                    elderShown = true;
                }
                it->second.shares += part;
            }
        }
        // 未送达: delivered meals voided by what the driver found (never in any tally's count).
        for (const CheckinRecord& r : records[key])
            if (r.voided && r.delivered && r.deliveryOutcome && *r.deliveryOutcome != "delivered")
                ++sumsOf(sums, r.service.str(), cfg).notDelivered.count;
    }
    out.terminals.assign(terminals.begin(), terminals.end());
    out.days = int(days.size());

    for (ServiceSums& s : sums) {
        auto add = [&](SettlementLine l, const std::string& name, bool paid = false) {
            l.service = s.id;
            l.serviceName = s.name;
            l.line = name;
            l.paid = paid;
            out.lines.push_back(std::move(l));
        };
        for (const auto& rule : s.ruleOrder) add(s.rules[rule], rule);
        if (s.unsubsidised.count > 0) add(s.unsubsidised, "未补贴");
        for (const char* kind : {"guest", "staff", "volunteer"})
            if (auto it = s.others.find(kind); it != s.others.end()) add(it->second, kind, true);
        if (s.proxy.count > 0) add(s.proxy, "代领");
        if (s.notDelivered.count > 0) add(s.notDelivered, "未送达");
        add(s.total, "合计");
    }
    // The elders' scores of the period's meals (the PDF shows them; the CSV stays the claim).
    auto scores = feedbackCounts(db, period.first.iso(), period.last.iso());
    for (const auto& svc : cfg.services) {
        FeedbackCounts c = scores.count(svc.id) ? scores[svc.id] : FeedbackCounts{};
        if (c.total() > 0 || (svc.kind == ServiceKind::Meal && cfg.feedbackEnabled)) out.feedback.emplace_back(svc.name, c);
    }
    return out;
}

std::string settlementCsv(const Settlement& s) {
    std::string csv = "\xEF\xBB\xBF";
    csv += "service,line,count,government_fen,collective_fen,donation_fen,family_fen,elder_fen,operating_fen,paid_fen\n";
    for (const auto& l : s.lines) {
        csv += field(l.service) + "," + field(l.line) + "," + std::to_string(l.count) + "," + fenText(l.shares.government) + "," +
               fenText(l.shares.collective) + "," + fenText(l.shares.donation) + "," + fenText(l.shares.family) + "," +
               fenText(l.shares.elder) + "," + fenText(l.operatingFen) + "," + (l.paid ? fenText(l.paidFen) : "") + "\n";
    }
    return csv;
}

}  // namespace mh

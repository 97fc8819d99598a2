#include "shared/upload/upload_outbox.hpp"

#include <sodium.h>

#include <algorithm>

#include "shared/policy/policy_history.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/terminal_identity.hpp"
#include "shared/tally/daily_tally.hpp"
#include "shared/tally/journal_seal.hpp"
#include "shared/tally/tally_json.hpp"
#include "shared/upload/day_due.hpp"

namespace mh {
namespace {

// A cheap fingerprint of a day's records: records are never deleted and only a void changes one, so
// the count, the voids, the newest id and the delivered count move whenever the content can have moved.
constexpr const char* kSigExpr =
    "COUNT(*) || ':' || SUM(voided) || ':' || MAX(record_id) || ':' || SUM(delivered)"
    // Contract 12: the day's other meals, their voids and the drivers' outcomes are in the tally too.
    " || ':' || (SELECT COUNT(*) FROM other_meals m WHERE m.day = checkins.day)"
    " || ':' || (SELECT COUNT(*) FROM other_meal_voids v JOIN other_meals m ON m.origin_terminal = v.meal_terminal"
    "   AND m.origin_record = v.meal_origin WHERE m.day = checkins.day)"
    " || ':' || (SELECT COUNT(*) FROM delivery_outcomes d JOIN checkins c2 ON c2.origin_terminal = d.record_terminal"
    "   AND c2.origin_record = d.record_origin WHERE c2.day = checkins.day)";

// A tally holds only this terminal's records (contract 8); its peers' records reach the county
// through their own tallies.
constexpr const char* kOwn = "origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)";
// Per elder-day operating money (contract 10, policy v3) goes to the elder's earliest record among
// all the records this terminal has seen, so a peer's record or void can move it to or from one of
// ours: with such a subsidy a day's fingerprint covers every record of a day that has one of ours.
constexpr const char* kSeenDays =
    "1 GROUP BY day HAVING SUM(origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)) > 0";
// This database's own revisions (invariant 6): a restored database also holds the old id's.
constexpr const char* kOwnRevision = "terminal = (SELECT terminal_id FROM terminal WHERE id = 1)";

// A day with no check-in of this terminal's but its own guests', staff's or volunteers' meals (a hall
// open to the public on a day no elder came) is frozen too (contract 12: everyone who eats is in the
// book). Its fingerprint: the meals, the newest id and the voids.
constexpr const char* kOwnMealsOnlyDays =
    "SELECT DISTINCT m.day FROM other_meals m WHERE (m.day < ?1 OR (m.day = ?1 AND ?2))"
    " AND m.origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)"
    " AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.day = m.day AND c.origin_terminal = m.origin_terminal)"
    " ORDER BY m.day";
constexpr const char* kMealsOnlySig =
    "SELECT 'm:' || COUNT(*) || ':' || IFNULL(MAX(m.meal_id), 0) || ':' ||"
    " (SELECT COUNT(*) FROM other_meal_voids v JOIN other_meals m2 ON m2.origin_terminal = v.meal_terminal"
    "  AND m2.origin_record = v.meal_origin WHERE m2.day = ?1)"
    " FROM other_meals m WHERE m.day = ?1";

std::string mealsOnlySig(Database& db, const std::string& day) {
    auto st = db.prepare(kMealsOnlySig);
    st.bind(1, day);
    st.step();
    return st.text(0);
}

bool elderDayMoney(const SiteConfig& cfg) {
    for (const auto& op : cfg.policy.operating)
        if (op.per == OperatingPer::ElderDay) return true;
    return false;
}

// BLAKE2b of everything the tally says about each record (voided ones included), in record order;
// with elder-day operating money, also which of them it went to.
// Contract 12's fields (who collected, the driver's outcome, the other meals) are fed only where
// present, so a day without them keeps the fingerprint it was frozen with.
std::string recordsHash(const std::vector<CheckinRecord>& records, const std::vector<ElderDayShare>& elderDay = {},
                        const std::vector<OtherMeal>& otherMeals = {}) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    auto feed = [&](const std::string& s) {
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\x1f"), 1);
    };
    for (const auto& r : records) {
        feed(std::to_string(r.recordId));
        feed(r.elderId.str());
        feed(r.service.str());
        feed(r.serviceKind);
        feed(r.at);
        feed(r.delivered ? "d" : "h");
        feed(r.rule ? "r" + *r.rule : "-");
        feed(std::to_string(r.priceFen.value()));
        for (Share k : kAllShares) feed(std::to_string(r.shares.at(k).value()));
        feed(r.categories);
        feed(r.voided ? "v" : "c");
        if (r.operatingFen != Fen{0}) feed("o" + std::to_string(r.operatingFen.value()));
        for (const auto& share : elderDay)
            if (share.recordId == r.recordId) feed("e" + share.operating + ":" + std::to_string(share.fen.value()));
        if (r.proxyName) feed("p" + *r.proxyName + "/" + r.proxyRelation.value_or(""));
        if (r.delivered && r.deliveryOutcome) feed("x" + *r.deliveryOutcome);
    }
    for (const auto& m : otherMeals) {
        feed("m" + std::to_string(m.mealId) + ":" + m.service + ":" + m.kind + ":" + std::to_string(m.count) + ":" +
             std::to_string(m.paidFen.value()) + (m.voided ? ":v" : ":c"));
    }
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    char hex[sizeof out * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
}

}  // namespace

int UploadOutbox::freezeDue(std::int64_t nowUnix) {
    const LocalDateTime now = m_site.timeZone().toLocal(nowUnix);
    const bool todayDue = isTodayDue(now, m_site.config());  // the SQL below is isDayDue over every day
    std::vector<std::pair<std::string, std::string>> due;  // day, signature
    {
        const bool seen = elderDayMoney(m_site.config());
        auto st = m_site.db().prepare(std::string("SELECT day, ") + kSigExpr +
                                      " FROM checkins WHERE (day < ?1 OR (day = ?1 AND ?2)) AND " +
                                      (seen ? kSeenDays : std::string(kOwn) + " GROUP BY day") + " ORDER BY day");
        st.bind(1, now.date.iso()).bind(2, todayDue);
        while (st.step()) due.emplace_back(st.text(0), st.text(1));
        std::vector<std::string> mealsOnly;
        auto meals = m_site.db().prepare(kOwnMealsOnlyDays);
        meals.bind(1, now.date.iso()).bind(2, todayDue);
        while (meals.step()) mealsOnly.push_back(meals.text(0));
        for (const std::string& day : mealsOnly) due.emplace_back(day, mealsOnlySig(m_site.db(), day));
        std::sort(due.begin(), due.end());  // oldest day first, as the county expects them
    }
    int made = 0;
    std::optional<JournalSeal> seal;
    const std::string nowIso = m_site.timeZone().isoWithOffset(nowUnix);
    for (const auto& [day, sig] : due) {
        auto last = m_site.db().prepare(
            "SELECT records_sig FROM upload_outbox_sig WHERE day = ?1");
        last.bind(1, day);
        if (last.step() && last.text(0) == sig) continue;
        // The journal's head is sealed once per run and outside the write lock: the walk reads every
        // covered row, which a scan waiting for the lock must not wait for (contract 11: 1 s).
        if (!seal) seal = sealJournal(m_site);
        Transaction tx(m_site.db());
        made += freezeLocked(day, nowIso, *seal) > 0 ? 1 : 0;
        tx.commit();
    }
    return made;
}

int UploadOutbox::freezeDay(LocalDate day, std::int64_t nowUnix) {
    const JournalSeal seal = sealJournal(m_site);
    Transaction tx(m_site.db());
    int rev = freezeLocked(day.iso(), m_site.timeZone().isoWithOffset(nowUnix), seal);
    tx.commit();
    return rev;
}

// The caller holds the transaction, so the check and the new revision land together even when the
// GUI's uploader and `kiosk upload` freeze at the same moment.
int UploadOutbox::freezeLocked(const std::string& day, const std::string& nowIso, const JournalSeal& seal) {
    Database& db = m_site.db();
    CheckinStore store(db);
    std::vector<CheckinRecord> records = store.ownForDay(day);
    std::string sig;
    if (records.empty()) {
        // Only other meals (or nothing at all) on this terminal that day.
        if (EatsStore(db).otherMeals(day, day, /*ownOnly=*/true).empty()) return 0;
        sig = mealsOnlySig(db, day);
    } else {
        auto st = db.prepare(std::string("SELECT ") + kSigExpr + " FROM checkins WHERE day = ?1 AND " +
                             (elderDayMoney(m_site.config()) ? "1" : kOwn));
        st.bind(1, day);
        st.step();
        sig = st.text(0);
    }
    db.prepare("INSERT INTO upload_outbox_sig(day, records_sig) VALUES(?1, ?2) "
               "ON CONFLICT(day) DO UPDATE SET records_sig = excluded.records_sig")
        .bind(1, day)
        .bind(2, sig)
        .run();
    auto date = LocalDate::parse(day);
    if (!date) return 0;  // the store only writes valid days; refuse to invent one
    const std::vector<ElderDayShare> elderDay = elderDayShares(db, m_site.config().policy, *date);
    const std::vector<OtherMeal> meals = EatsStore(db).otherMeals(day, day, /*ownOnly=*/true);
    const std::string hash = recordsHash(records, elderDay, meals);
    int lastRev = 0;
    {
        auto st = db.prepare(std::string("SELECT revision, content_hash FROM upload_outbox WHERE day = ?1 AND ") +
                             kOwnRevision + " ORDER BY revision DESC LIMIT 1");
        st.bind(1, day);
        if (st.step()) {
            if (st.text(1) == hash) return 0;
            lastRev = int(st.i64(0));
        }
    }
    const int rev = lastRev + 1;
    DailyTally t = buildTally(m_site.config(), *date, records, rev, nowIso, elderDay, meals);
    t.terminal = loadTerminalIdentity(db).id;
    addRefusedCounts(t, db);
    t.journal = seal;
    db.prepare("UPDATE upload_outbox SET state = 'superseded' WHERE day = ?1 AND state = 'pending' AND terminal = ?2")
        .bind(1, day)
        .bind(2, t.terminal)
        .run();
    db.prepare("INSERT INTO upload_outbox(terminal, day, revision, content_hash, body, frozen_at) VALUES(?6, ?1, ?2, ?3, ?4, ?5)")
        .bind(1, day)
        .bind(2, rev)
        .bind(3, hash)
        .bind(4, tallyJson(t).dump())
        .bind(5, nowIso)
        .bind(6, t.terminal)
        .run();
    return rev;
}

int UploadOutbox::currentRevision(LocalDate day) {
    auto st = m_site.db().prepare(std::string("SELECT revision, content_hash FROM upload_outbox WHERE day = ?1 AND ") +
                                  kOwnRevision + " ORDER BY revision DESC LIMIT 1");
    st.bind(1, day.iso());
    if (!st.step()) return 1;
    int last = int(st.i64(0));
    return st.text(1) == recordsHash(CheckinStore(m_site.db()).ownForDay(day.iso()),
                                     elderDayShares(m_site.db(), m_site.config().policy, day),
                                     EatsStore(m_site.db()).otherMeals(day.iso(), day.iso(), /*ownOnly=*/true))
               ? last
               : last + 1;
}

std::vector<OutboxEntry> UploadOutbox::pending() {
    std::vector<OutboxEntry> out;
    auto st = m_site.db().prepare(
        "SELECT terminal, day, revision, body, frozen_at, attempts, next_attempt FROM upload_outbox "
        "WHERE state = 'pending' ORDER BY day, terminal, revision");
    while (st.step())
        out.push_back(
            OutboxEntry{st.text(0), st.text(1), int(st.i64(2)), st.text(3), st.text(4), int(st.i64(5)), st.i64(6)});
    return out;
}

int UploadOutbox::pendingDays() {
    auto st = m_site.db().prepare("SELECT COUNT(*) FROM (SELECT DISTINCT terminal, day FROM upload_outbox WHERE state = 'pending')");
    st.step();
    return int(st.i64(0));
}

bool UploadOutbox::isPending(const OutboxEntry& e) {
    auto st = m_site.db().prepare(
        "SELECT state = 'pending' FROM upload_outbox WHERE day = ?1 AND revision = ?2 AND terminal = ?3");
    st.bind(1, e.day).bind(2, e.revision).bind(3, e.terminal);
    return st.step() && st.i64(0) == 1;
}

namespace {

// Marks that may be lost in a power cut without harm skip the fsync (WAL keeps them ordered and
// consistent; the next FULL commit, e.g. a scan, makes them durable). A lost "delivered" only repeats
// the same bytes under the same Idempotency-Key, which the platform answers with 409. Freezing stays
// fully durable: a lost freeze could reuse a revision number for different content.
class RelaxedSync {
public:
    explicit RelaxedSync(Database& db) : m_db(db) { m_db.exec("PRAGMA synchronous=NORMAL"); }
    ~RelaxedSync() {
        try {
            m_db.exec("PRAGMA synchronous=FULL");
        } catch (...) {
            // Cannot happen outside a transaction; if it did, the connection is closing anyway.
        }
    }

private:
    Database& m_db;
};

// An UPDATE of the one outbox row of `e` (its day, revision and terminal are ?1..?3): `set` is the SET
// list, with its own values from ?4 up, which the caller binds before run().
Statement updateEntry(Database& db, const OutboxEntry& e, const std::string& set) {
    Statement st = db.prepare("UPDATE upload_outbox SET " + set + " WHERE day = ?1 AND revision = ?2 AND terminal = ?3");
    st.bind(1, e.day).bind(2, e.revision).bind(3, e.terminal);
    return st;
}

}  // namespace

void UploadOutbox::markDelivered(const OutboxEntry& e, int status, const std::string& atIso) {
    RelaxedSync relaxed(m_site.db());
    Transaction tx(m_site.db());
    // A newer revision may have superseded this one while it was in flight: it stays superseded.
    updateEntry(m_site.db(), e,
                "state = CASE state WHEN 'pending' THEN 'delivered' ELSE state END, "
                "delivered_at = ?4, last_status = ?5, attempts = attempts + 1")
        .bind(4, atIso)
        .bind(5, status)
        .run();
    setState(upload_keys::kLastSuccessAt, atIso);
    setState(upload_keys::kLastError, "");
    setState(upload_keys::kLastErrorEn, "");
    setState(upload_keys::kNeedsStaff, "0");
    tx.commit();
}

void UploadOutbox::markFailed(const OutboxEntry& e, int status, std::int64_t nextAttemptUnix) {
    RelaxedSync relaxed(m_site.db());
    updateEntry(m_site.db(), e, "attempts = attempts + 1, next_attempt = ?4, last_status = ?5")
        .bind(4, nextAttemptUnix)
        .bind(5, status)
        .run();
}

void UploadOutbox::markRefused(const OutboxEntry& e, int status, const std::string& countyAnswer,
                               const std::string& atIso) {
    updateEntry(m_site.db(), e,
                "state = CASE state WHEN 'pending' THEN 'refused' ELSE state END, "
                "attempts = attempts + 1, last_status = ?4, county_answer = ?5, refused_at = ?6")
        .bind(4, status)
        .bind(5, countyAnswer)
        .bind(6, atIso)
        .run();
}

std::vector<RefusedDay> UploadOutbox::refusedDays() {
    std::vector<RefusedDay> out;
    // Only the newest revision counts: a refused revision 1 replaced by a pending or delivered
    // revision 2 is history, not a problem.
    auto st = m_site.db().prepare(
        "SELECT o.terminal, o.day, o.revision, COALESCE(o.county_answer, ''), COALESCE(o.refused_at, '') "
        "FROM upload_outbox o WHERE o.state = 'refused' AND o.revision = "
        "(SELECT MAX(revision) FROM upload_outbox WHERE day = o.day AND terminal = o.terminal) ORDER BY o.day, o.terminal");
    while (st.step()) out.push_back(RefusedDay{st.text(0), st.text(1), int(st.i64(2)), st.text(3), st.text(4)});
    return out;
}

std::optional<std::int64_t> UploadOutbox::nextAttempt() {
    auto st = m_site.db().prepare(
        "SELECT next_attempt FROM upload_outbox WHERE state = 'pending' ORDER BY day, terminal, revision LIMIT 1");
    if (!st.step()) return std::nullopt;
    return st.i64(0);
}

std::optional<std::string> UploadOutbox::state(const std::string& key) {
    auto st = m_site.db().prepare("SELECT value FROM upload_state WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void UploadOutbox::setState(const std::string& key, const std::string& value) {
    m_site.db()
        .prepare("INSERT INTO upload_state(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

}  // namespace mh

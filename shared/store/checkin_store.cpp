#include "shared/store/checkin_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "shared/store/eats_store.hpp"

namespace mh {
namespace {
constexpr const char* kSelect =
    "SELECT record_id, elder_id, service, service_kind, day, at, delivered, rule, price_fen, government_fen,"
    " collective_fen, donation_fen, family_fen, elder_fen, categories, source, voided, entered_at,"
    " origin_terminal, origin_record, operating_fen, proxy_name, proxy_relation,"
    // Contract 12: a delivered meal's newest outcome at the door, from any terminal (none: pending).
    " (SELECT d.outcome FROM delivery_outcomes d WHERE d.record_terminal = checkins.origin_terminal"
    "  AND d.record_origin = checkins.origin_record ORDER BY d.outcome_id DESC LIMIT 1) FROM checkins ";

CheckinRecord readRecord(const Statement& st) {
    CheckinRecord r;
    r.recordId = st.i64(0);
    r.elderId = ElderId(st.text(1));
    r.service = ServiceId(st.text(2));
    r.serviceKind = st.text(3);
    r.day = st.text(4);
    r.at = st.text(5);
    r.delivered = st.i64(6) != 0;
    r.rule = st.optText(7);
    r.priceFen = st.fen(8);
    r.shares = {st.fen(9), st.fen(10), st.fen(11), st.fen(12), st.fen(13)};
    r.categories = st.text(14);
    r.source = st.text(15);
    r.voided = st.i64(16) != 0;
    r.enteredAt = st.optText(17);
    r.originTerminal = st.text(18);
    r.originRecord = st.i64(19);
    r.operatingFen = st.fen(20);
    r.proxyName = st.optText(21);
    r.proxyRelation = st.optText(22);
    r.deliveryOutcome = st.optText(23);
    return r;
}
}  // namespace

std::vector<CheckinRecord> CheckinStore::query(const std::string& where, const std::vector<std::string>& args) {
    auto st = m_db.cached(std::string(kSelect) + where);
    for (size_t i = 0; i < args.size(); ++i) st.bind(int(i + 1), args[i]);
    std::vector<CheckinRecord> out;
    while (st.step()) out.push_back(readRecord(st));
    attachRules(out);
    return out;
}

// One query for the whole batch: the rows of every record id between the batch's lowest and highest.
void CheckinStore::attachRules(std::vector<CheckinRecord>& records) {
    if (records.empty()) return;
    std::unordered_map<std::int64_t, CheckinRecord*> byId;
    std::int64_t lo = records.front().recordId, hi = lo;
    for (auto& r : records) {
        byId[r.recordId] = &r;
        lo = std::min(lo, r.recordId);
        hi = std::max(hi, r.recordId);
    }
    auto st = m_db.cached(
        "SELECT record_id, rule, government_fen, collective_fen, donation_fen, family_fen FROM checkin_rules"
        " WHERE record_id BETWEEN ?1 AND ?2 ORDER BY record_id, position");
    st.bind(1, lo).bind(2, hi);
    while (st.step()) {
        auto it = byId.find(st.i64(0));
        if (it == byId.end()) continue;
        it->second->rules.push_back(RulePaid{st.text(1), Shares{st.fen(2), st.fen(3), st.fen(4), st.fen(5), Fen{0}}});
    }
}

std::vector<CheckinRecord> CheckinStore::countedForElder(const ElderId& elder, const std::string& from,
                                                         const std::string& to) {
    return query("WHERE elder_id = ?1 AND day BETWEEN ?2 AND ?3 AND voided = 0 ORDER BY record_id", {elder.str(), from, to});
}

std::vector<CountedUse> CheckinStore::countedUses(const ElderId& elder, const std::string& from,
                                                  const std::string& to) {
    // countedForElder reads every column, a delivery outcome per record and the rule rows of the
    // whole id range between the elder's first and last record (every elder's, at a real site):
    // more than half of a 30-rule scan. This reads the elder's rows and their own rule rows only.
    auto st = m_db.cached(
        "SELECT c.record_id, c.day, c.service, r.rule, r.government_fen, r.collective_fen, r.donation_fen, r.family_fen"
        " FROM checkins c LEFT JOIN checkin_rules r ON r.record_id = c.record_id"
        " WHERE c.elder_id = ?1 AND c.day BETWEEN ?2 AND ?3 AND c.voided = 0 ORDER BY c.record_id, r.position");
    st.bind(1, elder.str()).bind(2, from).bind(3, to);
    std::vector<CountedUse> out;
    while (st.step()) {
        if (out.empty() || out.back().recordId != st.i64(0)) out.push_back(CountedUse{st.i64(0), st.text(1), st.text(2), {}});
        if (!st.isNull(3))
            out.back().rules.push_back(RulePaid{st.text(3), Shares{st.fen(4), st.fen(5), st.fen(6), st.fen(7), Fen{0}}});
    }
    return out;
}

std::optional<CheckinRecord> CheckinStore::counted(const ElderId& elder, const ServiceId& service,
                                                   const std::string& day) {
    auto v = query("WHERE elder_id = ?1 AND service = ?2 AND day = ?3 AND voided = 0", {elder.str(), service.str(), day});
    if (v.empty()) return std::nullopt;
    return v.front();
}

std::optional<CheckinRecord> CheckinStore::byId(std::int64_t id) {
    auto v = query("WHERE record_id = ?1", {std::to_string(id)});
    if (v.empty()) return std::nullopt;
    return v.front();
}

std::vector<CheckinRecord> CheckinStore::forDay(const std::string& day) {
    return query("WHERE day = ?1 ORDER BY record_id", {day});
}

std::vector<CheckinRecord> CheckinStore::ownForDay(const std::string& day) {
    auto records = query("WHERE day = ?1 AND origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1) ORDER BY record_id",
                         {day});
    // Entered from the power-cut sheet: the tally says "paper" (the column keeps what was scanned).
    auto paper = m_db.cached(std::string("SELECT c.record_id FROM checkins c WHERE c.day = ?1 AND ") + kPaperEntrySql);
    paper.bind(1, day);
    while (paper.step())
        for (CheckinRecord& r : records)
            if (r.recordId == paper.i64(0)) r.source = "paper";
    return records;
}

std::vector<CheckinRecord> CheckinStore::forDays(const std::string& from, const std::string& to) {
    return query("WHERE day BETWEEN ?1 AND ?2 ORDER BY record_id", {from, to});
}

std::int64_t CheckinStore::insert(const CheckinRecord& r) {
    // The id is chosen here so the origin key can carry it in the same statement: the next after the
    // highest local id (records are never deleted, so what AUTOINCREMENT would give) and after any
    // record of this terminal's own origin a peer gave back (after a restore from an older backup
    // its old records return with ids the restored database no longer reached).
    auto st = m_db.cached(
        "INSERT INTO checkins(record_id, elder_id, service, service_kind, day, at, delivered, rule, price_fen,"
        " government_fen, collective_fen, donation_fen, family_fen, elder_fen, categories, source, entered_at,"
        " origin_terminal, origin_record, operating_fen, proxy_name, proxy_relation)"
        " SELECT n, ?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16, (SELECT terminal_id FROM terminal WHERE id = 1), n, ?17,"
        " ?18, ?19 FROM (SELECT ?20 AS n)");
    st.bind(1, r.elderId.str()).bind(2, r.service.str()).bind(3, r.serviceKind).bind(4, r.day).bind(5, r.at);
    st.bind(6, r.delivered).bind(7, r.rule).bind(8, r.priceFen);
    st.bind(9, r.shares.government).bind(10, r.shares.collective).bind(11, r.shares.donation);
    st.bind(12, r.shares.family).bind(13, r.shares.elder).bind(14, r.categories).bind(15, r.source);
    st.bind(16, r.enteredAt).bind(17, r.operatingFen).bind(18, r.proxyName).bind(19, r.proxyRelation);
    // One id space with the other meals (contract 12), so `void --record N` names one thing.
    st.bind(20, EatsStore(m_db).nextRecordId());
    st.run();
    std::int64_t id = m_db.lastInsertId();
    auto rules = m_db.cached(
        "INSERT INTO checkin_rules(record_id, position, rule, government_fen, collective_fen, donation_fen, family_fen)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7)");
    // A record given only its `rule` (older callers, imports) reads as paid by that rule with its shares.
    std::vector<RulePaid> paid = r.rules;
    if (paid.empty() && r.rule && !r.rule->empty()) paid.push_back(RulePaid{*r.rule, r.shares});
    for (size_t i = 0; i < paid.size(); ++i) {
        const RulePaid& p = paid[i];
        rules.reset();
        rules.bind(1, id).bind(2, int(i)).bind(3, p.rule).bind(4, p.shares.government).bind(5, p.shares.collective);
        rules.bind(6, p.shares.donation).bind(7, p.shares.family).run();
    }
    return id;
}

void CheckinStore::markVoided(std::int64_t id, const std::string& at, const std::string& staff,
                              const std::string& reason) {
    auto up = m_db.cached("UPDATE checkins SET voided = 1 WHERE record_id = ?1 AND voided = 0");
    up.bind(1, id).run();
    auto ins = m_db.cached(
        "INSERT INTO voids(void_id, record_id, record_terminal, record_origin, origin_terminal, origin_record, at, staff,"
        " reason) SELECT n, c.record_id, c.origin_terminal, c.origin_record, (SELECT terminal_id FROM terminal WHERE id = 1),"
        " n, ?2, ?3, ?4 FROM checkins c, (SELECT MAX((SELECT COALESCE(MAX(void_id), 0) FROM voids), (SELECT COALESCE(MAX(origin_record), 0) FROM voids"
        " WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1))) + 1 AS n) WHERE c.record_id = ?1");
    ins.bind(1, id).bind(2, at).bind(3, staff).bind(4, reason).run();
    if (m_db.changes() != 1) throw StoreError("void: no check-in record " + std::to_string(id), 19 /* SQLITE_CONSTRAINT */);
}

}  // namespace mh

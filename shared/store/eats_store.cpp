#include "shared/store/eats_store.hpp"

#include "shared/core/money_json.hpp"

namespace mh {
namespace {

using nlohmann::json;

constexpr const char* kOwnTerminal = "(SELECT terminal_id FROM terminal WHERE id = 1)";

constexpr const char* kMealSelect =
    "SELECT m.meal_id, m.service, m.kind, m.day, m.at, m.entered_at, m.count, m.paid_fen, m.name, m.minutes,"
    " EXISTS (SELECT 1 FROM other_meal_voids v WHERE v.meal_terminal = m.origin_terminal AND v.meal_origin = m.origin_record),"
    " m.origin_terminal, m.origin_record FROM other_meals m ";

OtherMeal readMeal(const Statement& st) {
    OtherMeal m;
    m.mealId = st.i64(0);
    m.service = st.text(1);
    m.kind = st.text(2);
    m.day = st.text(3);
    m.at = st.text(4);
    m.enteredAt = st.optText(5);
    m.count = int(st.i64(6));
    m.paidFen = st.fen(7);
    m.name = st.text(8);
    m.minutes = int(st.i64(9));
    m.voided = st.i64(10) != 0;
    m.originTerminal = st.text(11);
    m.originRecord = st.i64(12);
    return m;
}

constexpr const char* kOutcomeSelect =
    "SELECT d.outcome_id, COALESCE(c.record_id, 0), d.outcome, d.staff, d.note, d.at,"
    " EXISTS (SELECT 1 FROM concerns_handled h WHERE h.outcome_terminal = d.origin_terminal AND h.outcome_origin = d.origin_record),"
    " d.origin_terminal, d.origin_record FROM delivery_outcomes d"
    " LEFT JOIN checkins c ON c.origin_terminal = d.record_terminal AND c.origin_record = d.record_origin ";

DeliveryOutcome readOutcome(const Statement& st) {
    return DeliveryOutcome{st.i64(0), st.i64(1), st.text(2), st.text(3), st.text(4), st.text(5), st.i64(6) != 0,
                           st.text(7), st.i64(8)};
}

// The next own origin number of a table: after its highest local id and after any row of this
// terminal's origin a peer gave back (as CheckinStore::insert does).
std::int64_t nextOwn(Database& db, const std::string& table, const std::string& idColumn) {
    return db.integerOf("SELECT MAX((SELECT COALESCE(MAX(" + idColumn + "), 0) FROM " + table +
                        "), (SELECT COALESCE(MAX(origin_record), 0) FROM " + table + " WHERE origin_terminal = " +
                        kOwnTerminal + ")) + 1");
}

// Keeps AUTOINCREMENT of check-ins (records a peer sends) above an other meal's id.
void reserveRecordId(Database& db, std::int64_t id) {
    db.cached("UPDATE sqlite_sequence SET seq = MAX(seq, ?1) WHERE name = 'checkins'").bind(1, id).run();
    db.cached("INSERT INTO sqlite_sequence(name, seq) SELECT 'checkins', ?1 WHERE NOT EXISTS"
              " (SELECT 1 FROM sqlite_sequence WHERE name = 'checkins')")
        .bind(1, id)
        .run();
}

std::int64_t insertMealRow(Database& db, std::int64_t id, const OtherMeal& m, const std::string& terminalSql,
                           std::int64_t origin, const std::string& terminal) {
    auto st = db.cached(
        "INSERT INTO other_meals(meal_id, service, kind, day, at, entered_at, count, paid_fen, name, minutes,"
        " origin_terminal, origin_record) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10," + terminalSql + ",?12)");
    st.bind(1, id).bind(2, m.service).bind(3, m.kind).bind(4, m.day).bind(5, m.at).bind(6, m.enteredAt);
    st.bind(7, m.count).bind(8, m.paidFen).bind(9, m.name).bind(10, m.minutes).bind(12, origin);
    if (terminalSql == "?11") st.bind(11, terminal);
    st.run();
    reserveRecordId(db, id);
    return id;
}

}  // namespace

std::int64_t EatsStore::nextRecordId() {
    // Cached: every check-in asks, and compiling this statement cost more than running it (0.27 M
    // instructions a check-in, 15% of the engine's CPU, measured with callgrind).
    auto st = m_db.cached(
        "SELECT MAX((SELECT COALESCE(MAX(record_id), 0) FROM checkins),"
        " (SELECT COALESCE(MAX(origin_record), 0) FROM checkins WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)),"
        " (SELECT COALESCE(MAX(meal_id), 0) FROM other_meals),"
        " (SELECT COALESCE(MAX(origin_record), 0) FROM other_meals WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1)),"
        " COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'checkins'), 0)) + 1");
    st.step();
    return st.i64(0);
}

std::int64_t EatsStore::insertOtherMeal(const OtherMeal& m) {
    const std::int64_t id = nextRecordId();
    return insertMealRow(m_db, id, m, kOwnTerminal, id, "");
}

std::optional<OtherMeal> EatsStore::otherMeal(std::int64_t mealId) {
    auto st = m_db.cached(std::string(kMealSelect) + "WHERE m.meal_id = ?1");
    st.bind(1, mealId);
    if (!st.step()) return std::nullopt;
    return readMeal(st);
}

std::vector<OtherMeal> EatsStore::otherMeals(const std::string& from, const std::string& to, bool ownOnly) {
    auto st = m_db.cached(std::string(kMealSelect) + "WHERE m.day BETWEEN ?1 AND ?2 AND (?3 = 0 OR m.origin_terminal = " +
                          kOwnTerminal + ") ORDER BY m.meal_id");
    st.bind(1, from).bind(2, to).bind(3, ownOnly);
    std::vector<OtherMeal> out;
    while (st.step()) out.push_back(readMeal(st));
    return out;
}

void EatsStore::voidOtherMeal(std::int64_t mealId, const std::string& at, const std::string& staff,
                              const std::string& reason) {
    const std::int64_t n = nextOwn(m_db, "other_meal_voids", "void_id");
    auto st = m_db.cached(
        "INSERT INTO other_meal_voids(void_id, meal_terminal, meal_origin, at, staff, reason, origin_terminal, origin_record)"
        " SELECT ?1, origin_terminal, origin_record, ?2, ?3, ?4, " + std::string(kOwnTerminal) +
        ", ?1 FROM other_meals WHERE meal_id = ?5");
    st.bind(1, n).bind(2, at).bind(3, staff).bind(4, reason).bind(5, mealId).run();
    if (m_db.changes() != 1) throw StoreError("void: no other meal " + std::to_string(mealId), 19);
}

std::int64_t EatsStore::insertOutcome(std::int64_t recordId, const std::string& outcome, const std::string& staff,
                                      const std::string& note, const std::string& at) {
    const std::int64_t n = nextOwn(m_db, "delivery_outcomes", "outcome_id");
    auto st = m_db.cached(
        "INSERT INTO delivery_outcomes(outcome_id, record_terminal, record_origin, outcome, staff, note, at, origin_terminal,"
        " origin_record) SELECT ?1, origin_terminal, origin_record, ?2, ?3, ?4, ?5, " + std::string(kOwnTerminal) +
        ", ?1 FROM checkins WHERE record_id = ?6");
    st.bind(1, n).bind(2, outcome).bind(3, staff).bind(4, note).bind(5, at).bind(6, recordId).run();
    if (m_db.changes() != 1) throw StoreError("delivery: no check-in record " + std::to_string(recordId), 19);
    return n;
}

std::vector<DeliveryOutcome> EatsStore::outcomesOfDay(const std::string& day) {
    auto st = m_db.cached(std::string(kOutcomeSelect) + "WHERE c.day = ?1 ORDER BY d.outcome_id");
    st.bind(1, day);
    std::vector<DeliveryOutcome> out;
    while (st.step()) out.push_back(readOutcome(st));
    return out;
}

std::vector<DeliveryOutcome> EatsStore::openConcerns() {
    auto st = m_db.cached(std::string(kOutcomeSelect) +
                          "WHERE d.note <> '' AND NOT EXISTS (SELECT 1 FROM concerns_handled h WHERE h.outcome_terminal ="
                          " d.origin_terminal AND h.outcome_origin = d.origin_record) ORDER BY d.outcome_id");
    std::vector<DeliveryOutcome> out;
    while (st.step()) out.push_back(readOutcome(st));
    return out;
}

std::optional<DeliveryOutcome> EatsStore::outcome(std::int64_t outcomeId) {
    auto st = m_db.cached(std::string(kOutcomeSelect) + "WHERE d.outcome_id = ?1");
    st.bind(1, outcomeId);
    if (!st.step()) return std::nullopt;
    return readOutcome(st);
}

void EatsStore::markHandled(std::int64_t outcomeId, const std::string& staff, const std::string& at) {
    const std::int64_t n = nextOwn(m_db, "concerns_handled", "handled_id");
    auto st = m_db.cached(
        "INSERT INTO concerns_handled(handled_id, outcome_terminal, outcome_origin, staff, at, origin_terminal, origin_record)"
        " SELECT ?1, origin_terminal, origin_record, ?2, ?3, " + std::string(kOwnTerminal) +
        ", ?1 FROM delivery_outcomes WHERE outcome_id = ?4");
    st.bind(1, n).bind(2, staff).bind(3, at).bind(4, outcomeId).run();
    if (m_db.changes() != 1) throw StoreError("no delivery outcome " + std::to_string(outcomeId), 19);
}

int EatsStore::proxyUses(const ElderId& elder, const std::string& from, const std::string& to) {
    auto st = m_db.cached(
        "SELECT COUNT(*) FROM checkins WHERE elder_id = ?1 AND day BETWEEN ?2 AND ?3 AND voided = 0 AND proxy_name IS NOT NULL");
    st.bind(1, elder.str()).bind(2, from).bind(3, to);
    st.step();
    return int(st.i64(0));
}

const char* eatsFeedTable(const std::string& kind) {
    return kind == "other_meal"   ? "other_meals"
           : kind == "other_void" ? "other_meal_voids"
           : kind == "delivery"   ? "delivery_outcomes"
           : kind == "handled"    ? "concerns_handled"
                                  : nullptr;
}

json eatsFeedRow(Database& db, const std::string& kind, std::int64_t id) {
    if (kind == "other_meal") {
        auto st = db.cached(
            "SELECT origin_terminal, origin_record, service, kind, day, at, entered_at, count, paid_fen, name, minutes"
            " FROM other_meals WHERE meal_id = ?1");
        st.bind(1, id);
        if (!st.step()) return nullptr;
        auto entered = st.optText(6);
        return json{{"kind", kind},          {"terminal", st.text(0)}, {"record", st.i64(1)},
                    {"service", st.text(2)}, {"meal_kind", st.text(3)}, {"day", st.text(4)},
                    {"at", st.text(5)},      {"entered_at", entered ? json(*entered) : json(nullptr)},
                    {"count", st.i64(7)},    {"paid_fen", st.i64(8)},  {"name", st.text(9)},
                    {"minutes", st.i64(10)}};
    }
    if (kind == "other_void") {
        auto st = db.cached(
            "SELECT origin_terminal, origin_record, meal_terminal, meal_origin, at, staff, reason FROM other_meal_voids"
            " WHERE void_id = ?1");
        st.bind(1, id);
        if (!st.step()) return nullptr;
        return json{{"kind", kind},           {"terminal", st.text(0)}, {"record", st.i64(1)},
                    {"meal_terminal", st.text(2)}, {"meal_origin", st.i64(3)}, {"at", st.text(4)},
                    {"staff", st.text(5)},    {"reason", st.text(6)}};
    }
    if (kind == "delivery") {
        auto st = db.cached(
            "SELECT origin_terminal, origin_record, record_terminal, record_origin, outcome, staff, note, at"
            " FROM delivery_outcomes WHERE outcome_id = ?1");
        st.bind(1, id);
        if (!st.step()) return nullptr;
        return json{{"kind", kind},          {"terminal", st.text(0)}, {"record", st.i64(1)},
                    {"record_terminal", st.text(2)}, {"record_origin", st.i64(3)}, {"outcome", st.text(4)},
                    {"staff", st.text(5)},   {"note", st.text(6)},     {"at", st.text(7)}};
    }
    if (kind == "handled") {
        auto st = db.cached(
            "SELECT origin_terminal, origin_record, outcome_terminal, outcome_origin, staff, at FROM concerns_handled"
            " WHERE handled_id = ?1");
        st.bind(1, id);
        if (!st.step()) return nullptr;
        return json{{"kind", kind},          {"terminal", st.text(0)}, {"record", st.i64(1)},
                    {"outcome_terminal", st.text(2)}, {"outcome_origin", st.i64(3)}, {"staff", st.text(4)},
                    {"at", st.text(5)}};
    }
    return nullptr;
}

bool importEatsEntry(Database& db, const json& e) {
    const std::string kind = e.at("kind").get<std::string>();
    const std::string terminal = e.at("terminal").get<std::string>();
    const std::int64_t record = e.at("record").get<std::int64_t>();
    if (kind == "other_meal") {
        OtherMeal m;
        m.service = e.at("service").get<std::string>();
        m.kind = e.at("meal_kind").get<std::string>();
        m.day = e.at("day").get<std::string>();
        m.at = e.at("at").get<std::string>();
        if (e.contains("entered_at") && !e["entered_at"].is_null()) m.enteredAt = e["entered_at"].get<std::string>();
        m.count = e.at("count").get<int>();
        m.paidFen = e.at("paid_fen").get<Fen>();
        m.name = e.value("name", std::string());
        m.minutes = e.value("minutes", 0);
        if (m.count < 1 || m.count > 1000 || m.paidFen < Fen{0} || m.paidFen > Fen{1'000'000'000}) return false;
        insertMealRow(db, EatsStore(db).nextRecordId(), m, "?11", record, terminal);
        return true;
    }
    if (kind == "other_void") {
        auto st = db.cached(
            "INSERT INTO other_meal_voids(meal_terminal, meal_origin, at, staff, reason, origin_terminal, origin_record)"
            " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM other_meals WHERE origin_terminal = ?1 AND"
            " origin_record = ?2) AND NOT EXISTS (SELECT 1 FROM other_meal_voids WHERE meal_terminal = ?1 AND meal_origin = ?2"
            " AND origin_terminal = ?6)");
        st.bind(1, e.at("meal_terminal").get<std::string>()).bind(2, e.at("meal_origin").get<std::int64_t>());
        st.bind(3, e.at("at").get<std::string>()).bind(4, e.at("staff").get<std::string>());
        st.bind(5, e.at("reason").get<std::string>()).bind(6, terminal).bind(7, record).run();
        return db.changes() == 1;
    }
    if (kind == "delivery") {
        auto st = db.cached(
            "INSERT INTO delivery_outcomes(record_terminal, record_origin, outcome, staff, note, at, origin_terminal,"
            " origin_record) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE EXISTS (SELECT 1 FROM checkins WHERE"
            " origin_terminal = ?1 AND origin_record = ?2)");
        st.bind(1, e.at("record_terminal").get<std::string>()).bind(2, e.at("record_origin").get<std::int64_t>());
        st.bind(3, e.at("outcome").get<std::string>()).bind(4, e.at("staff").get<std::string>());
        st.bind(5, e.at("note").get<std::string>()).bind(6, e.at("at").get<std::string>());
        st.bind(7, terminal).bind(8, record).run();
        return db.changes() == 1;
    }
    if (kind == "handled") {
        auto st = db.cached(
            "INSERT INTO concerns_handled(outcome_terminal, outcome_origin, staff, at, origin_terminal, origin_record)"
            " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM delivery_outcomes WHERE origin_terminal = ?1 AND"
            " origin_record = ?2)");
        st.bind(1, e.at("outcome_terminal").get<std::string>()).bind(2, e.at("outcome_origin").get<std::int64_t>());
        st.bind(3, e.at("staff").get<std::string>()).bind(4, e.at("at").get<std::string>());
        st.bind(5, terminal).bind(6, record).run();
        return db.changes() == 1;
    }
    return false;
}

}  // namespace mh

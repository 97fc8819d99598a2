#include "shared/store/feed_store.hpp"

#include <stdexcept>

#include "shared/store/elder_store.hpp"

namespace mh {
namespace {

using nlohmann::json;

json optString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
std::optional<std::string> optField(const json& e, const char* key) {
    if (!e.contains(key) || e[key].is_null()) return std::nullopt;
    return e[key].get<std::string>();
}

json checkinRow(Database& db, std::int64_t recordId) {
    auto st = db.cached(
        "SELECT c.origin_terminal, c.origin_record, c.elder_id, COALESCE(e.name, ''), c.service, c.service_kind, c.day,"
        " c.at, c.entered_at, c.delivered, c.rule, c.price_fen, c.government_fen, c.collective_fen, c.donation_fen,"
        " c.family_fen, c.elder_fen, c.categories, c.source, c.voided"
        " FROM checkins c LEFT JOIN elders e ON e.elder_id = c.elder_id WHERE c.record_id = ?1");
    st.bind(1, recordId);
    if (!st.step()) return nullptr;
    json e{{"kind", "checkin"},
           {"terminal", st.text(0)},
           {"record", st.i64(1)},
           {"elder_id", st.text(2)},
           {"elder_name", st.text(3)},
           {"service", st.text(4)},
           {"service_kind", st.text(5)},
           {"day", st.text(6)},
           {"at", st.text(7)},
           {"entered_at", optString(st.optText(8))},
           {"delivered", st.i64(9) != 0},
           {"rule", optString(st.optText(10))},
           {"price_fen", st.i64(11)},
           {"shares", {{"government", st.i64(12)}, {"collective", st.i64(13)}, {"donation", st.i64(14)},
                       {"family", st.i64(15)}, {"elder", st.i64(16)}}},
           {"categories", st.text(17)},
           {"source", st.text(18)},
           // A void already known travels with the record, so a later record of the same origin, day
           // and service (allowed once this one is void) never collides with it before the void arrives.
           {"voided", st.i64(19) != 0}};
    json rules = json::array();
    auto r = db.cached(
        "SELECT rule, government_fen, collective_fen, donation_fen, family_fen FROM checkin_rules"
        " WHERE record_id = ?1 ORDER BY position");
    r.bind(1, recordId);
    while (r.step())
        rules.push_back({{"rule", r.text(0)}, {"government", r.i64(1)}, {"collective", r.i64(2)},
                         {"donation", r.i64(3)}, {"family", r.i64(4)}});
    e["rules"] = std::move(rules);
    return e;
}

json voidRow(Database& db, std::int64_t voidId) {
    auto st = db.cached(
        "SELECT origin_terminal, origin_record, record_terminal, record_origin, at, staff, reason FROM voids"
        " WHERE void_id = ?1");
    st.bind(1, voidId);
    if (!st.step()) return nullptr;
    return {{"kind", "void"},       {"terminal", st.text(0)}, {"record", st.i64(1)}, {"record_terminal", st.text(2)},
            {"record_origin", st.i64(3)}, {"at", st.text(4)}, {"staff", st.text(5)},  {"reason", st.text(6)}};
}

json donationRow(Database& db, std::int64_t id) {
    auto st = db.cached(
        "SELECT origin_terminal, origin_record, donor, amount_fen, day, purpose, named, recorded_at FROM donations"
        " WHERE donation_id = ?1");
    st.bind(1, id);
    if (!st.step()) return nullptr;
    return {{"kind", "donation"}, {"terminal", st.text(0)}, {"record", st.i64(1)},      {"donor", st.text(2)},
            {"amount_fen", st.i64(3)}, {"day", st.text(4)},  {"purpose", st.text(5)},  {"named", st.i64(6) != 0},
            {"recorded_at", st.text(7)}};
}

json auditRow(Database& db, std::int64_t id) {
    auto st = db.cached(
        "SELECT origin_terminal, origin_record, at, actor, action, subject, detail FROM audit WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return nullptr;
    return {{"kind", "audit"},  {"terminal", st.text(0)}, {"record", st.i64(1)}, {"at", st.text(2)},
            {"actor", st.text(3)}, {"action", st.text(4)}, {"subject", st.text(5)}, {"detail", st.text(6)}};
}

bool exists(Database& db, const char* table, const std::string& terminal, std::int64_t record) {
    auto st = db.cached(std::string("SELECT 1 FROM ") + table + " WHERE origin_terminal = ?1 AND origin_record = ?2");
    st.bind(1, terminal).bind(2, record);
    return st.step();
}

}  // namespace

std::int64_t FeedStore::newestSeq() {
    auto st = m_db.cached("SELECT COALESCE(MAX(seq), 0) FROM feed");
    st.step();
    return st.i64(0);
}

FeedPage FeedStore::readAfter(std::int64_t after, int limit) {
    FeedPage page;
    page.newest = newestSeq();
    page.last = after;
    auto st = m_db.cached("SELECT seq, kind, local_id FROM feed WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    st.bind(1, after).bind(2, limit);
    std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> rows;
    while (st.step()) rows.emplace_back(st.i64(0), st.text(1), st.i64(2));
    for (const auto& [seq, kind, id] : rows) {
        json e = kind == "checkin" ? checkinRow(m_db, id)
                 : kind == "void"  ? voidRow(m_db, id)
                 : kind == "donation" ? donationRow(m_db, id)
                                      : auditRow(m_db, id);
        page.last = seq;
        if (e.is_null()) continue;  // cannot happen: rows are never deleted
        e["seq"] = seq;
        page.entries.push_back(std::move(e));
    }
    return page;
}

json FeedStore::checkinEntry(std::int64_t recordId) {
    json e = checkinRow(m_db, recordId);
    if (e.is_null()) return e;
    auto st = m_db.cached("SELECT seq FROM feed WHERE kind = 'checkin' AND local_id = ?1");
    st.bind(1, recordId);
    if (st.step()) e["seq"] = st.i64(0);
    return e;
}

std::int64_t FeedStore::cursor(const std::string& peerTerminal) {
    auto st = m_db.cached("SELECT after_seq FROM peer_cursor WHERE peer_terminal = ?1");
    st.bind(1, peerTerminal);
    return st.step() ? st.i64(0) : 0;
}

FeedStore::Contact FeedStore::lastContact(const std::string& address) {
    auto st = m_db.cached("SELECT peer_terminal, last_contact FROM peer_contact WHERE address = ?1");
    st.bind(1, address);
    if (!st.step()) return {};
    return Contact{st.text(0), st.i64(1)};
}

void FeedStore::rememberContact(const std::string& address, const std::string& terminal, std::int64_t at) {
    auto st = m_db.cached(
        "INSERT INTO peer_contact(address, peer_terminal, last_contact) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(address) DO UPDATE SET peer_terminal = excluded.peer_terminal, last_contact = excluded.last_contact");
    st.bind(1, address).bind(2, terminal).bind(3, at);
    st.run();
}

void FeedStore::importEntry(const json& e, FeedImport& counts) {
    const std::string kind = e.at("kind").get<std::string>();
    const std::string terminal = e.at("terminal").get<std::string>();
    const std::int64_t record = e.at("record").get<std::int64_t>();
    if (kind == "checkin") {
        if (exists(m_db, "checkins", terminal, record)) {
            ++counts.already;
            return;
        }
        const std::string elder = e.at("elder_id").get<std::string>();
        auto known = m_db.cached("SELECT 1 FROM elders WHERE elder_id = ?1");
        known.bind(1, elder);
        if (!known.step()) {
            known.reset();
            std::string name = e.value("elder_name", std::string());
            auto stub = m_db.cached("INSERT INTO elders(elder_id, name, active, updated_at) VALUES(?1, ?2, 0, ?3)");
            stub.bind(1, elder).bind(2, name.empty() ? elder : name).bind(3, kPeerStubMark).run();
            ++counts.stubElders;
        }
        const json& sh = e.at("shares");
        auto st = m_db.cached(
            "INSERT INTO checkins(elder_id, service, service_kind, day, at, delivered, rule, price_fen, government_fen,"
            " collective_fen, donation_fen, family_fen, elder_fen, categories, source, entered_at, voided,"
            " origin_terminal, origin_record) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)");
        st.bind(1, elder).bind(2, e.at("service").get<std::string>()).bind(3, e.at("service_kind").get<std::string>());
        st.bind(4, e.at("day").get<std::string>()).bind(5, e.at("at").get<std::string>());
        st.bind(6, e.at("delivered").get<bool>()).bind(7, optField(e, "rule")).bind(8, e.at("price_fen").get<std::int64_t>());
        st.bind(9, sh.at("government").get<std::int64_t>()).bind(10, sh.at("collective").get<std::int64_t>());
        st.bind(11, sh.at("donation").get<std::int64_t>()).bind(12, sh.at("family").get<std::int64_t>());
        st.bind(13, sh.at("elder").get<std::int64_t>()).bind(14, e.at("categories").get<std::string>());
        st.bind(15, e.at("source").get<std::string>()).bind(16, optField(e, "entered_at"));
        st.bind(17, e.value("voided", false)).bind(18, terminal).bind(19, record);
        st.run();
        std::int64_t id = m_db.lastInsertId();
        int pos = 0;
        for (const json& r : e.value("rules", json::array())) {
            auto ins = m_db.cached(
                "INSERT INTO checkin_rules(record_id, position, rule, government_fen, collective_fen, donation_fen,"
                " family_fen) VALUES(?1,?2,?3,?4,?5,?6,?7)");
            ins.bind(1, id).bind(2, pos++).bind(3, r.at("rule").get<std::string>());
            ins.bind(4, r.at("government").get<std::int64_t>()).bind(5, r.at("collective").get<std::int64_t>());
            ins.bind(6, r.at("donation").get<std::int64_t>()).bind(7, r.at("family").get<std::int64_t>()).run();
        }
        counts.arrived.push_back({elder, e.at("service").get<std::string>(), e.at("day").get<std::string>()});
    } else if (kind == "void") {
        const std::string recTerminal = e.at("record_terminal").get<std::string>();
        const std::int64_t recOrigin = e.at("record_origin").get<std::int64_t>();
        auto dup = m_db.cached(
            "SELECT 1 FROM voids WHERE (origin_terminal = ?1 AND origin_record = ?2)"
            " OR (record_terminal = ?3 AND record_origin = ?4 AND origin_terminal = ?1)");
        dup.bind(1, terminal).bind(2, record).bind(3, recTerminal).bind(4, recOrigin);
        if (dup.step()) {
            ++counts.already;
            return;
        }
        auto rec = m_db.cached("SELECT record_id FROM checkins WHERE origin_terminal = ?1 AND origin_record = ?2");
        rec.bind(1, recTerminal).bind(2, recOrigin);
        // A peer's feed always lists a record before its void; a void without its record is a
        // broken page, not something to skip (the cursor would move past it for good).
        if (!rec.step()) throw StoreError("a void of a record this terminal does not have", 19 /* SQLITE_CONSTRAINT */);
        std::int64_t local = rec.i64(0);
        rec.reset();
        auto ins = m_db.cached(
            "INSERT INTO voids(record_id, record_terminal, record_origin, origin_terminal, origin_record, at, staff,"
            " reason) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
        ins.bind(1, local).bind(2, recTerminal).bind(3, recOrigin).bind(4, terminal).bind(5, record);
        ins.bind(6, e.at("at").get<std::string>()).bind(7, e.at("staff").get<std::string>());
        ins.bind(8, e.at("reason").get<std::string>()).run();
        m_db.cached("UPDATE checkins SET voided = 1 WHERE record_id = ?1 AND voided = 0").bind(1, local).run();
    } else if (kind == "donation") {
        if (exists(m_db, "donations", terminal, record)) {
            ++counts.already;
            return;
        }
        auto ins = m_db.cached(
            "INSERT INTO donations(donor, amount_fen, day, purpose, named, recorded_at, origin_terminal, origin_record)"
            " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
        ins.bind(1, e.at("donor").get<std::string>()).bind(2, e.at("amount_fen").get<std::int64_t>());
        ins.bind(3, e.at("day").get<std::string>()).bind(4, e.at("purpose").get<std::string>());
        ins.bind(5, e.at("named").get<bool>()).bind(6, e.at("recorded_at").get<std::string>());
        ins.bind(7, terminal).bind(8, record).run();
    } else if (kind == "audit") {
        if (exists(m_db, "audit", terminal, record)) {
            ++counts.already;
            return;
        }
        auto ins = m_db.cached(
            "INSERT INTO audit(at, actor, action, subject, detail, origin_terminal, origin_record)"
            " VALUES(?1,?2,?3,?4,?5,?6,?7)");
        ins.bind(1, e.at("at").get<std::string>()).bind(2, e.at("actor").get<std::string>());
        ins.bind(3, e.at("action").get<std::string>()).bind(4, e.at("subject").get<std::string>());
        ins.bind(5, e.at("detail").get<std::string>()).bind(6, terminal).bind(7, record).run();
    } else {
        // A kind this version does not know: refuse the page rather than move the cursor past it.
        throw std::invalid_argument("unknown feed entry kind: " + kind);
    }
    ++counts.added;
}

FeedImport FeedStore::importFeed(const json& entries, const std::string& peerTerminal,
                                 std::optional<std::int64_t> peerLast) {
    if (!entries.is_array()) throw std::invalid_argument("feed entries must be an array");
    FeedImport counts;
    Transaction tx(m_db);
    for (const json& e : entries) importEntry(e, counts);
    if (!peerTerminal.empty() && peerLast) {
        auto st = m_db.cached(
            "INSERT INTO peer_cursor(peer_terminal, after_seq) VALUES(?1, ?2)"
            " ON CONFLICT(peer_terminal) DO UPDATE SET after_seq = MAX(after_seq, excluded.after_seq)");
        st.bind(1, peerTerminal).bind(2, *peerLast).run();
    }
    tx.commit();
    return counts;
}

FeedImport FeedStore::importLoose(const json& entries) {
    if (!entries.is_array()) throw std::invalid_argument("feed entries must be an array");
    FeedImport counts;
    Transaction tx(m_db);
    for (const json& e : entries) {
        m_db.exec("SAVEPOINT feed_entry");
        try {
            FeedImport one;
            importEntry(e, one);
            counts.added += one.added;
            counts.already += one.already;
            counts.stubElders += one.stubElders;
            counts.arrived.insert(counts.arrived.end(), one.arrived.begin(), one.arrived.end());
            m_db.exec("RELEASE feed_entry");
        } catch (const StoreError& err) {
            if (err.diskFull() || err.busy()) throw;
            m_db.exec("ROLLBACK TO feed_entry");
            m_db.exec("RELEASE feed_entry");
            ++counts.skipped;
        } catch (const std::exception&) {
            m_db.exec("ROLLBACK TO feed_entry");
            m_db.exec("RELEASE feed_entry");
            ++counts.skipped;
        }
    }
    tx.commit();
    return counts;
}

}  // namespace mh

// The replication feed's rows as JSON and their import (contract 11). The invariants are the header's:
// a peer is believed only about its own records, nothing is overwritten (an append-only union keyed
// by origin), money and stubs are bounded, and a refused entry is counted, never imported.
//
// Sections (grep "[SECTION]"):
//   [SECTION] Rows as feed entries (check-ins, voids, donations, audit)
//   [SECTION] Checks an entry must pass (time written, believable money)
//   [SECTION] Reading the feed, cursors and contacts
//   [SECTION] Importing one entry
//   [SECTION] Releasing held entries, and importing pages
#include "shared/store/feed_store.hpp"

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

#include "shared/core/money.hpp"
#include "shared/core/money_json.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/journal_chain.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace {

using nlohmann::json;

json optString(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
std::optional<std::string> optField(const json& e, const char* key) {
    if (!e.contains(key) || e[key].is_null()) return std::nullopt;
    return e[key].get<std::string>();
}

// [SECTION] Rows as feed entries (check-ins, voids, donations, audit)
json checkinRow(Database& db, std::int64_t recordId) {
    auto st = db.cached(
        "SELECT c.origin_terminal, c.origin_record, c.elder_id, COALESCE(e.name, ''), c.service, c.service_kind, c.day,"
        " c.at, c.entered_at, c.delivered, c.rule, c.price_fen, c.government_fen, c.collective_fen, c.donation_fen,"
        " c.family_fen, c.elder_fen, c.categories, c.source, c.voided, c.operating_fen, c.proxy_name, c.proxy_relation"
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
           {"voided", st.i64(19) != 0},
           // Policy v3: the per-meal operating money fixed on the record (absent from older terminals: 0).
           {"operating_fen", st.i64(20)}};
    // Contract 12: who collected the meal (代领), absent when the elder came.
    if (auto proxy = st.optText(21)) e["proxy"] = {{"name", *proxy}, {"relation", st.optText(22).value_or("")}};
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

// How a column after the origin reads into a feed entry.
enum class Column { Text, Integer, Flag };
struct EntryField {
    const char* key;  // the entry's field, named as on the wire
    Column column;
};

// One replicable row by its local id (`select` ends in "= ?1") as a feed entry: its kind and origin
// (the first two columns), then `fields` from the columns after them, in order; null when it is gone.
json originRow(Database& db, const char* kind, const char* select, std::int64_t id,
               std::initializer_list<EntryField> fields) {
    auto st = db.cached(select);
    st.bind(1, id);
    if (!st.step()) return nullptr;
    json e{{"kind", kind}, {"terminal", st.text(0)}, {"record", st.i64(1)}};
    int c = 2;
    for (const EntryField& f : fields) {
        switch (f.column) {
            case Column::Text: e[f.key] = st.text(c); break;
            case Column::Integer: e[f.key] = st.i64(c); break;
            case Column::Flag: e[f.key] = st.i64(c) != 0; break;
        }
        ++c;
    }
    return e;
}

json voidRow(Database& db, std::int64_t voidId) {
    return originRow(db, "void",
                     "SELECT origin_terminal, origin_record, record_terminal, record_origin, at, staff, reason FROM voids"
                     " WHERE void_id = ?1",
                     voidId,
                     {{"record_terminal", Column::Text}, {"record_origin", Column::Integer}, {"at", Column::Text},
                      {"staff", Column::Text}, {"reason", Column::Text}});
}

json donationRow(Database& db, std::int64_t id) {
    return originRow(db, "donation",
                     "SELECT origin_terminal, origin_record, donor, amount_fen, day, purpose, named, recorded_at"
                     " FROM donations WHERE donation_id = ?1",
                     id,
                     {{"donor", Column::Text}, {"amount_fen", Column::Integer}, {"day", Column::Text},
                      {"purpose", Column::Text}, {"named", Column::Flag}, {"recorded_at", Column::Text}});
}

json auditRow(Database& db, std::int64_t id) {
    return originRow(db, "audit",
                     "SELECT origin_terminal, origin_record, at, actor, action, subject, detail FROM audit WHERE id = ?1",
                     id,
                     {{"at", Column::Text}, {"actor", Column::Text}, {"action", Column::Text}, {"subject", Column::Text},
                      {"detail", Column::Text}});
}

// [SECTION] The journal entries that travel with rows (journal_chain.hpp (5))
// The covered table of a feed entry's kind; null for a kind this list does not know yet (its rows
// then join the receiver's own chain).
const char* journalTable(const std::string& kind) {
    return kind == "checkin" ? "checkins" : kind == "void" ? "voids" : kind == "donation" ? "donations"
           : kind == "audit" ? "audit" : nullptr;
}

json journalJson(Database& db, std::string_view table, const std::string& key, const std::string& origin) {
    auto j = journalEntryOf(db, table, key, origin);
    if (!j) return nullptr;
    return json{{"seq", j->seq}, {"prev", j->prev}, {"hash", j->hash}};
}

// An entry's (or one of its rules') origin chain position, where this terminal has it.
void attachJournal(Database& db, json& e, const std::string& kind, std::int64_t id) {
    const std::string origin = e.value("terminal", std::string());
    const char* table = journalTable(kind);
    if (!table) return;
    if (json j = journalJson(db, table, std::to_string(id), origin); !j.is_null()) e["journal"] = std::move(j);
    if (kind != "checkin" || !e.contains("rules")) return;
    int position = 0;
    for (json& r : e["rules"]) {
        json j = journalJson(db, "checkin_rules", std::to_string(id) + "/" + std::to_string(position++), origin);
        if (!j.is_null()) r["journal"] = std::move(j);
    }
}

// What a peer sent as a row's entry, handed to the row's insert; a malformed one is ignored (the
// row then joins this terminal's chain).
void expectEntry(Database& db, std::string_view table, const json& holder, const std::string& origin) {
    if (!holder.is_object() || !holder.contains("journal")) return;
    const json& j = holder["journal"];
    if (!j.is_object() || !j.value("seq", json()).is_number_integer() || !j.value("prev", json()).is_string() ||
        !j.value("hash", json()).is_string())
        return;
    expectJournalEntry(db, table, JournalEntry{origin, j["seq"].get<std::int64_t>(), j["prev"].get<std::string>(),
                                               j["hash"].get<std::string>()});
}

bool exists(Database& db, const char* table, const std::string& terminal, std::int64_t record) {
    auto st = db.cached(std::string("SELECT 1 FROM ") + table + " WHERE origin_terminal = ?1 AND origin_record = ?2");
    st.bind(1, terminal).bind(2, record);
    return st.step();
}

// [SECTION] Checks an entry must pass (time written, believable money)
// Unix seconds of an ISO time with its offset, read the way the clock check reads it (SQLite
// strftime); none when it is not a time.
std::optional<std::int64_t> unixOf(Database& db, const std::string& iso) {
    auto st = db.cached("SELECT CAST(strftime('%s', ?1) AS INTEGER)");
    st.bind(1, iso);
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.i64(0);
}

// When an entry was written: entered_at, else at (a donation: recorded_at).
std::string writtenAt(const json& e, const std::string& kind) {
    if (kind == "donation") return e.at("recorded_at").get<std::string>();
    if (kind == "checkin")
        if (auto entered = optField(e, "entered_at")) return *entered;
    return e.at("at").get<std::string>();
}

// An integer that fits in Fen; none for anything else (a float, 2^64-1, a string).
std::optional<Fen> fenOf(const json& v) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > std::uint64_t(INT64_MAX)) return std::nullopt;
        return Fen(std::int64_t(u));
    }
    if (v.is_number_integer()) return Fen(v.get<std::int64_t>());
    return std::nullopt;
}

bool within(const json& v, Fen lo, Fen hi) {
    auto f = fenOf(v);
    return f && *f >= lo && *f <= hi;
}

// The money of a check-in as a terminal's policy could have written it: a price 0..kMaxPriceFen,
// five shares 0..price that add up to the price, each rule's parts 0..price.
bool checkinMoneyBelievable(const json& e) {
    if (!within(e.at("price_fen"), Fen{0}, kMaxPriceFen)) return false;
    const Fen price = e.at("price_fen").get<Fen>();
    const json& sh = e.at("shares");
    Fen sum;
    for (const char* k : {"government", "collective", "donation", "family", "elder"}) {
        if (!within(sh.at(k), Fen{0}, price)) return false;
        sum += sh.at(k).get<Fen>();  // five values of at most kMaxPriceFen: cannot overflow
    }
    if (sum != price) return false;
    if (e.contains("operating_fen") && !within(e.at("operating_fen"), Fen{0}, kMaxPriceFen)) return false;
    for (const json& r : e.value("rules", json::array()))
        for (const char* k : {"government", "collective", "donation", "family"})
            if (!within(r.at(k), Fen{0}, price)) return false;
    return true;
}

}  // namespace

// [SECTION] Reading the feed, cursors and contacts
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
                 : kind == "audit"    ? auditRow(m_db, id)
                                      : eatsFeedRow(m_db, kind, id);
        page.last = seq;
        if (e.is_null()) continue;  // cannot happen: rows are never deleted
        attachJournal(m_db, e, kind, id);
        e["seq"] = seq;
        page.entries.push_back(std::move(e));
    }
    return page;
}

json FeedStore::checkinEntry(std::int64_t recordId) {
    json e = checkinRow(m_db, recordId);
    if (e.is_null()) return e;
    attachJournal(m_db, e, "checkin", recordId);
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

const std::string& FeedStore::ownId() {
    if (m_ownId.empty()) m_ownId = loadTerminalIdentity(m_db).id;
    return m_ownId;
}

ImportGuard FeedStore::guard(std::int64_t nowUnix) {
    auto st = m_db.cached("SELECT COUNT(*) FROM elders WHERE updated_at <> ?1");
    st.bind(1, kPeerStubMark);
    st.step();
    return ImportGuard{nowUnix, int(std::min<std::int64_t>(st.i64(0), 1'000'000)) + kStubSlack};
}

int FeedStore::heldFuture() {
    auto st = m_db.cached("SELECT COUNT(*) FROM held_entries WHERE reason = 'future'");
    st.step();
    return int(st.i64(0));
}

int FeedStore::heldVoids() {
    auto st = m_db.cached("SELECT COUNT(*) FROM held_entries WHERE reason = 'void_waiting'");
    st.step();
    return int(st.i64(0));
}

void FeedStore::hold(const json& e, const char* reason, std::int64_t writtenUnix, ImportGuard& guard,
                     FeedImport& counts) {
    auto n = m_db.cached("SELECT COUNT(*) FROM held_entries");
    n.step();
    if (n.i64(0) >= kMaxHeldEntries) {
        ++counts.refused;
        return;
    }
    n.reset();
    const bool isVoid = e.at("kind").get<std::string>() == "void";
    auto st = m_db.cached(
        "INSERT OR IGNORE INTO held_entries(reason, kind, origin_terminal, origin_record, written_unix, record_terminal,"
        " record_origin, entry, held_unix) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    st.bind(1, std::string(reason)).bind(2, e.at("kind").get<std::string>()).bind(3, e.at("terminal").get<std::string>());
    st.bind(4, e.at("record").get<std::int64_t>()).bind(5, writtenUnix);
    st.bind(6, isVoid ? std::optional<std::string>(e.at("record_terminal").get<std::string>()) : std::nullopt);
    if (isVoid)
        st.bind(7, e.at("record_origin").get<std::int64_t>());
    else
        st.bind(7, std::optional<std::string>());
    st.bind(8, e.dump()).bind(9, guard.nowUnix).run();
    if (m_db.changes() > 0) ++counts.held;
    else ++counts.already;
}

// [SECTION] Importing one entry
FeedStore::Step FeedStore::importEntry(const json& e, FeedImport& counts, ImportGuard& guard) {
    const std::string kind = e.at("kind").get<std::string>();
    const std::string terminal = e.at("terminal").get<std::string>();
    const std::int64_t record = e.at("record").get<std::int64_t>();
    const char* table = kind == "checkin"    ? "checkins"
                        : kind == "void"     ? "voids"
                        : kind == "donation" ? "donations"
                        : kind == "audit"    ? "audit"
                                             : eatsFeedTable(kind);
    // A kind this version does not know: refuse the page rather than move the cursor past it.
    if (!table) throw std::invalid_argument("unknown feed entry kind: " + kind);
    if (exists(m_db, table, terminal, record)) {
        ++counts.already;
        return Step::Done;
    }
    // Our own come back through a relay as "already" above; one we do not have was never ours.
    if (terminal == ownId()) {
        ++counts.refused;
        return Step::Done;
    }
    {
        auto h = m_db.cached("SELECT 1 FROM held_entries WHERE kind = ?1 AND origin_terminal = ?2 AND origin_record = ?3");
        h.bind(1, kind).bind(2, terminal).bind(3, record);
        if (h.step()) {
            ++counts.already;
            return Step::Done;
        }
    }
    auto written = unixOf(m_db, writtenAt(e, kind));
    if (!written) {
        ++counts.refused;
        return Step::Done;
    }
    if (*written > guard.nowUnix + kHeldAfterSeconds) {
        hold(e, "future", *written, guard, counts);
        return Step::Done;
    }
    if (kind == "checkin") {
        if (!checkinMoneyBelievable(e)) {
            ++counts.refused;
            return Step::Done;
        }
        const std::string elder = e.at("elder_id").get<std::string>();
        auto known = m_db.cached("SELECT 1 FROM elders WHERE elder_id = ?1");
        known.bind(1, elder);
        if (!known.step()) {
            known.reset();
            if (guard.stubsLeft <= 0) return Step::StubsSpent;
            --guard.stubsLeft;
            std::string name = e.value("elder_name", std::string());
            auto stub = m_db.cached("INSERT INTO elders(elder_id, name, active, updated_at) VALUES(?1, ?2, 0, ?3)");
            stub.bind(1, elder).bind(2, name.empty() ? elder : name).bind(3, kPeerStubMark).run();
            ++counts.stubElders;
        }
        const json& sh = e.at("shares");
        expectEntry(m_db, "checkins", e, terminal);
        auto st = m_db.cached(
            "INSERT INTO checkins(elder_id, service, service_kind, day, at, delivered, rule, price_fen, government_fen,"
            " collective_fen, donation_fen, family_fen, elder_fen, categories, source, entered_at, voided,"
            " origin_terminal, origin_record, operating_fen, proxy_name, proxy_relation)"
            " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)");
        st.bind(1, elder).bind(2, e.at("service").get<std::string>()).bind(3, e.at("service_kind").get<std::string>());
        st.bind(4, e.at("day").get<std::string>()).bind(5, e.at("at").get<std::string>());
        st.bind(6, e.at("delivered").get<bool>()).bind(7, optField(e, "rule")).bind(8, e.at("price_fen").get<std::int64_t>());
        st.bind(9, sh.at("government").get<std::int64_t>()).bind(10, sh.at("collective").get<std::int64_t>());
        st.bind(11, sh.at("donation").get<std::int64_t>()).bind(12, sh.at("family").get<std::int64_t>());
        st.bind(13, sh.at("elder").get<std::int64_t>()).bind(14, e.at("categories").get<std::string>());
        st.bind(15, e.at("source").get<std::string>()).bind(16, optField(e, "entered_at"));
        st.bind(17, e.value("voided", false)).bind(18, terminal).bind(19, record);
        st.bind(20, e.contains("operating_fen") ? e.at("operating_fen").get<std::int64_t>() : std::int64_t(0));
        const bool proxied = e.contains("proxy") && e["proxy"].is_object();
        st.bind(21, proxied ? std::optional<std::string>(e["proxy"].at("name").get<std::string>()) : std::nullopt);
        st.bind(22, proxied ? std::optional<std::string>(e["proxy"].value("relation", std::string())) : std::nullopt);
        st.run();
        std::int64_t id = m_db.lastInsertId();
        int pos = 0;
        for (const json& r : e.value("rules", json::array())) {
            expectEntry(m_db, "checkin_rules", r, terminal);
            auto ins = m_db.cached(
                "INSERT INTO checkin_rules(record_id, position, rule, government_fen, collective_fen, donation_fen,"
                " family_fen) VALUES(?1,?2,?3,?4,?5,?6,?7)");
            ins.bind(1, id).bind(2, pos++).bind(3, r.at("rule").get<std::string>());
            ins.bind(4, r.at("government").get<std::int64_t>()).bind(5, r.at("collective").get<std::int64_t>());
            ins.bind(6, r.at("donation").get<std::int64_t>()).bind(7, r.at("family").get<std::int64_t>()).run();
        }
        counts.arrived.push_back({elder, e.at("service").get<std::string>(), e.at("day").get<std::string>()});
        ++counts.added;
        releaseVoidsOf(terminal, record, guard, counts);
        return Step::Done;
    }
    if (kind == "void") {
        const std::string recTerminal = e.at("record_terminal").get<std::string>();
        const std::int64_t recOrigin = e.at("record_origin").get<std::int64_t>();
        auto dup = m_db.cached(
            "SELECT 1 FROM voids WHERE (origin_terminal = ?1 AND origin_record = ?2)"
            " OR (record_terminal = ?3 AND record_origin = ?4 AND origin_terminal = ?1)");
        dup.bind(1, terminal).bind(2, record).bind(3, recTerminal).bind(4, recOrigin);
        if (dup.step()) {
            ++counts.already;
            return Step::Done;
        }
        dup.reset();
        auto rec = m_db.cached("SELECT record_id FROM checkins WHERE origin_terminal = ?1 AND origin_record = ?2");
        rec.bind(1, recTerminal).bind(2, recOrigin);
        // A void names its record by origin and voids that one only: not here yet (or never, when
        // its terminal id was invented), it waits aside and voids nothing.
        if (!rec.step()) {
            rec.reset();
            hold(e, "void_waiting", *written, guard, counts);
            return Step::Done;
        }
        std::int64_t local = rec.i64(0);
        rec.reset();
        expectEntry(m_db, "voids", e, terminal);
        auto ins = m_db.cached(
            "INSERT INTO voids(record_id, record_terminal, record_origin, origin_terminal, origin_record, at, staff,"
            " reason) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
        ins.bind(1, local).bind(2, recTerminal).bind(3, recOrigin).bind(4, terminal).bind(5, record);
        ins.bind(6, e.at("at").get<std::string>()).bind(7, e.at("staff").get<std::string>());
        ins.bind(8, e.at("reason").get<std::string>()).run();
        m_db.cached("UPDATE checkins SET voided = 1 WHERE record_id = ?1 AND voided = 0").bind(1, local).run();
    } else if (kind == "donation") {
        auto amount = fenOf(e.at("amount_fen"));
        if (!amount || *amount <= Fen{0} || *amount > kMaxDonationFen) {
            ++counts.refused;
            return Step::Done;
        }
        expectEntry(m_db, "donations", e, terminal);
        auto ins = m_db.cached(
            "INSERT INTO donations(donor, amount_fen, day, purpose, named, recorded_at, origin_terminal, origin_record)"
            " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
        ins.bind(1, e.at("donor").get<std::string>()).bind(2, *amount);
        ins.bind(3, e.at("day").get<std::string>()).bind(4, e.at("purpose").get<std::string>());
        ins.bind(5, e.at("named").get<bool>()).bind(6, e.at("recorded_at").get<std::string>());
        ins.bind(7, terminal).bind(8, record).run();
    } else if (kind != "audit") {
        // Contract 12's tables (shared/store/eats_store.hpp).
        if (!importEatsEntry(m_db, e)) {
            ++counts.refused;
            return Step::Done;
        }
    } else {
        expectEntry(m_db, "audit", e, terminal);
        auto ins = m_db.cached(
            "INSERT INTO audit(at, actor, action, subject, detail, origin_terminal, origin_record)"
            " VALUES(?1,?2,?3,?4,?5,?6,?7)");
        ins.bind(1, e.at("at").get<std::string>()).bind(2, e.at("actor").get<std::string>());
        ins.bind(3, e.at("action").get<std::string>()).bind(4, e.at("subject").get<std::string>());
        ins.bind(5, e.at("detail").get<std::string>()).bind(6, terminal).bind(7, record).run();
    }
    ++counts.added;
    return Step::Done;
}

namespace {

// [SECTION] Releasing held entries, and importing pages
// One entry's (or one release's) counts into the whole import's. `released` is left to each caller:
// what counts as released depends on why the entry was imported.
void addCounts(FeedImport& into, const FeedImport& one) {
    into.added += one.added;
    into.already += one.already;
    into.refused += one.refused;
    into.held += one.held;
    into.stubElders += one.stubElders;
    into.arrived.insert(into.arrived.end(), one.arrived.begin(), one.arrived.end());
}

// Runs `f` inside a savepoint: kept when it returns true, undone when it returns false or throws
// (then rethrown).
template <class F>
bool inSavepoint(Database& db, F&& f) {
    db.exec("SAVEPOINT feed_entry");
    bool keep = false;
    try {
        keep = f();
    } catch (...) {
        db.exec("ROLLBACK TO feed_entry");
        db.exec("RELEASE feed_entry");
        throw;
    }
    if (!keep) db.exec("ROLLBACK TO feed_entry");
    db.exec("RELEASE feed_entry");
    return keep;
}

}  // namespace

void FeedStore::releaseVoidsOf(const std::string& terminal, std::int64_t record, ImportGuard& guard,
                               FeedImport& counts) {
    std::vector<std::pair<std::int64_t, std::string>> waiting;
    {
        auto st = m_db.cached(
            "SELECT id, entry FROM held_entries WHERE reason = 'void_waiting' AND record_terminal = ?1 AND record_origin = ?2"
            " ORDER BY id");
        st.bind(1, terminal).bind(2, record);
        while (st.step()) waiting.emplace_back(st.i64(0), st.text(1));
    }
    for (const auto& [id, text] : waiting) {
        m_db.cached("DELETE FROM held_entries WHERE id = ?1").bind(1, id).run();
        FeedImport one;
        importEntry(json::parse(text), one, guard);
        counts.added += one.added;
        counts.already += one.already;
        counts.released += one.added;
    }
}

void FeedStore::releaseDue(ImportGuard& guard, FeedImport& counts) {
    std::vector<std::pair<std::int64_t, std::string>> due;
    {
        auto st = m_db.cached(
            "SELECT id, entry FROM held_entries WHERE reason = 'future' AND written_unix <= ?1 ORDER BY written_unix, id"
            " LIMIT 500");
        st.bind(1, guard.nowUnix + kHeldAfterSeconds);
        while (st.step()) due.emplace_back(st.i64(0), st.text(1));
    }
    for (const auto& held : due) {
        // Plain names, not a structured binding: the lambda below captures them (clang 14 cannot).
        const std::int64_t id = held.first;
        const std::string& text = held.second;
        // Its time has come: taken out of the held table and imported with every check again.
        FeedImport one;
        bool spent = false;
        try {
            inSavepoint(m_db, [&] {
                m_db.cached("DELETE FROM held_entries WHERE id = ?1").bind(1, id).run();
                spent = importEntry(json::parse(text), one, guard) == Step::StubsSpent;
                return !spent;
            });
        } catch (const StoreError& err) {
            if (err.diskFull() || err.busy()) throw;
            m_db.cached("DELETE FROM held_entries WHERE id = ?1").bind(1, id).run();
            ++counts.refused;
            continue;
        } catch (const std::exception&) {
            m_db.cached("DELETE FROM held_entries WHERE id = ?1").bind(1, id).run();
            ++counts.refused;
            continue;
        }
        if (spent) break;  // stays held; the next import has a fresh allowance
        addCounts(counts, one);
        counts.released += one.added;
    }
}

FeedImport FeedStore::importFeed(const json& entries, ImportGuard& guard, const std::string& peerTerminal,
                                 std::optional<std::int64_t> peerLast) {
    if (!entries.is_array()) throw std::invalid_argument("feed entries must be an array");
    FeedImport counts;
    Transaction tx(m_db);
    releaseDue(guard, counts);
    for (const json& e : entries) {
        if (importEntry(e, counts, guard) == Step::StubsSpent) {
            counts.stubsSpent = true;
            break;
        }
        if (e.contains("seq") && e["seq"].is_number_integer()) counts.lastSeq = e["seq"].get<std::int64_t>();
    }
    // Stopped early: the cursor goes only as far as the entries handled (none: where it was).
    std::optional<std::int64_t> upTo = counts.stubsSpent ? counts.lastSeq : peerLast;
    if (!peerTerminal.empty() && upTo) {
        auto st = m_db.cached(
            "INSERT INTO peer_cursor(peer_terminal, after_seq) VALUES(?1, ?2)"
            " ON CONFLICT(peer_terminal) DO UPDATE SET after_seq = MAX(after_seq, excluded.after_seq)");
        st.bind(1, peerTerminal).bind(2, *upTo).run();
    }
    tx.commit();
    return counts;
}

FeedImport FeedStore::importLoose(const json& entries, ImportGuard& guard) {
    if (!entries.is_array()) throw std::invalid_argument("feed entries must be an array");
    FeedImport counts;
    Transaction tx(m_db);
    releaseDue(guard, counts);
    for (const json& e : entries) {
        FeedImport one;
        try {
            bool spent = false;
            inSavepoint(m_db, [&] {
                spent = importEntry(e, one, guard) == Step::StubsSpent;
                return !spent;
            });
            if (spent) {
                ++counts.refused;  // no stub left for this push
                continue;
            }
            addCounts(counts, one);
            counts.released += one.released;
        } catch (const StoreError& err) {
            if (err.diskFull() || err.busy()) throw;
            ++counts.skipped;
        } catch (const std::exception&) {
            ++counts.skipped;
        }
    }
    tx.commit();
    return counts;
}

}  // namespace mh

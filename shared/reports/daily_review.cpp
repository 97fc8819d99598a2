// The daily review (see daily_review.hpp).
#include "shared/reports/daily_review.hpp"

#include <functional>

#include "shared/core/text.hpp"
#include "shared/peers/doubles.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {
namespace {

using J = nlohmann::ordered_json;
constexpr const char* kHandled = "review.handled";

// A record's fields as every record item shows them.
J recordJson(Statement& st, int from) {
    return J{{"record", st.i64(from)}, {"terminal", st.text(from + 1)}, {"origin_record", st.i64(from + 2)},
             {"elder_id", st.text(from + 3)}, {"service", st.text(from + 4)}, {"at", st.text(from + 5)}};
}

void doubles(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    for (const FlaggedDouble& d : flaggedDoubles(db)) {
        if (d.day != day) continue;
        J records = J::array();
        for (const DoubleRecord& r : d.records)
            records.push_back(J{{"record", r.recordId}, {"terminal", r.terminal}, {"origin_record", r.originRecord}, {"at", r.at}});
        out.push_back(ReviewItem{"double:" + d.elderId + ":" + d.service + ":" + d.day, "double", false,
                                 J{{"elder_id", d.elderId}, {"name", maskName(d.elderName)}, {"service", d.service},
                                   {"records", std::move(records)}}});
    }
}

constexpr const char* kRecordColumns = "c.record_id, c.origin_terminal, c.origin_record, c.elder_id, c.service, c.at";

// The items of one kind that each name a check-in record of `day` (keyed by the record's origin):
// `columns` are selected after the record's six (so they start at column 6), `rest` is the query's
// FROM and WHERE with the day as ?1, and `fill` adds the item's own fields to the record's.
void recordItems(Database& db, const std::string& day, const std::string& kind, const std::string& columns, const char* rest,
                 const std::function<void(Statement&, J&)>& fill, std::vector<ReviewItem>& out) {
    auto st = db.prepare(std::string("SELECT ") + kRecordColumns + ", " + columns + rest);
    st.bind(1, day);
    while (st.step()) {
        J d = recordJson(st, 0);
        fill(st, d);
        out.push_back(ReviewItem{kind + ":" + st.text(1) + ":" + std::to_string(st.i64(2)), kind, false, std::move(d)});
    }
}

void backdated(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    recordItems(db, day, "backdated", std::string("c.entered_at, c.voided, CASE WHEN ") + kPaperEntrySql + " THEN 'paper' ELSE c.source END",
                " FROM checkins c WHERE c.day = ?1 AND c.entered_at IS NOT NULL ORDER BY c.at, c.record_id",
                [](Statement& st, J& d) {
                    d["entered_at"] = st.text(6);
                    d["voided"] = st.i64(7) != 0;
                    d["source"] = st.text(8);
                    // What staff read: a record from the power-cut sheet is checked against the paper itself.
                    d["label"] = st.text(8) == "paper" ? "纸质补录" : "补录";
                }, out);
}

void revokedCards(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    auto st = db.prepare(
        "SELECT COALESCE(elder_id, ''), COALESCE(card_serial, ''), COUNT(*), MIN(at), MAX(at) FROM refused_scans"
        " WHERE day = ?1 AND outcome = 'revoked' GROUP BY elder_id, card_serial ORDER BY MIN(at)");
    st.bind(1, day);
    while (st.step())
        out.push_back(ReviewItem{"revoked_card:" + st.text(0) + ":" + st.text(1) + ":" + day, "revoked_card", false,
                                 J{{"elder_id", st.text(0)}, {"card_serial", st.text(1)}, {"count", st.i64(2)},
                                   {"first_at", st.text(3)}, {"last_at", st.text(4)}}});
}

void heldEntries(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    auto st = db.prepare("SELECT kind, origin_terminal, origin_record, reason, entry FROM held_entries ORDER BY id");
    while (st.step()) {
        J entry = J::parse(st.text(4), nullptr, false);
        if (entry.is_discarded() || !entry.is_object()) continue;
        const std::string at = entry.value("at", entry.value("recorded_at", std::string()));
        if (at.compare(0, 10, day) != 0) continue;
        out.push_back(ReviewItem{"held:" + st.text(0) + ":" + st.text(1) + ":" + std::to_string(st.i64(2)), "held_peer_entry",
                                 false,
                                 J{{"entry_kind", st.text(0)}, {"terminal", st.text(1)}, {"origin_record", st.i64(2)},
                                   {"reason", st.text(3)}, {"at", at}}});
    }
}

// Delivered meals the driver did not deliver (contract 12's delivery outcomes: not_home, refused):
// each voided by its outcome, kept here so staff call or visit the elder. Keyed by the record's origin.
void notDelivered(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    recordItems(db, day, "not_delivered", "o.outcome, o.staff, o.note, o.at",
                " FROM delivery_outcomes o"
                " JOIN checkins c ON c.origin_terminal = o.record_terminal AND c.origin_record = o.record_origin"
                " WHERE c.day = ?1 AND o.outcome IN ('not_home', 'refused') ORDER BY o.at, o.outcome_id",
                [](Statement& st, J& d) {
                    d["outcome"] = st.text(6);
                    d["by"] = st.text(7);
                    d["note"] = st.text(8);
                    d["outcome_at"] = st.text(9);
                }, out);
}

void clockCorrected(Database& db, const std::string& day, std::vector<ReviewItem>& out) {
    recordItems(db, day, "clock_corrected", "k.confirmed_at, k.staff",
                " FROM clock_corrected x"
                " JOIN checkins c ON c.record_id = x.record_id JOIN clock_confirmations k ON k.id = x.confirmation"
                " WHERE c.day = ?1 ORDER BY c.at, c.record_id",
                [](Statement& st, J& d) {
                    d["confirmed_at"] = st.text(6);
                    d["confirmed_by"] = st.text(7);
                }, out);
}

// The day an item id belongs to: written in it (double, revoked_card), or its record's / entry's.
std::optional<std::string> dayOfItem(Database& db, const std::string& id) {
    const auto colon = id.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string kind = id.substr(0, colon);
    if (kind == "double" || kind == "revoked_card") {
        const auto last = id.rfind(':');
        return last + 11 == id.size() ? std::optional(id.substr(last + 1)) : std::nullopt;
    }
    const auto second = id.find(':', colon + 1);
    if (second == std::string::npos) return std::nullopt;
    if (kind == "backdated" || kind == "clock_corrected" || kind == "not_delivered") {
        auto st = db.prepare("SELECT day FROM checkins WHERE origin_terminal = ?1 AND origin_record = ?2");
        st.bind(1, id.substr(colon + 1, second - colon - 1)).bind(2, std::string_view(id).substr(second + 1));
        if (st.step()) return st.text(0);
        return std::nullopt;
    }
    if (kind == "held") {
        auto st = db.prepare("SELECT entry FROM held_entries WHERE kind || ':' || origin_terminal || ':' || origin_record = ?1");
        st.bind(1, id.substr(colon + 1));
        if (!st.step()) return std::nullopt;
        J entry = J::parse(st.text(0), nullptr, false);
        if (entry.is_discarded() || !entry.is_object()) return std::nullopt;
        const std::string at = entry.value("at", entry.value("recorded_at", std::string()));
        return at.size() >= 10 ? std::optional(at.substr(0, 10)) : std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

DailyReview dailyReview(Site& site, LocalDate day) {
    Database& db = site.db();
    DailyReview r;
    r.date = day.iso();
    doubles(db, r.date, r.items);
    backdated(db, r.date, r.items);
    revokedCards(db, r.date, r.items);
    heldEntries(db, r.date, r.items);
    notDelivered(db, r.date, r.items);
    clockCorrected(db, r.date, r.items);
    // Staff read names, not ids: each item about an elder carries the name masked as the roster's
    // screens mask it (a double has it already).
    ElderStore elders(db);
    for (ReviewItem& item : r.items) {
        if (item.detail.contains("name") || !item.detail.contains("elder_id")) continue;
        const std::string id = item.detail["elder_id"].get<std::string>();
        if (id.empty()) continue;
        auto e = elders.byElderId(ElderId(id));
        item.detail["name"] = e ? maskName(e->name) : id;
    }
    auto handled = db.prepare("SELECT 1 FROM audit WHERE action = ?1 AND subject = ?2 LIMIT 1");
    for (ReviewItem& item : r.items) {
        handled.bind(1, kHandled).bind(2, item.id);
        item.handled = handled.step();
        handled.reset();
    }
    return r;
}

Result<ReviewItem> markReviewHandled(Site& site, const std::string& id, const std::string& staff, std::int64_t nowUnix) {
    const std::string who(trim(staff));
    if (who.empty()) return Error{"review.staff", "请写上经办人（--staff）", "say who handled it (--staff)"};
    Error unknown{"review.unknown", "今日核对里没有这一项：" + id, "no review item " + id};
    const auto day = dayOfItem(site.db(), id);
    if (!day) return unknown;
    const auto date = LocalDate::parse(*day);
    if (!date) return unknown;
    Transaction tx(site.db());
    for (ReviewItem& item : dailyReview(site, *date).items) {
        if (item.id != id) continue;
        if (!item.handled)
            AuditLog(site.db()).append(site.timeZone().isoWithOffset(nowUnix), who, kHandled, id, item.kind);
        tx.commit();
        item.handled = true;
        return item;
    }
    return unknown;
}

}  // namespace mh

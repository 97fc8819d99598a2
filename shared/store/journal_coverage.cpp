// The journal's covered tables (see journal_coverage.hpp).
#include "shared/store/journal_coverage.hpp"

namespace mh {
namespace {

// Splits "a, b, c" into trimmed names.
std::vector<std::string> names(std::string_view list) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : list) {
        if (ch == ',') {
            out.push_back(cur);
            cur.clear();
        } else if (ch != ' ') {
            cur += ch;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The origin key of the check-in a row names by its local record_id ($ is the row).
constexpr std::string_view kRecordOrigin =
    "'record_terminal', (SELECT c.origin_terminal FROM checkins c WHERE c.record_id = $.record_id), "
    "'record_origin', (SELECT c.origin_record FROM checkins c WHERE c.record_id = $.record_id)";

}  // namespace

const std::vector<JournalTable>& journalCoverage() {
    // One line per covered table (contract 13). Operational tables (outbox, peer cursors and
    // contact, settings, lockouts, claims, held entries) are not covered: they change in place.
    static const std::vector<JournalTable> k{
        {"checkins", "签到记录", "record_id",
         "origin_terminal, origin_record, elder_id, service, service_kind, day, at, delivered, rule, price_fen, "
         "government_fen, collective_fen, donation_fen, family_fen, elder_fen, operating_fen, categories, source, entered_at, proxy_name, proxy_relation"},
        {"checkin_rules", "签到的补贴分项", "record_id, position", "position, rule, government_fen, collective_fen, donation_fen, family_fen",
         kRecordOrigin},
        {"voids", "作废记录", "void_id", "record_terminal, record_origin, origin_terminal, origin_record, at, staff, reason"},
        {"donations", "捐赠记录", "donation_id", "origin_terminal, origin_record, donor, amount_fen, day, purpose, named, recorded_at"},
        {"audit", "操作日志", "id", "origin_terminal, origin_record, at, actor, action, subject, detail"},
        {"clock_confirmations", "时间确认", "id", "id, confirmed_at, confirmed_unix, staff, records_before"},
        {"clock_corrected", "时间更正记录", "record_id", "confirmation", kRecordOrigin},
        {"refused_scans", "没刷上的记录", "id", "id, day, at, service, outcome, elder_id, card_serial, entered_at"},
        {"other_meals", "访客职工志愿者用餐", "meal_id",
         "origin_terminal, origin_record, service, kind, day, at, entered_at, count, paid_fen, name, minutes"},
        {"other_meal_voids", "其他用餐的作废", "void_id", "meal_terminal, meal_origin, origin_terminal, origin_record, at, staff, reason"},
        {"delivery_outcomes", "送餐结果", "outcome_id",
         "record_terminal, record_origin, outcome, staff, note, at, origin_terminal, origin_record"},
        {"concerns_handled", "送餐关注已处理", "handled_id", "outcome_terminal, outcome_origin, staff, at, origin_terminal, origin_record"},
    };
    return k;
}

std::string journalCanonicalSql(const JournalTable& t, std::string_view alias) {
    std::string a(alias);
    std::string out = "json_object('t', '" + std::string(t.table) + "'";
    for (const std::string& c : names(t.columns)) out += ", '" + c + "', " + a + "." + c;
    if (!t.extra.empty()) {
        std::string extra;
        for (char ch : t.extra) {
            if (ch == '$') extra += a;
            else extra += ch;
        }
        out += ", " + extra;
    }
    return out + ")";
}

std::string journalKeySql(const JournalTable& t, std::string_view alias) {
    std::string a(alias);
    std::string out;
    for (const std::string& c : names(t.key)) out += (out.empty() ? "" : " || '/' || ") + a + "." + c;
    return names(t.key).size() == 1 ? "CAST(" + out + " AS TEXT)" : out;
}

}  // namespace mh

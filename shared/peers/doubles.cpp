#include "shared/peers/doubles.hpp"

#include <tuple>

namespace mh {

// One terminal can never count a use twice (checkins_once_a_day is per origin terminal), so any
// group of counted records with more than one row is a double made across terminals.
std::vector<FlaggedDouble> flaggedDoubles(Database& db) {
    std::vector<FlaggedDouble> out;
    auto st = db.prepare(
        "SELECT c.elder_id, COALESCE(e.name, ''), c.service, c.day, c.record_id, c.origin_terminal, c.origin_record, c.at"
        " FROM checkins c LEFT JOIN elders e ON e.elder_id = c.elder_id"
        " WHERE c.voided = 0 AND (c.elder_id, c.service, c.day) IN"
        "  (SELECT elder_id, service, day FROM checkins WHERE voided = 0 GROUP BY elder_id, service, day"
        "   HAVING COUNT(*) > 1)"
        " ORDER BY c.day, c.elder_id, c.service, c.at, c.origin_terminal");
    while (st.step()) {
        std::string elder = st.text(0), service = st.text(2), day = st.text(3);
        if (out.empty() || std::tie(out.back().elderId, out.back().service, out.back().day) != std::tie(elder, service, day))
            out.push_back(FlaggedDouble{elder, st.text(1), service, day, {}});
        out.back().records.push_back(DoubleRecord{st.i64(4), st.text(5), st.i64(6), st.text(7)});
    }
    return out;
}

int countDoubles(Database& db) {
    return int(db.integerOf(
        "SELECT COUNT(*) FROM (SELECT 1 FROM checkins WHERE voided = 0 GROUP BY elder_id, service, day"
        " HAVING COUNT(*) > 1)"));
}

}  // namespace mh

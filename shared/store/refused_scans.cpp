// Refused scans (see refused_scans.hpp).
#include "shared/store/refused_scans.hpp"

namespace mh {

void recordRefusedScan(Database& db, const RefusedScan& r) {
    db.cached("INSERT INTO refused_scans(day, at, service, outcome, elder_id, card_serial, entered_at)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, r.day)
        .bind(2, r.at)
        .bind(3, r.service)
        .bind(4, r.outcome)
        .bind(5, r.elderId)
        .bind(6, r.cardSerial)
        .bind(7, r.enteredAt)
        .run();
}

std::map<std::string, std::map<std::string, int>> refusedCounts(Database& db, const std::string& day) {
    std::map<std::string, std::map<std::string, int>> out;
    auto st = db.prepare("SELECT service, outcome, COUNT(*) FROM refused_scans WHERE day = ?1 GROUP BY service, outcome");
    st.bind(1, day);
    while (st.step()) out[st.text(0)][st.text(1)] = int(st.i64(2));
    return out;
}

}  // namespace mh

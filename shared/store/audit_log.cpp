#include "shared/store/audit_log.hpp"

namespace mh {

void AuditLog::append(const std::string& at, const std::string& actor, const std::string& action,
                      const std::string& subject, const std::string& detail) {
    // Born here: the origin is this terminal and the entry's own id (contract 11).
    auto st = m_db.cached(
        "INSERT INTO audit(id, at, actor, action, subject, detail, origin_terminal, origin_record)"
        " SELECT n, ?1,?2,?3,?4,?5, (SELECT terminal_id FROM terminal WHERE id = 1), n"
        " FROM (SELECT MAX((SELECT COALESCE(MAX(id), 0) FROM audit), (SELECT COALESCE(MAX(origin_record), 0) FROM audit"
        " WHERE origin_terminal = (SELECT terminal_id FROM terminal WHERE id = 1))) + 1 AS n)");
    st.bind(1, at).bind(2, actor).bind(3, action).bind(4, subject).bind(5, detail);
    st.run();
}

std::vector<AuditEntry> AuditLog::recent(int limit) {
    std::vector<AuditEntry> out;
    auto st = m_db.cached("SELECT id, at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?1");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

}  // namespace mh

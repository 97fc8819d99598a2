// The audit log: who did what and why (voids, imports, manual check-ins, settings). Append-only.
#pragma once
#include <string>
#include <vector>

#include "shared/store/database.hpp"

namespace mh {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at, actor, action, subject, detail;
};

class AuditLog {
public:
    explicit AuditLog(Database& db) : m_db(db) {}
    // Joins the caller's transaction when there is one, so the action and its entry land together.
    void append(const std::string& at, const std::string& actor, const std::string& action,
                const std::string& subject, const std::string& detail);
    [[nodiscard]] std::vector<AuditEntry> recent(int limit);

private:
    Database& m_db;
};

}  // namespace mh

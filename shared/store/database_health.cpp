#include "shared/store/database_health.hpp"

namespace mh {

std::string databaseProblem(Database& db, std::string* detail) {
    std::string check;
    try {
        check = db.quickCheck();
    } catch (const StoreError& e) {
        check = e.what();
    }
    if (detail) *detail = check;
    if (check == "ok") return {};
    return "数据库检查发现损坏，新的签到可能存不下来，已有的记录可能不全。请联系技术人员用备份恢复站点数据。";
}

}  // namespace mh

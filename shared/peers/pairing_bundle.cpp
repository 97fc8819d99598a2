// Packing and unpacking a SiteBundle (see pairing_bundle.hpp). Tables are copied column by column
// with SQLite's own types, so a roster column added later travels without changes here.
#include "shared/peers/pairing_bundle.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "shared/core/read_file.hpp"
#include "shared/store/terminal_identity.hpp"

namespace mh {
namespace {

bool knownTable(const std::string& t) {
    return std::any_of(std::begin(kBundleTables), std::end(kBundleTables), [&](const char* k) { return t == k; });
}

bool plainName(const std::string& s) {
    return !s.empty() && s.size() <= 64 &&
           s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == std::string::npos &&
           s != "." && s != "..";
}

nlohmann::json tableRows(Database& db, const std::string& table) {
    nlohmann::json rows = nlohmann::json::array();
    sqlite3_stmt* st = nullptr;
    std::string sql = "SELECT * FROM " + table;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw StoreError(sqlite3_errmsg(db.handle()), sqlite3_errcode(db.handle()));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        nlohmann::json row = nlohmann::json::object();
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const char* name = sqlite3_column_name(st, c);
            switch (sqlite3_column_type(st, c)) {
                case SQLITE_INTEGER: row[name] = sqlite3_column_int64(st, c); break;
                case SQLITE_FLOAT: row[name] = sqlite3_column_double(st, c); break;
                case SQLITE_NULL: row[name] = nullptr; break;
                default: row[name] = reinterpret_cast<const char*>(sqlite3_column_text(st, c)); break;
            }
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db.handle()), rc);
    return rows;
}

}  // namespace

SiteBundle makeSiteBundle(Site& site) {
    SiteBundle b;
    b.siteToml = readWholeFile(site.dir() / kSiteToml);
    std::vector<std::string> names = {kIdHashKeyFile, kCardKeyFile};
    // The county token travels only when it is a file in the site directory (the usual case).
    const std::string& token = site.config().tokenFile;
    std::error_code ec;
    if (plainName(token) && std::filesystem::exists(site.dir() / token, ec)) names.push_back(token);
    for (const auto& n : names) b.files.emplace_back(n, readWholeFile(site.dir() / n));
    for (const char* t : kBundleTables) b.tables[t] = tableRows(site.db(), t);
    b.fromTerminal = loadTerminalIdentity(site.db()).id;
    b.peers = site.config().peerAddresses;
    return b;
}

nlohmann::json bundleToJson(const SiteBundle& b) {
    nlohmann::json j;
    j["site_toml"] = b.siteToml;
    j["files"] = nlohmann::json::object();
    for (const auto& [n, c] : b.files) j["files"][n] = c;
    j["tables"] = b.tables;
    j["terminal"] = b.fromTerminal;
    j["peers"] = b.peers;
    return j;
}

Result<SiteBundle> bundleFromJson(const nlohmann::json& j) {
    Error bad{"join.reply", "对方发来的站点资料不完整，请重试", "the site data received is incomplete; try again"};
    try {
        SiteBundle b;
        b.siteToml = j.at("site_toml").get<std::string>();
        for (auto& [n, c] : j.at("files").items()) {
            if (!plainName(n)) return bad;
            b.files.emplace_back(n, c.get<std::string>());
        }
        b.tables = j.at("tables");
        for (auto& [t, rows] : b.tables.items())
            if (!knownTable(t) || !rows.is_array()) return bad;
        b.fromTerminal = j.value("terminal", "");
        b.peers = j.value("peers", std::vector<std::string>{});
        return b;
    } catch (const nlohmann::json::exception&) {
        return bad;
    }
}

int importBundleTables(Database& db, const nlohmann::json& tables) {
    int rowsCopied = 0;
    for (const char* table : kBundleTables) {
        if (!tables.contains(table)) continue;
        for (const auto& row : tables.at(table)) {
            if (!row.is_object() || row.empty()) continue;
            std::string cols, marks;
            std::vector<const nlohmann::json*> values;
            for (auto& [c, v] : row.items()) {
                if (!plainName(c) || c.find('.') != std::string::npos) throw StoreError("bad column name " + c, SQLITE_MISMATCH);
                cols += (cols.empty() ? "" : ",") + c;
                marks += marks.empty() ? "?" : ",?";
                values.push_back(&v);
            }
            std::string sql = "INSERT OR REPLACE INTO " + std::string(table) + "(" + cols + ") VALUES(" + marks + ")";
            sqlite3_stmt* st = nullptr;
            if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
                throw StoreError(sqlite3_errmsg(db.handle()), sqlite3_errcode(db.handle()));
            for (size_t i = 0; i < values.size(); ++i) {
                const nlohmann::json& v = *values[i];
                int at = int(i) + 1;
                if (v.is_null()) sqlite3_bind_null(st, at);
                else if (v.is_number_integer()) sqlite3_bind_int64(st, at, v.get<std::int64_t>());
                else if (v.is_number()) sqlite3_bind_double(st, at, v.get<double>());
                else if (v.is_string()) {
                    const auto& s = v.get_ref<const std::string&>();
                    sqlite3_bind_text(st, at, s.data(), int(s.size()), SQLITE_TRANSIENT);
                } else sqlite3_bind_null(st, at);
            }
            int rc = sqlite3_step(st);
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db.handle()), rc);
            ++rowsCopied;
        }
    }
    return rowsCopied;
}

}  // namespace mh

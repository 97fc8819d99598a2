// The start-up check of the site database (issue 11): a damaged file is shown to staff at once,
// not found out at the next scan that fails to save. One home for the GUI and for `status`.
#pragma once
#include <string>

#include "shared/store/database.hpp"

namespace mh {

// PRAGMA quick_check. Empty when the database is sound; else a plain Chinese sentence for staff
// (no file names: it is shown on the staff screen). `detail` gets SQLite's own words, for logs.
std::string databaseProblem(Database& db, std::string* detail = nullptr);

}  // namespace mh

// The site database's schema as an ordered list of migrations: step i takes user_version i to i+1.
// Append new steps; never edit a released one.
#pragma once
#include <string>
#include <vector>

namespace mh {
const std::vector<std::string>& schemaMigrations();
}

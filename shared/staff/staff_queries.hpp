// What the staff screens ask of the database: regulars who have not come today (an elder who
// suddenly stops coming to lunch is a warning sign), and finding an elder without Chinese typing.
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/core/ids.hpp"
#include "shared/store/database.hpp"
#include "shared/core/elder.hpp"

namespace mh {

struct MissingRegular {
    std::string elderId;
    std::string name;
    std::string village;
    std::string phone;
    int daysCame = 0;  // of the `window` days before today
};

// Active elders with a counted record of `service` on more than half of the `window` days before
// `today`, and none today; most regular first, then by name.
std::vector<MissingRegular> regularsMissing(Database& db, const ServiceId& service, LocalDate today, int window = 14);

// The first characters of active elders' names, sorted, for a surname button list (no typing).
std::vector<std::string> surnameInitials(Database& db);

enum class ElderKey { Surname, Village, IdLast4 };
// Active elders whose surname (first character), village or last four ID digits equal `value`.
std::vector<Elder> findElders(Database& db, ElderKey key, const std::string& value);

// Distinct villages of active elders, sorted.
std::vector<std::string> villages(Database& db);

// The names of active elders, in roster order: every name a screen may have to draw.
std::vector<std::string> activeElderNames(Database& db);

}  // namespace mh

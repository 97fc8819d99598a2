// Today's roster for the staff screen: every record of a day by service in the order they came, with
// the elder's name, and the records a peer terminal also counted while the two were apart marked so
// staff void one of each (contract 11).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct DayRosterRow {
    std::int64_t recordId = 0;
    std::string elderId;
    std::string name;  // the roster's full name; the elder id when the roster no longer knows them
    std::string time;  // 11:32, local
    bool delivered = false;
    bool voided = false;
    bool doubled = false;  // another terminal counted the same meal while the two could not talk
    std::string diets;     // 低盐、软食: the elder's diet needs, for staff (never on a public screen)
    std::string proxy;     // 李明（儿子）: who collected the meal for the elder (代领); empty: the elder
};

struct DayRosterService {
    std::string id;
    std::string name;  // site.toml's name; the id for a service no longer configured
    std::vector<DayRosterRow> rows;
    int counted = 0;   // rows not voided
};

// `day`'s records (this terminal's and the peers'), services in order of their first record.
// Throws StoreError when the database cannot be read.
std::vector<DayRosterService> dayRoster(Site& site, LocalDate day);

}  // namespace mh

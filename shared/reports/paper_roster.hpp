// The power-cut sheet (contract 13, `paper-roster`): every active elder of the roster with a box
// per service of the day, printed before the lunch rush so that a dark canteen still has something
// to tick. What is ticked is entered afterwards with `scan --at TIME --paper` (source "paper").
#pragma once
#include <string>
#include <vector>

#include "shared/core/dates.hpp"
#include "shared/site/site.hpp"

namespace mh {

struct PaperRosterService {
    std::string id;
    std::string name;   // site.toml's name (午餐)
    std::string hours;  // "11:00–13:00", so the worker writes a time inside the window
};

struct PaperRosterRow {
    std::string elderId;     // what staff type to enter the tick afterwards
    std::string maskedName;  // masked as the public posting masks it: the sheet lies on a counter
    std::string village;
    std::string cardSerial;  // tells an old card from the current one
};

struct PaperRoster {
    std::string siteName;
    std::string siteId;
    LocalDate day;
    std::vector<PaperRosterService> services;  // meals first, then the other services, site.toml order
    std::vector<PaperRosterRow> rows;          // by village, then elder id
};

// Reads only; throws StoreError when the database cannot be read.
PaperRoster paperRoster(Site& site, LocalDate day);

}  // namespace mh

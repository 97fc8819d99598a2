// Flagged doubles (contract 11, 两台机器重复): one elder's use of one service on one day counted by
// two terminals while they could not talk. Never voided by the kiosk: staff void one with a reason
// (CheckInEngine::voidRecord), the void replicates, and the double is gone everywhere.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "shared/store/database.hpp"

namespace mh {

// The flag staff see beside such a pair.
inline constexpr const char* kDoubleFlagZh = "两台机器重复";
inline constexpr const char* kDoubleFlagEn = "counted on two terminals";

struct DoubleRecord {
    std::int64_t recordId = 0;     // this database's id (what `void --record` takes here)
    std::string terminal;          // the terminal that recorded it
    std::int64_t originRecord = 0; // its id on that terminal
    std::string at;                // local time with offset
};

struct FlaggedDouble {
    std::string elderId;
    std::string elderName;  // full name, for staff only
    std::string service;
    std::string day;        // YYYY-MM-DD
    std::vector<DoubleRecord> records;  // two or more counted records, oldest first
};

// Every unresolved double this terminal sees, by day then elder.
std::vector<FlaggedDouble> flaggedDoubles(Database& db);
// Their number, for `status` ("doubles").
int countDoubles(Database& db);

}  // namespace mh

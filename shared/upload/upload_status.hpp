// What staff screens show about uploads: last success, days waiting, and the last problem in a plain
// sentence. Read from the database, so any process (GUI, CLI) sees the same.
#pragma once
#include <string>

#include "shared/site/site.hpp"

namespace mh {

struct UploadStatus {
    bool configured = false;       // [upload] endpoint is set
    std::string lastSuccessAt;     // local time with offset; empty: never
    int daysPending = 0;           // frozen days the platform has not confirmed
    std::string oldestPendingDay;  // YYYY-MM-DD; empty when none
    std::string lastError;         // Chinese, empty when the last try went through
    std::string lastErrorEn;
    std::string lastErrorAt;
    bool needsStaff = false;       // lastError is something a person must fix (token, address, data)
    std::string rosterPulledAt;    // last successful roster pull
    std::string rosterError;       // Chinese, empty when fine
};

UploadStatus readUploadStatus(Site& site);

}  // namespace mh

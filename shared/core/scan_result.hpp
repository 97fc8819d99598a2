// What a scan comes to (contract 7): the outcome, the elder, the money, and the sentence to show
// and speak. The GUI draws it; `kiosk scan` prints it as JSON. A core type (not checkin's) because
// the AudioCue port and the JSON forms beside the tally carry it too, and both sit below the engine.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/ids.hpp"
#include "shared/core/money.hpp"

namespace mh {

// Listed in contract 7's precedence order after Accepted: where several apply, the earliest wins.
enum class Outcome { Accepted, Invalid, Unknown, Revoked, Closed, Duplicate, Ineligible };
std::string_view outcomeKey(Outcome o);

// A scan the store could not write (not an outcome of contract 7: nothing was decided or recorded).
enum class StoreFault {
    None,
    Full,    // SQLITE_FULL or a disk I/O error: the storage is full or failing
    Failed,  // any other database error
};

// Who collected a meal for the elder (代领, contract 12): "NAME/RELATION" on the command line.
struct ProxyPerson {
    std::string name;
    std::string relation;
};

struct ScanResult {
    Outcome outcome = Outcome::Invalid;
    std::optional<std::int64_t> recordId;
    ElderId elderId;
    std::string maskedName;     // 张*兰: what the JSON and public screens carry by default
    std::string fullName;       // for staff screens and sites that show full names
    ServiceId service;
    std::string serviceName;    // 午餐
    bool delivered = false;
    std::optional<std::string> rule;   // the first of `rules`
    std::vector<std::string> rules;    // every rule that paid a part, in the order applied
    std::optional<Fen> priceFen;
    std::optional<Shares> shares;
    std::string at;             // local time with offset, when known
    std::string source;         // an accepted record's: card | id | legacy | manual | paper
    bool registrationStopped = false;  // unknown because the roster marks the elder inactive (active=0)
    std::string message;        // Chinese
    std::string messageEn;
    // Set by the kiosk, not the engine: the second unreadable card in a row, when the elder is sent
    // to the staff rather than asked to try again.
    bool repeatedFailure = false;
    // Set by the kiosk when the engine could not write the record: the elder is sent to staff (a
    // retry cannot help), with the reason under it. Busy is not a fault: scanning again works.
    StoreFault storeFault = StoreFault::None;
    std::optional<ProxyPerson> proxy;  // an accepted meal collected by someone else

    [[nodiscard]] bool accepted() const { return outcome == Outcome::Accepted; }
    [[nodiscard]] Fen elderPays() const { return shares ? shares->elder : Fen{0}; }
};

}  // namespace mh

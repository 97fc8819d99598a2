// The stable keys of the scan outcomes (contract 7's "outcome" field in JSON and the logs).
#include "shared/core/scan_result.hpp"

namespace mh {

std::string_view outcomeKey(Outcome o) {
    switch (o) {
        case Outcome::Accepted: return "accepted";
        case Outcome::Invalid: return "invalid";
        case Outcome::Unknown: return "unknown";
        case Outcome::Revoked: return "revoked";
        case Outcome::Closed: return "closed";
        case Outcome::Duplicate: return "duplicate";
        case Outcome::Ineligible: break;
    }
    return "ineligible";
}

}  // namespace mh

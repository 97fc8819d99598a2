// A site wired to a test county platform: token file, [upload] endpoint, a small roster, and helpers to
// record lunches on given days through the check-in engine.
#pragma once
#include <memory>
#include <string>

#include "shared/checkin/checkin_engine.hpp"
#include "shared/core/dates.hpp"
#include "shared/ports/clock.hpp"
#include "support/test_site.hpp"

namespace mh::test {

inline constexpr const char* kToken = "secret-token";

struct UploadSite {
    TempDir dir;
    std::unique_ptr<Site> site;
    FakeClock clock{0};

    // `endpoint` empty: no [upload] table. `elders`: E001..ENNN imported from a CSV.
    explicit UploadSite(const std::string& endpoint, int elders = 5, const std::string& extraToml = "");
    // Lunch at 11:30 local for elders 1..n on `day`; returns the last record id.
    std::int64_t lunches(LocalDate day, int n, bool delivered = false);
    // The Idempotency-Key of this terminal's tally of `day` (contract 8).
    [[nodiscard]] std::string key(const std::string& day, int revision) const;
    // Unix seconds of local `day` at hh:mm in the site's zone.
    [[nodiscard]] std::int64_t at(LocalDate day, int hh, int mm) const;
};

// LocalDate of "YYYY-MM-DD" (test shorthand).
LocalDate D(const char* iso);

}  // namespace mh::test

// The fixed offset a time zone keeps for good after its last transition, read straight from its
// TZif file (RFC 8536). Most sites are in Asia/Shanghai, which has kept +08:00 since 1991: for
// instants after that, TimeZone needs no tz database at all. Loading date/tz.h's database walks
// all of /usr/share/zoneinfo (about 5 ms), which a cold `kiosk scan` cannot afford.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace mh {

struct FixedTail {
    int offsetSeconds = 0;    // local = UTC + offsetSeconds
    std::int64_t since = 0;   // the zone's last transition (unix seconds); earlier instants differ
};

// The zone's fixed tail, or nothing when the file is not TZif version 2 or later, counts leap
// seconds, has a DST rule (or no rule) in its footer, or is damaged: callers then use the full
// tz database.
std::optional<FixedTail> readFixedTail(const std::filesystem::path& tzifFile);

// The same from the bytes of a TZif file (for tests and the fuzzer).
std::optional<FixedTail> parseFixedTail(std::string_view tzif);

}  // namespace mh

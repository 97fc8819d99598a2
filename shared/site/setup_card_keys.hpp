// The keys around setup cards: the county's secret setup key (a file on county IT's machine, made by
// `kiosk setup-card` when missing) and the terminal's list of trusted county public keys
// (/etc/mealhall/county-setup-keys: base32 keys one per line, '#' comments; the package installs it
// commented and empty, county IT adds theirs).
#pragma once
#include <filesystem>
#include <vector>

#include "shared/cards/card_signature.hpp"
#include "shared/core/result.hpp"

namespace mh {

// Where a terminal looks for trusted county setup keys; `kiosk` lets $MEALHALL_SETUP_KEYS override it
// (tests, the demo).
inline constexpr const char* kDefaultSetupKeysFile = "/etc/mealhall/county-setup-keys";

// Reads the trusted keys. A missing file is no keys (not an error: the first run can skip the card);
// a line that is not a key is setup.keys_file with its line number, so county IT can fix the file.
Result<std::vector<PublicKey>> loadTrustedSetupKeys(const std::filesystem::path& file);

struct CountySetupKey {
    CardKeyPair keys;
    bool created = false;  // made just now: its public key must be installed on the terminals
};

// Loads the county's secret key, or creates it (0600, never overwriting) when the file is missing.
// Errors: setup.key_file (unreadable, damaged or not writable).
Result<CountySetupKey> loadOrCreateCountyKey(const std::filesystem::path& file);

}  // namespace mh

#include "shared/backup/backup_seal.hpp"

#include <sodium.h>

#include <fstream>

namespace mh {
namespace {

constexpr const char kSealContext[] = "mealhall backup seal v1";

// Feeds one file, preceded by its name and length, so that no two pairs of files hash alike.
bool feedFile(crypto_generichash_state& st, const char* name, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return false;
    const std::string head = std::string(name) + "\x1f" + std::to_string(size) + "\x1f";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(head.data()), head.size());
    char buf[1 << 16];
    std::uintmax_t seen = 0;
    while (in) {
        in.read(buf, sizeof buf);
        const auto n = in.gcount();
        if (n <= 0) break;
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(buf), std::size_t(n));
        seen += std::uintmax_t(n);
    }
    return seen == size && !in.bad();
}

}  // namespace

Result<std::string> backupSeal(const SiteKeys& keys, const std::filesystem::path& dbFile,
                               const std::filesystem::path& siteToml) {
    // A key of its own for sealing, derived from the ID-hash key: the ID hashes never meet it.
    unsigned char key[crypto_generichash_KEYBYTES];
    crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(kSealContext), sizeof kSealContext - 1,
                       keys.idHashKey.data(), keys.idHashKey.size());
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, sizeof key, 32);
    sodium_memzero(key, sizeof key);
    if (!feedFile(st, "mealhall.db", dbFile) || !feedFile(st, "site.toml", siteToml))
        return Error{"backup.seal", "备份里的文件读不出来", "cannot read the backup's files"};
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    char hex[sizeof out * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return std::string(hex);
}

}  // namespace mh

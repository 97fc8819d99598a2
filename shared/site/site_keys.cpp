#include "shared/site/site_keys.hpp"

#include <sodium.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "shared/core/text.hpp"

namespace mh {
namespace fs = std::filesystem;
namespace {

std::string toHex(const unsigned char* p, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

bool fromHex(std::string_view hex, unsigned char* out, size_t n) {
    size_t len = 0;
    return sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == n;
}

// Created 0600 in one step (O_CREAT|O_EXCL): no moment in which another user could read the key,
// and an existing key is never overwritten.
Status writeSecret(const fs::path& file, const std::string& text) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"keys.write", "无法写入密钥文件 " + file.filename().string(), "cannot write key file " + file.string()};
    std::string line = text + "\n";
    bool ok = ::write(fd, line.data(), line.size()) == ssize_t(line.size()) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        ::unlink(file.c_str());  // half a key is worse than none: init can then be run again
        return Error{"keys.write", "写入密钥文件失败（磁盘满了？）" + file.filename().string(),
                     "writing key file failed (disk full?) " + file.string()};
    }
    return okStatus();
}

std::optional<std::string> readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return std::string(trim(ss.str()));
}

}  // namespace

Result<SiteKeys> SiteKeys::create(const fs::path& dir) {
    if (sodium_init() < 0) return Error{"keys.sodium", "加密库初始化失败", "libsodium failed to initialise"};
    if (fs::exists(dir / kIdHashKeyFile) || fs::exists(dir / kCardKeyFile))
        return Error{"keys.exists", "站点目录中已有密钥，不会覆盖", "the site already has keys; they are not overwritten"};
    SiteKeys k;
    randombytes_buf(k.idHashKey.data(), k.idHashKey.size());
    k.card = CardKeyPair::generate();
    if (auto st = writeSecret(dir / kIdHashKeyFile, toHex(k.idHashKey.data(), k.idHashKey.size())); !st) return st.error();
    if (auto st = writeSecret(dir / kCardKeyFile, toHex(k.card.sec.data(), k.card.sec.size())); !st) return st.error();
    return k;
}

Result<SiteKeys> SiteKeys::load(const fs::path& dir) {
    if (sodium_init() < 0) return Error{"keys.sodium", "加密库初始化失败", "libsodium failed to initialise"};
    SiteKeys k;
    auto idText = readText(dir / kIdHashKeyFile);
    auto cardText = readText(dir / kCardKeyFile);
    if (!idText || !cardText)
        return Error{"keys.missing", "站点目录缺少密钥文件（" + std::string(kIdHashKeyFile) + "、" + kCardKeyFile + "）",
                     "the site directory lacks its key files"};
    if (!fromHex(*idText, k.idHashKey.data(), k.idHashKey.size()) ||
        !fromHex(*cardText, k.card.sec.data(), k.card.sec.size()))
        return Error{"keys.damaged", "站点密钥文件已损坏", "the site's key files are damaged"};
    // The public half is the last 32 bytes of libsodium's Ed25519 secret key.
    crypto_sign_ed25519_sk_to_pk(k.card.pub.data(), k.card.sec.data());
    return k;
}

std::string SiteKeys::hashIdNumber(std::string_view id) const {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(id.data()), id.size(), idHashKey.data(),
                       idHashKey.size());
    return toHex(out, sizeof out);
}

}  // namespace mh

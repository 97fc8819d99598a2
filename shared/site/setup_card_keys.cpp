// County setup keys: the secret one county IT keeps, and the public ones a terminal trusts.
#include "shared/site/setup_card_keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "shared/core/text.hpp"

namespace mh {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxKeysFileBytes = 64 * 1024;  // hundreds of keys; anything bigger is not ours
constexpr const char* kSecretHeader = "# 县平台接入卡签名私钥（mealhall county setup key）：只留在县信息科，切勿拷到自助机上\n";

Error keyFileError(const fs::path& file, const std::string& zh, const std::string& en) {
    return Error{"setup.key_file", zh + "：" + file.string(), en + ": " + file.string()};
}
}  // namespace

Result<std::vector<PublicKey>> loadTrustedSetupKeys(const fs::path& file) {
    std::vector<PublicKey> keys;
    std::error_code ec;
    if (!fs::exists(file, ec)) return keys;
    std::ifstream in(file, std::ios::binary);
    if (!in) return keyFileError(file, "无法读取县平台接入卡公钥文件", "cannot read the county setup keys file");
    std::string line;
    int number = 0;
    std::size_t total = 0;
    while (std::getline(in, line)) {
        ++number;
        total += line.size() + 1;
        if (total > kMaxKeysFileBytes) return keyFileError(file, "县平台接入卡公钥文件太大", "the county setup keys file is too big");
        std::string_view text = line;
        if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
        text = trim(text);
        if (text.empty()) continue;
        auto key = parsePublicKey(text);
        if (!key)
            return keyFileError(file, "县平台接入卡公钥文件第 " + std::to_string(number) + " 行不是公钥（应是 52 个字母数字）",
                                "line " + std::to_string(number) + " of the county setup keys file is not a public key");
        keys.push_back(*key);
    }
    return keys;
}

Result<CountySetupKey> loadOrCreateCountyKey(const fs::path& file) {
    if (sodium_init() < 0) return Error{"keys.sodium", "加密库初始化失败", "libsodium failed to initialise"};
    CountySetupKey out;
    std::error_code ec;
    if (fs::exists(file, ec)) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream ss;
        if (in) ss << in.rdbuf();
        std::string secret;
        std::istringstream lines(ss.str());
        for (std::string line; std::getline(lines, line);) {
            auto t = trim(line);
            if (!t.empty() && t[0] != '#') {
                secret = std::string(t);
                break;
            }
        }
        auto bytes = base32Decode(secret);
        if (!in || !bytes || bytes->size() != out.keys.sec.size())
            return keyFileError(file, "县平台接入卡私钥文件读不出或已损坏", "the county setup key file is unreadable or damaged");
        std::copy(bytes->begin(), bytes->end(), out.keys.sec.begin());
        crypto_sign_ed25519_sk_to_pk(out.keys.pub.data(), out.keys.sec.data());
        return out;
    }
    out.keys = CardKeyPair::generate();
    out.created = true;
    // O_EXCL and 0600 in one step: the secret is never readable by others, and never overwritten.
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return keyFileError(file, "无法创建县平台接入卡私钥文件", "cannot create the county setup key file");
    std::string text = std::string(kSecretHeader) + base32Encode(out.keys.sec.data(), out.keys.sec.size()) + "\n";
    bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        ::unlink(file.c_str());
        return keyFileError(file, "写入县平台接入卡私钥文件失败（磁盘满了？）", "writing the county setup key file failed");
    }
    return out;
}

}  // namespace mh

// Setup card payloads (see setup_card.hpp): fields checked the same way when signing and parsing, so
// `kiosk setup-card` can never print a card the terminals would refuse.
#include "shared/site/setup_card.hpp"

#include <sodium.h>

#include <cstdio>

#include "shared/core/text.hpp"
#include "shared/site/site_config.hpp"
#include "shared/site/upload_endpoint.hpp"

namespace mh {
namespace {

constexpr std::size_t kSigBase32 = 103;  // 64 bytes of signature in unpadded base32

Error formatError() {
    return Error{"setup.format", "这不是县平台接入卡，或卡上的二维码已损坏。请向县信息科要一张新的接入卡。",
                 "this is not a county setup card, or its code is damaged"};
}
Error fieldError(const std::string& zh, const std::string& en) { return Error{"setup.field", zh, en}; }

// The site id rule of init and site.toml (contract 10): a card for an id no terminal takes is no card.
bool validSiteId(std::string_view s) { return s.size() <= kMaxSetupSiteId && isValidSiteId(s); }
// Printable ASCII without spaces, quotes or backslashes: the value goes into site.toml and a file as is.
bool plainAscii(std::string_view s, std::size_t maxLen) {
    if (s.empty() || s.size() > maxLen) return false;
    for (char c : s)
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
    return true;
}
bool validName(std::string_view s) {
    if (s.size() > kMaxSetupName || !isValidUtf8(s)) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') return false;
    return true;
}

// The checks shared by signing and parsing; the sentence says which field is wrong.
Status checkFields(const SetupCard& c) {
    if (!validSiteId(c.siteId))
        return fieldError("站点编号不合规：应为六位县代码、-、站点号（数字），例如 141022-001",
                          "the site id must be a six-digit county code, -, and the site number, e.g. 141022-001");
    if (!plainAscii(c.endpoint, kMaxSetupEndpoint))
        return fieldError("上报地址太长或含有空格、引号等字符", "the endpoint is too long or holds spaces or quotes");
    if (!plainAscii(c.token, kMaxSetupToken))
        return fieldError("上报口令为空、太长（最多 256 个字符）或含有空格、引号等字符",
                          "the token is empty, longer than 256 characters, or holds spaces or quotes");
    if (!validName(c.siteName))
        return fieldError("站点名称太长或含有不能用的字符", "the site name is too long or holds characters that cannot be used");
    if (c.issued.year() < 2000 || c.issued.year() > 9999)
        return fieldError("签发日期不对", "the issue date is out of range");
    if (c.expires && (*c.expires < c.issued || *c.expires > c.issued.plusDays(kSetupCardMaxDays)))
        return fieldError("有效期不对：只能是签发后 1 到 365 天", "the card must expire 1 to 365 days after it is issued");
    return okStatus();
}

std::string b32(std::string_view s) { return base32Encode(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }

// Decodes a base32 field whose decoded length may be at most maxBytes (checked before decoding).
std::optional<std::string> fromB32(std::string_view s, std::size_t maxBytes) {
    if (s.size() > (maxBytes * 8 + 4) / 5) return std::nullopt;
    auto bytes = base32Decode(s);
    if (!bytes) return std::nullopt;
    return std::string(bytes->begin(), bytes->end());
}

std::string yyyymmdd(LocalDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
    return buf;
}

std::optional<LocalDate> parseYyyymmdd(std::string_view s) {
    if (s.size() != 8) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
    return LocalDate::parse(iso);
}

}  // namespace

bool looksLikeSetupCard(std::string_view payload) {
    if (payload.size() < 5) return false;
    std::string head = toUpperAscii(payload.substr(0, 5));
    return head == kSetupCardPrefix || head == kSetupCardPrefixV1;
}

Status checkSetupCard(const SetupCard& card) {
    if (auto st = checkFields(card); !st) return st.error();
    if (auto ep = checkEndpoint(card.endpoint); !ep) return ep.error();
    return okStatus();
}

Result<std::string> signSetupCard(const SetupCard& card, const SecretKey& countyKey) {
    if (auto st = checkSetupCard(card); !st) return st.error();
    std::string body = std::string(kSetupCardPrefix) + b32(card.siteId) + ":" + yyyymmdd(card.issued) + ":" +
                       yyyymmdd(card.expiresOn()) + ":" + b32(card.endpoint) + ":" + b32(card.token) + ":" + b32(card.siteName);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(body.data()), body.size(), countyKey.data());
    std::string payload = body + ":" + base32Encode(sig, sizeof sig);
    if (payload.size() > kMaxSetupPayload)
        return fieldError("地址、口令和名称合起来太长，二维码装不下，请缩短", "endpoint, token and name together are too long for the card");
    return payload;
}

Result<SetupCard> verifySetupCard(std::string_view raw, const std::vector<PublicKey>& trusted, LocalDate today,
                                  const std::optional<std::string>& expectedSiteId) {
    // A wedge scanner with Caps Lock on types lower case; everything signed is upper case.
    if (raw.size() > kMaxSetupPayload || !looksLikeSetupCard(raw)) return formatError();
    std::string payload = toUpperAscii(trim(raw));
    auto parts = splitOn(payload, ':');
    // MHS1 has no <expires> field: shift the later fields by one for MHS2.
    const bool v1 = payload.rfind(kSetupCardPrefixV1, 0) == 0;
    const std::size_t at = v1 ? 0 : 1, fields = 7 + at;
    if (parts.size() != fields || parts[fields - 1].size() != kSigBase32) return formatError();
    SetupCard c;
    auto id = fromB32(parts[1], kMaxSetupSiteId);
    auto issued = parseYyyymmdd(parts[2]);
    auto expires = v1 ? std::optional<LocalDate>() : parseYyyymmdd(parts[3]);
    auto endpoint = fromB32(parts[3 + at], kMaxSetupEndpoint);
    auto token = fromB32(parts[4 + at], kMaxSetupToken);
    auto name = fromB32(parts[5 + at], kMaxSetupName);
    auto sig = base32Decode(parts[6 + at]);
    if (!id || !issued || (!v1 && !expires) || !endpoint || !token || !name || !sig || sig->size() != crypto_sign_BYTES)
        return formatError();
    c.siteId = *id;
    c.issued = *issued;
    c.expires = expires;
    c.endpoint = *endpoint;
    c.token = *token;
    c.siteName = *name;
    if (!checkFields(c)) return formatError();

    if (trusted.empty())
        return Error{"setup.nokeys",
                     "本机还没有装县里的接入卡公钥，无法核对这张卡。请县信息科把公钥装到本机（/etc/mealhall/county-setup-keys）。",
                     "this terminal trusts no county setup key yet (/etc/mealhall/county-setup-keys)"};
    if (sodium_init() < 0) return Error{"keys.sodium", "加密库初始化失败", "libsodium failed to initialise"};
    std::string_view body = std::string_view(payload).substr(0, payload.rfind(':'));
    bool signedByCounty = false;
    for (const auto& key : trusted)
        signedByCounty = signedByCounty || crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(body.data()),
                                                                       body.size(), key.data()) == 0;
    if (!signedByCounty)
        return Error{"setup.signature", "这张接入卡本机不认：不是县里签发的，或内容被改动过。请联系县信息科。",
                     "the setup card is not signed by a county key this terminal trusts, or was altered"};
    // After the signature: only a county's own card is worth telling its dates.
    if (today > c.expiresOn())
        return Error{"setup.expired",
                     "这张县平台接入卡已经过期（" + c.issued.iso() + " 签发，有效到 " + c.expiresOn().iso() +
                         "），不能再用。请向县信息科要一张新的接入卡。",
                     "this setup card has expired (issued " + c.issued.iso() + ", valid until " + c.expiresOn().iso() +
                         "); ask county IT for a new one"};
    if (expectedSiteId && *expectedSiteId != c.siteId)
        return Error{"setup.site", "这张接入卡是给站点 " + c.siteId + " 的，本机是站点 " + *expectedSiteId + "，不能用。请拿本站点的卡。",
                     "this setup card is for site " + c.siteId + ", this terminal is site " + *expectedSiteId};
    if (auto ep = checkEndpoint(c.endpoint); !ep) return ep.error();
    return c;
}

}  // namespace mh

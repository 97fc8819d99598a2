#include "shared/upload/upload_target.hpp"

#include <fstream>
#include <new>
#include <sstream>

#include <curl/curl.h>

namespace mh {
namespace {

// Owns a CURLU handle and reads its parts as strings (empty when the part is absent).
class ParsedUrl {
public:
    ParsedUrl() : m_h(curl_url()) {}
    ~ParsedUrl() { curl_url_cleanup(m_h); }
    ParsedUrl(const ParsedUrl&) = delete;
    ParsedUrl& operator=(const ParsedUrl&) = delete;
    bool parse(const std::string& url) { return m_h && curl_url_set(m_h, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK; }
    std::string part(CURLUPart which) const {
        char* v = nullptr;
        if (curl_url_get(m_h, which, &v, 0) != CURLUE_OK || !v) return "";
        std::string out(v);
        curl_free(v);
        return out;
    }

private:
    CURLU* m_h;
};

Error endpointError(const std::string& zh, const std::string& en) { return Error{"upload.endpoint", zh, en}; }

}  // namespace

Result<std::string> checkEndpoint(const std::string& endpoint) {
    // Parsed by libcurl itself, so the host checked here is the host the adapter connects to
    // ("http://127.0.0.1@192.0.2.2/" is user 127.0.0.1 at host 192.0.2.2, not loopback).
    ParsedUrl u;
    if (!u.parse(endpoint))
        return endpointError("上报地址写得不对，应是县里给的 https:// 开头的地址。请联系县信息科核对。",
                             "the upload address is not a valid URL; it must be a https:// address");
    const std::string scheme = u.part(CURLUPART_SCHEME);
    const std::string host = u.part(CURLUPART_HOST);
    if (!u.part(CURLUPART_USER).empty() || !u.part(CURLUPART_PASSWORD).empty() || !u.part(CURLUPART_OPTIONS).empty())
        return endpointError("上报地址里夹带了用户名或密码，这样的地址不安全，不能使用。请向县信息科要正确的 https:// 地址。",
                             "the upload address carries a user name or password; refused");
    if (!u.part(CURLUPART_QUERY).empty() || !u.part(CURLUPART_FRAGMENT).empty())
        return endpointError("上报地址末尾多了“?”或“#”后面的内容，不能使用。请按县里给的 https:// 地址填写。",
                             "the upload address has a query or fragment; refused");
    // The token and the tallies must never cross a network in clear text: https only, except to this
    // machine itself (a local relay, and the tests' loopback platform).
    const bool loopback = host == "127.0.0.1" || host == "[::1]" || host == "localhost";
    if (scheme == "http" && !loopback)
        return endpointError("上报地址没有加密（http://），口令和数据会被人看到，不能使用。请改成 https:// 开头的地址。",
                             "the upload address is not encrypted (http://) and not this machine: use https://");
    if (scheme != "https" && scheme != "http")
        return endpointError("上报地址写得不对，应以 https:// 开头。请联系县信息科核对。",
                             "the upload address is not a https:// address");
    std::string normal = u.part(CURLUPART_URL);
    while (!normal.empty() && normal.back() == '/') normal.pop_back();
    return normal;
}

Result<UploadTarget> loadUploadTarget(const Site& site) {
    const SiteConfig& cfg = site.config();
    UploadTarget t;
    t.endpoint = cfg.uploadEndpoint;
    while (!t.endpoint.empty() && t.endpoint.back() == '/') t.endpoint.pop_back();
    if (t.endpoint.empty())
        return Error{"upload.unconfigured", "还没有设置上报地址（site.toml 的 [upload] endpoint），汇总先存在本机，设置后会补传。",
                     "no upload address yet ([upload] endpoint in site.toml): tallies wait on this machine"};
    auto checked = checkEndpoint(t.endpoint);
    if (!checked) return checked.error();
    t.endpoint = *checked;
    std::filesystem::path file = cfg.tokenFile;
    if (file.is_relative()) file = site.dir() / file;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{"upload.token_file", "找不到上报口令文件 " + file.string() + "。请把县里给的口令保存到这个文件里。",
                     "cannot read the upload token file " + file.string()};
    std::stringstream ss;
    ss << in.rdbuf();
    std::string tok = ss.str();
    auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (!tok.empty() && blank(tok.back())) tok.pop_back();
    size_t i = 0;
    while (i < tok.size() && blank(tok[i])) ++i;
    tok.erase(0, i);
    if (tok.empty() || tok.find_first_of("\r\n") != std::string::npos)
        return Error{"upload.token_file", "上报口令文件 " + file.string() + " 是空的或格式不对（应只有一行口令）。",
                     "the upload token file " + file.string() + " is empty or has more than one line"};
    t.token = tok;
    t.caBundle = cfg.caBundle;
    if (!t.caBundle.empty() && std::filesystem::path(t.caBundle).is_relative())
        t.caBundle = (site.dir() / t.caBundle).string();
    return t;
}

std::string urlEncode(const std::string& s) {
    // libcurl's escaper: everything but the unreserved A-Z a-z 0-9 - . _ ~ becomes %XX. It needs no
    // handle (the argument is unused since 7.82), and fails only when out of memory.
    char* escaped = curl_easy_escape(nullptr, s.data(), int(s.size()));
    if (!escaped) throw std::bad_alloc();
    std::string out(escaped);
    curl_free(escaped);
    return out;
}

}  // namespace mh

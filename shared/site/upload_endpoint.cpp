#include "shared/site/upload_endpoint.hpp"

#include "shared/core/url.hpp"

namespace mh {
namespace {

Error endpointError(const std::string& zh, const std::string& en) { return Error{"upload.endpoint", zh, en}; }

}  // namespace

Result<std::string> checkEndpoint(const std::string& endpoint) {
    // Split by a parser that accepts only the unambiguous forms, so the host checked here is the host
    // the adapter connects to ("http://127.0.0.1@192.0.2.2/" is user 127.0.0.1 at host 192.0.2.2, not
    // loopback; "http://127.1/" is refused rather than read as loopback).
    const auto u = splitUrl(endpoint);
    if (!u)
        return endpointError("上报地址写得不对，应是县里给的 https:// 开头的地址。请联系县信息科核对。",
                             "the upload address is not a valid URL; it must be a https:// address");
    if (u->hasUserinfo)
        return endpointError("上报地址里夹带了用户名或密码，这样的地址不安全，不能使用。请向县信息科要正确的 https:// 地址。",
                             "the upload address carries a user name or password; refused");
    if (!u->query.empty() || !u->fragment.empty())
        return endpointError("上报地址末尾多了“?”或“#”后面的内容，不能使用。请按县里给的 https:// 地址填写。",
                             "the upload address has a query or fragment; refused");
    // The token and the tallies must never cross a network in clear text: https only, except to this
    // machine itself (a local relay, and the tests' loopback platform).
    const bool loopback = u->host == "127.0.0.1" || u->host == "[::1]" || u->host == "localhost";
    if (u->scheme == "http" && !loopback)
        return endpointError("上报地址没有加密（http://），口令和数据会被人看到，不能使用。请改成 https:// 开头的地址。",
                             "the upload address is not encrypted (http://) and not this machine: use https://");
    if (u->scheme != "https" && u->scheme != "http")
        return endpointError("上报地址写得不对，应以 https:// 开头。请联系县信息科核对。",
                             "the upload address is not a https:// address");
    std::string normal = u->withoutUserinfo();
    while (!normal.empty() && normal.back() == '/') normal.pop_back();
    return normal;
}

}  // namespace mh

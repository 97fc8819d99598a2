#include "shared/upload/upload_reply.hpp"

#include "shared/upload/backoff.hpp"

#include <algorithm>

namespace mh {

std::string countyAnswerExcerpt(int status, const std::string& body) {
    std::string out = std::to_string(status);
    if (body.empty()) return out;
    std::size_t n = std::min(body.size(), kCountyAnswerMaxBytes);
    // Back up to the start of a UTF-8 character so a Chinese reason is never cut in half.
    while (n < body.size() && n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
    out += ' ';
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(body[i]);
        out += (c < 0x20 || c == 0x7f) ? ' ' : char(c);
    }
    if (n < body.size()) out += "…";
    return out;
}

ReplyVerdict judgeReply(const HttpResponse& r, std::int64_t nowUnix, const std::string& what) {
    ReplyVerdict v;
    v.status = r.status;
    if (r.transport != Transport::Ok) {
        v.kind = ReplyKind::Retry;
        if (r.transport == Transport::Certificate) {
            // Not an outage: the network works but the county's certificate cannot be trusted (or
            // this terminal's certificate file is broken). Retrying alone will not fix it.
            v.kind = ReplyKind::Stop;
            v.error = {"upload.certificate",
                       "县平台的安全证书验证不通过（证书不对、过期，或本机的证书文件有问题），为了安全没有上报。"
                       "这不是断网。请联系县信息科核对证书；也请检查本机日期和时间是否正确。",
                       "the county platform's TLS certificate could not be verified (" + r.error +
                           "): not a network outage; check the certificate / CA bundle and the clock"};
            return v;
        }
        if (r.transport == Transport::Timeout)
            v.error = {"upload.timeout", "连接县平台超时（网络慢或断了），会自动重试，数据不会丢。",
                       "the county platform did not answer in time (" + r.error + "); will retry"};
        else
            v.error = {"upload.network", "连不上县平台（网络断了或信号不好），会自动重试，数据不会丢。",
                       "cannot reach the county platform (" + r.error + "); will retry"};
        return v;
    }
    const int s = r.status;
    const std::string code = std::to_string(s);
    if ((s >= 200 && s < 300) || s == 409) {
        v.kind = ReplyKind::Delivered;
        return v;
    }
    if (s == 408 || s == 429 || s >= 500) {
        v.kind = ReplyKind::Retry;
        if (const std::string* ra = r.header("retry-after")) v.retryAfterMs = parseRetryAfterMs(*ra, nowUnix);
        v.error = {"upload.busy", "县平台暂时忙或出故障（" + code + "），会自动重试，数据不会丢。",
                   "the county platform is busy or failing (HTTP " + code + "); will retry"};
        return v;
    }
    if (s != 401 && s != 403 && s != 404 && s >= 400 && s < 500) {
        // The county refused this day's tally itself: set aside, later days go on (contract 8).
        v.kind = ReplyKind::Refused;
        v.countyAnswer = countyAnswerExcerpt(s, r.body);
        v.error = {"upload.rejected",
                   "县平台拒收了" + what + "的汇总（" + code + "），这一天已先放在一边，其他日子照常上报。"
                   "县平台的答复：" + v.countyAnswer + "。请联系县信息科，告诉他们日期和站点编号；"
                   "改正（作废或补录）后会自动重新上报。",
                   "the county platform refused the tally of " + what + " (HTTP " + code + ": " + v.countyAnswer +
                       "); set aside, later days continue; a correction makes a new revision that is sent again"};
        return v;
    }
    v.kind = ReplyKind::Stop;
    switch (s) {
        case 401:
            v.error = {"upload.token", "县平台不认这台自助机的上报口令（401）。请向县民政局要新的口令，写进站点目录里的 upload.token 文件。",
                       "the county platform refused the upload token (401): put a valid token in the site's token file"};
            break;
        case 403:
            v.error = {"upload.forbidden", "县平台不允许本站点上报（403）。请联系县民政局，确认 site.toml 里的站点编号已开通上报。",
                       "the county platform forbids uploads from this site (403): ask the county to enable this site id"};
            break;
        case 404:
            v.error = {"upload.endpoint", "上报地址不对（404）。请检查 site.toml 里 [upload] 的 endpoint 是否和县里给的一致。",
                       "the upload address is wrong (404): check [upload] endpoint in site.toml"};
            break;
        default:
            v.error = {"upload.refused", "县平台拒绝了上报（" + code + "）。请联系县信息科检查上报设置。",
                       "the county platform refused the upload (HTTP " + code + "): ask county IT to check the upload settings"};
    }
    return v;
}

}  // namespace mh

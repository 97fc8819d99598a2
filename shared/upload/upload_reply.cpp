#include "shared/upload/upload_reply.hpp"

#include "shared/upload/backoff.hpp"

namespace mh {

ReplyVerdict judgeReply(const HttpResponse& r, std::int64_t nowUnix, const std::string& what) {
    ReplyVerdict v;
    v.status = r.status;
    if (r.transport != Transport::Ok) {
        v.kind = ReplyKind::Retry;
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
        case 422:
            v.error = {"upload.rejected", "县平台不接受" + what + "的汇总数据（422）。请联系县信息科，告诉他们日期和站点编号。",
                       "the county platform rejected the tally of " + what + " (422): contact county IT with the date and site id"};
            break;
        default:
            v.error = {"upload.refused", "县平台拒绝了上报（" + code + "）。请联系县信息科检查上报设置。",
                       "the county platform refused the upload (HTTP " + code + "): ask county IT to check the upload settings"};
    }
    return v;
}

}  // namespace mh

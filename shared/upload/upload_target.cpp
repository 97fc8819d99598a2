#include "shared/upload/upload_target.hpp"

#include <fstream>
#include <sstream>

namespace mh {

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

}  // namespace mh

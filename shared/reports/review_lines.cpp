#include "shared/reports/review_lines.hpp"

namespace mh {
namespace {

std::string field(const nlohmann::ordered_json& d, const char* key) {
    auto it = d.find(key);
    return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "11:32" out of a local ISO time ("2026-11-24T11:32:00+08:00"); the text itself when it is not one.
std::string clockOf(const std::string& iso) { return iso.size() >= 16 && iso[10] == 'T' ? iso.substr(11, 5) : iso; }

std::string serviceName(const SiteConfig& cfg, const std::string& id) {
    const ServiceDef* s = cfg.findService(id);
    return s ? s->name : id;
}

}  // namespace

std::string reviewItemLine(const ReviewItem& item, const SiteConfig& cfg) {
    const auto& d = item.detail;
    std::string who = field(d, "name");
    const std::string svc = serviceName(cfg, field(d, "service"));
    auto about = [&](const std::string& what) {
        std::string line = who;
        if (!svc.empty()) line += (line.empty() ? "" : " ") + svc;
        return line + (line.empty() ? "" : " ") + what;
    };
    if (item.kind == "double") return about("两台都记了");
    if (item.kind == "backdated") {
        const std::string label = field(d, "label").empty() ? "补录" : field(d, "label");
        return about(label + " " + clockOf(field(d, "at")));
    }
    if (item.kind == "revoked_card") {
        const auto n = d.value("count", std::int64_t{0});
        return (who.empty() ? "" : who + " ") + "停用的卡刷了 " + std::to_string(n) + " 次（" + clockOf(field(d, "first_at")) +
               (n > 1 ? "–" + clockOf(field(d, "last_at")) : "") + "）";
    }
    if (item.kind == "held_peer_entry")
        return "另一台签到机的记录先放着（" + clockOf(field(d, "at")) + "，时间对不上）";
    if (item.kind == "not_delivered")
        return about(std::string("送餐没送到") + (field(d, "outcome") == "refused" ? "（拒收）" : "（不在家）"));
    if (item.kind == "clock_corrected") return about("时钟调过 " + clockOf(field(d, "at")));
    return about(item.kind);
}

}  // namespace mh

#include "shared/safety/safety_book.hpp"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "shared/site/clock_check.hpp"
#include "shared/core/text.hpp"
#include "shared/store/audit_log.hpp"

namespace mh {
namespace {

constexpr std::string_view kActionPrefix = "safety.";

// "2027-03-03 13:40": when, for a sentence.
std::string localMinute(const TimeZone& tz, std::int64_t unix) {
    auto l = tz.toLocal(unix);
    return l.date.iso() + " " + l.wallTime().text();
}

}  // namespace

Result<SafetyCheck> recordSafetyCheck(Site& site, const SafetyRequest& req, std::int64_t nowUnix) {
    const TimeZone& tz = site.timeZone();
    auto fields = checkSafetyFields(req.kind, req.fields, site.config());
    if (!fields) return fields.error();
    std::string by(trim(req.by));
    if (by.empty() || !isValidUtf8(by) || by.size() > 100)
        return Error{"safety.by", "请写明是谁检查的（--by 姓名）", "say who made the check (--by NAME)"};
    std::int64_t at = nowUnix;
    if (req.at) {
        at = tz.toUnix(*req.at);
        if (at > nowUnix + kClockSlackSeconds)
            return Error{"safety.future", "检查时间 " + localMinute(tz, at) + " 还没到，不能提前记录",
                         "the check's time " + req.at->iso() + " is in the future"};
    } else if (auto problem = clockProblem(site.db(), nowUnix)) {
        return *problem;
    }
    SafetyCheck check{req.kind, at, tz.isoWithOffset(at), by, *fields};
    try {
        Transaction tx(site.db());
        if (req.kind == SafetyKind::SampleDestroyed) {
            // Read inside the write transaction: two doors cannot both destroy the one sample.
            std::vector<SafetyCheck> samples;
            for (auto& s : samplesOf(safetyChecks(site.db()), check.field("dish"), check.field("meal"),
                                          std::numeric_limits<std::int64_t>::max()))
                if (!s.destroyed) samples.push_back(std::move(s.sample));
            if (samples.empty())
                return Error{"safety.destroy", "没有找到 " + check.field("dish") + "（" + check.field("meal") + "）还没销毁的留样记录",
                             "no sample of " + check.field("dish") + " (" + check.field("meal") + ") is waiting to be destroyed"};
            if (samples.front().atUnix + kSampleKeepSeconds > at)
                return Error{"safety.destroy",
                             "留样要保存满48小时：" + check.field("dish") + " 的留样 " +
                                 localMinute(tz, samples.front().atUnix + kSampleKeepSeconds) + " 以后才能销毁",
                             "a sample is kept 48 hours: this one may be destroyed from " +
                                 tz.isoWithOffset(samples.front().atUnix + kSampleKeepSeconds)};
        }
        nlohmann::ordered_json detail;
        detail["at"] = check.at;
        detail["unix"] = check.atUnix;
        detail["fields"] = check.fields;
        std::string key(safetyKindKey(req.kind));
        AuditLog(site.db()).append(tz.isoWithOffset(nowUnix), by, std::string(kActionPrefix) + key, key, detail.dump());
        tx.commit();
    } catch (const StoreError& e) {
        if (e.diskFull())
            return Error{"store.full", "磁盘已满，这次检查没有记下", "the disk is full; the check was not recorded"};
        return Error{"store.error", "这次检查没有记下：数据库写入失败", "the check was not recorded: database write failed"};
    }
    return check;
}

std::vector<SampleState> samplesOf(const std::vector<SafetyCheck>& book, const std::string& dish, const std::string& meal,
                                   std::int64_t untilUnix) {
    std::vector<SampleState> samples;
    int destroyed = 0;
    for (const auto& c : book) {
        if (c.atUnix > untilUnix || c.field("dish") != dish || c.field("meal") != meal) continue;
        if (c.kind == SafetyKind::Sample) samples.push_back({c, false});
        if (c.kind == SafetyKind::SampleDestroyed) ++destroyed;
    }
    std::stable_sort(samples.begin(), samples.end(), [](const auto& a, const auto& b) { return a.sample.atUnix < b.sample.atUnix; });
    for (auto& s : samples) s.destroyed = destroyed-- > 0;
    return samples;
}

std::vector<SafetyCheck> safetyChecks(Database& db) {
    std::vector<SafetyCheck> out;
    auto st = db.cached("SELECT actor, action, detail FROM audit WHERE action GLOB 'safety.*' ORDER BY id");
    while (st.step()) {
        std::string action = st.text(1);
        auto kind = parseSafetyKind(std::string_view(action).substr(kActionPrefix.size()));
        auto detail = nlohmann::json::parse(st.text(2), nullptr, /*allow_exceptions=*/false);
        if (!kind || !detail.is_object() || !detail["at"].is_string() || !detail["unix"].is_number_integer() ||
            !detail["fields"].is_object())
            continue;
        SafetyCheck c{*kind, detail["unix"].get<std::int64_t>(), detail["at"].get<std::string>(), st.text(0), {}};
        for (const auto& [k, v] : detail["fields"].items())
            if (v.is_string()) c.fields[k] = v.get<std::string>();
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.atUnix < b.atUnix; });
    return out;
}

}  // namespace mh

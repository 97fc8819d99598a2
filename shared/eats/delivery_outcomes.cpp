#include "shared/eats/delivery_outcomes.hpp"

#include <set>

#include "shared/core/text.hpp"
#include "shared/site/clock_check.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/store/elder_store.hpp"

namespace mh {
namespace {

Error storeError(const StoreError& e) {
    return Error{"store.error", std::string("数据库出错，没有记录：") + e.what(), std::string("database error, nothing recorded: ") + e.what()};
}

}  // namespace

Result<DeliveryRecorded> recordDelivery(Site& site, const Clock& clock, const DeliveryRequest& req) {
    const std::string by(trim(req.by)), note(trim(req.note));
    if (req.outcome != "delivered" && req.outcome != "not_home" && req.outcome != "refused")
        return Error{"delivery.outcome", "--outcome 应为 delivered（已送达）、not_home（不在家）或 refused（拒收）",
                     "--outcome must be delivered, not_home or refused"};
    if (by.empty() || by.size() > 60)
        return Error{"delivery.by", "要写明送餐员：--by 姓名", "name the driver: --by NAME"};
    if (note.size() > 600) return Error{"delivery.by", "备注太长（最多200字）", "the note is too long"};
    const std::string id = std::to_string(req.recordId);
    // Like every verb that records (contract 3): without --at, only on a clock that can be trusted.
    if (!req.at)
        if (auto wrong = clockProblem(site.db(), clock.nowUnix())) return Error{"delivery.clock", wrong->message, wrong->en};
    try {
        Database& db = site.db();
        CheckinStore checkins(db);
        Transaction tx(db);
        auto rec = checkins.byId(req.recordId);
        if (!rec) return Error{"delivery.missing", "没有编号为 " + id + " 的签到记录", "there is no check-in record " + id};
        if (!rec->delivered)
            return Error{"delivery.not_delivered", "记录 " + id + " 不是送餐", "record " + id + " is not a delivered meal"};
        if (rec->voided)
            return Error{"delivery.voided", "记录 " + id + " 已经作废", "record " + id + " is already void"};
        const std::int64_t nowUnix = clock.nowUnix();
        const std::string at = site.timeZone().isoWithOffset(req.at ? site.timeZone().toUnix(*req.at) : nowUnix);
        DeliveryRecorded out;
        out.recordId = req.recordId;
        out.elderId = rec->elderId;
        out.outcome = req.outcome;
        out.at = at;
        if (auto elder = ElderStore(db).byElderId(rec->elderId)) out.maskedName = maskName(elder->name);
        out.outcomeId = EatsStore(db).insertOutcome(req.recordId, req.outcome, by, note, at);
        // Nobody took the meal: it is voided now, in this transaction, so no claim ever holds it.
        if (req.outcome != "delivered") {
            checkins.markVoided(req.recordId, at, by, req.outcome == "not_home" ? "未送达" : "拒收");
            out.voided = true;
        }
        AuditLog(db).append(site.timeZone().isoWithOffset(nowUnix), by, "delivery." + req.outcome, "record " + id,
                            rec->elderId.str() + " " + rec->service.str() + " " + rec->day + (note.empty() ? "" : "; " + note));
        tx.commit();
        return out;
    } catch (const StoreError& e) {
        return storeError(e);
    }
}

std::vector<DeliveryAlert> deliveryAlerts(Site& site, LocalDate day) {
    Database& db = site.db();
    EatsStore eats(db);
    CheckinStore checkins(db);
    ElderStore elders(db);
    std::vector<DeliveryAlert> out;
    std::set<std::int64_t> seen;
    auto add = [&](const DeliveryOutcome& o) {
        if (!seen.insert(o.outcomeId).second) return;
        DeliveryAlert a{o.outcomeId, o.recordId, ElderId(), "", "", "", o.outcome, o.note, o.at, o.staff, ""};
        if (auto rec = checkins.byId(o.recordId)) {
            a.elderId = rec->elderId;
            a.day = rec->day;
            if (auto e = elders.byElderId(rec->elderId)) {
                a.name = e->name;
                a.village = e->village;
                a.phone = e->phone;
            }
        }
        out.push_back(std::move(a));
    };
    for (const auto& o : eats.outcomesOfDay(day.iso()))
        if (o.outcome != "delivered" || (!o.note.empty() && !o.handled)) add(o);
    for (const auto& o : eats.openConcerns()) add(o);
    return out;
}

Status markConcernHandled(Site& site, const Clock& clock, std::int64_t outcomeId, const std::string& staff) {
    const std::string who(trim(staff));
    if (who.empty()) return Error{"delivery.by", "要写明经办人：--by 姓名", "name who handled it: --by NAME"};
    try {
        Database& db = site.db();
        EatsStore eats(db);
        Transaction tx(db);
        auto o = eats.outcome(outcomeId);
        if (!o || o->note.empty())
            return Error{"delivery.no_outcome", "没有编号为 " + std::to_string(outcomeId) + " 的送餐备注",
                         "there is no delivery note " + std::to_string(outcomeId)};
        if (o->handled) return okStatus();
        const std::string at = site.timeZone().isoWithOffset(clock.nowUnix());
        eats.markHandled(outcomeId, who, at);
        AuditLog(db).append(at, who, "delivery.handled", "outcome " + std::to_string(outcomeId), o->note);
        tx.commit();
        return okStatus();
    } catch (const StoreError& e) {
        return storeError(e);
    }
}

}  // namespace mh

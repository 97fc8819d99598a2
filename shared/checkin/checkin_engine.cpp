#include "shared/checkin/checkin_engine.hpp"

#include "shared/cards/card_signature.hpp"
#include "shared/site/clock_check.hpp"
#include "shared/checkin/scan_messages.hpp"
#include "shared/core/id_number.hpp"
#include "shared/core/text.hpp"
#include "shared/policy/policy_engine.hpp"
#include "shared/policy/policy_history.hpp"
#include "shared/store/audit_log.hpp"
#include "shared/store/eats_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/store/refused_scans.hpp"

namespace mh {
namespace {

// Scanner input is untrusted: keep printable ASCII, drop control characters a wedge may add.
std::string cleanPayload(const std::string& raw) {
    std::string out;
    for (char c : raw)
        if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f) out += c;
    return std::string(trim(out));
}

bool plausibleCardNumber(const std::string& s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    return true;
}

Error storeFailure(const StoreError& e) {
    if (e.diskFull())
        return Error{"store.full", "存储空间已满，这次没有记录，之前的记录都在。请联系管理员清理空间",
                     "the disk is full: this check-in was not recorded (earlier ones are safe)"};
    if (e.busy())
        return Error{"store.busy", "数据库正忙，这次没有记录，请再刷一次", "the database is busy: not recorded, please scan again"};
    return Error{"store.error", "数据库出错，这次没有记录：" + std::string(e.what()),
                 std::string("database error, not recorded: ") + e.what()};
}

// A tick on the power-cut sheet has no time of its own: the time comes from the paper (--at).
Error paperNeedsTime() {
    return Error{"usage.paper", "补录纸质名单要写上纸上的时间（--at 时间），例如 --at 2026-11-24T11:32",
                 "a paper entry needs the time from the sheet (--at TIME), e.g. --at 2026-11-24T11:32"};
}

// Why a meal may not be collected by someone else now (contract 12), or none: not allowed at this
// site, or the elder's uses of the month (over every terminal this one has seen) are spent.
std::optional<Error> proxyRefusal(const SiteConfig& cfg, EatsStore eats, const ElderId& elder, LocalDate day,
                                  const std::string& who) {
    if (!cfg.proxyAllowed)
        return Error{"proxy.not_allowed", who + "，本食堂不允许代领，请老人本人来签到（或找工作人员）",
                     who + ", meals may not be collected by someone else here: the elder must come in person"};
    if (cfg.proxyPerMonth <= 0) return std::nullopt;
    const LocalDate first = LocalDate::of(day.year(), day.month(), 1);
    const int used = eats.proxyUses(elder, first.iso(), day.iso());
    if (used < cfg.proxyPerMonth) return std::nullopt;
    return Error{"proxy.spent",
                 who + "，本月代领次数已用完（每月" + std::to_string(cfg.proxyPerMonth) + "次），请老人本人来签到",
                 who + ", this month's " + std::to_string(cfg.proxyPerMonth) +
                     " collections by someone else are used up: the elder must come in person"};
}

}  // namespace

struct CheckInEngine::Identified {
    Outcome refusal = Outcome::Accepted;  // Accepted here means "identified"
    std::string detailZh, detailEn;
    std::string cardSerial;  // a card this site trusts (signature verified): its serial, kept with a refusal
    std::optional<Elder> elder;
    std::string source;
    bool paper = false;  // entered from the power-cut sheet: an audit entry kPaperEntryAction with the record
    bool registrationStopped = false;  // on the roster, but active=0: told apart from a stranger
};

namespace {
// Contract 13: a refused scan is kept (refused_scans.hpp) with what is known of it and never its
// payload. Its own small write after the refusal: failing to keep it (a full disk) changes nothing
// about the refusal the elder sees, and the next record reports the disk.
void keepRefusal(Database& db, const ScanResult& r, const std::string& cardSerial, const std::string& enteredAt) {
    if (r.accepted() || r.at.size() < 10) return;
    RefusedScan k;
    k.day = r.at.substr(0, 10);
    k.at = r.at;
    k.service = r.service.str();
    k.outcome = std::string(outcomeKey(r.outcome));
    if (!r.elderId.empty()) k.elderId = r.elderId.str();
    if (!cardSerial.empty()) k.cardSerial = cardSerial;
    if (!enteredAt.empty()) k.enteredAt = enteredAt;
    try {
        recordRefusedScan(db, k);
    } catch (const StoreError&) {
    }
}

// An elder the roster lists as inactive is `unknown` (contract 7) but is told the registration is
// stopped, so they go to staff rather than think the card is broken.
template <class Identified>  // CheckInEngine::Identified, private to the engine
void refuseUnlessActive(Identified& id) {
    if (id.elder && id.elder->active) return;
    id.refusal = Outcome::Unknown;
    id.registrationStopped = id.elder.has_value();
}
}  // namespace

CheckInEngine::Identified CheckInEngine::identify(const std::string& raw, LocalDate today) {
    Identified id;
    if (raw.size() > 512) {
        id.refusal = Outcome::Invalid;
        return id;
    }
    std::string payload = cleanPayload(raw);
    ElderStore elders(m_site.db());
    if (looksLikeSignedCard(payload)) {
        id.source = "card";
        auto claim = verifyCard(toUpperAscii(payload.substr(0, 4)) + payload.substr(4), m_site.trustedKeys());
        if (!claim) {
            id.refusal = Outcome::Invalid;
            id.detailZh = claim.error().message;
            id.detailEn = claim.error().en;
            return id;
        }
        id.cardSerial = claim->serial;
        id.elder = elders.byElderId(ElderId(claim->elderId));
        refuseUnlessActive(id);
        if (id.refusal == Outcome::Unknown) return id;
        if (claim->serial != id.elder->cardSerial) id.refusal = Outcome::Revoked;
        return id;
    }
    if (looksLikeIdNumber(payload)) {
        id.source = "id";
        auto number = parseIdNumber(payload, today);
        if (!number) {
            id.refusal = Outcome::Invalid;
            id.detailZh = "身份证号有误：" + number.error().message;
            id.detailEn = "ID number: " + number.error().en;
            return id;
        }
        id.elder = elders.byIdHash(m_site.keys().hashIdNumber(number->digits));
        refuseUnlessActive(id);
        return id;
    }
    if (m_site.config().allowUnsigned && plausibleCardNumber(payload)) {
        id.source = "legacy";
        id.elder = elders.byLegacyCard(payload);
        refuseUnlessActive(id);
        return id;
    }
    id.refusal = Outcome::Invalid;
    return id;
}

Result<ScanResult> CheckInEngine::scan(const ScanRequest& req) {
    const std::string& serviceId = req.serviceId.str();
    const ServiceDef* svc = m_site.config().findService(serviceId);
    if (!svc)
        return Error{"usage.service", "没有这个服务：" + serviceId + "（见 site.toml 中的 [[service]]）",
                     "no such service: " + serviceId + " (see [[service]] in site.toml)"};
    if (req.paper && !req.at) return paperNeedsTime();
    LocalDateTime when = req.at.value_or(now());
    try {
        Identified who = identify(req.payload, when.date);
        // The power-cut sheet lists elders by roster id, not by card: a paper entry may name one.
        if (req.paper && who.refusal != Outcome::Accepted && who.source != "card" && who.source != "id")
            if (auto listed = ElderStore(m_site.db()).byElderId(ElderId(cleanPayload(req.payload)))) {
                who = Identified{};
                who.source = "manual";
                who.elder = std::move(listed);
                refuseUnlessActive(who);
            }
        who.source = who.source.empty() ? "scan" : who.source;
        who.paper = req.paper;
        const std::string serial = who.cardSerial;
        auto r = checkIn(std::move(who), req.serviceId, req.at, req.delivered, "", req.proxy);
        if (r) keepRefusal(m_site.db(), *r, serial, req.at ? m_site.timeZone().isoWithOffset(m_clock.nowUnix()) : "");
        return r;
    } catch (const StoreError& e) {
        return storeFailure(e);
    }
}

Result<CheckInEngine::DoorCard> CheckInEngine::readCard(const std::string& payload, const ServiceId& service) {
    const std::string& serviceId = service.str();
    if (!m_site.config().findService(serviceId))
        return Error{"usage.service", "没有这个服务：" + serviceId, "no such service: " + serviceId};
    try {
        Identified who = identify(payload, now().date);
        DoorCard card;
        if (who.refusal == Outcome::Accepted && !clockProblem(m_site.db(), m_clock.nowUnix())) {
            card.elderId = ElderId(who.elder->elderId);
            card.maskedName = maskName(who.elder->name);
            return card;
        }
        // The same refusal a scan would give, through the same path (invariant 4).
        who.source = who.source.empty() ? "scan" : who.source;
        const std::string serial = who.cardSerial;
        auto r = checkIn(std::move(who), service, std::nullopt, false, "");
        if (!r) return r.error();
        keepRefusal(m_site.db(), *r, serial, "");  // the door shows this refusal as the scan's result
        card.refusal = std::move(*r);
        return card;
    } catch (const StoreError& e) {
        return storeFailure(e);
    }
}

Result<ScanResult> CheckInEngine::checkInManually(const ElderId& elder, const ServiceId& service,
                                                  std::optional<LocalDateTime> at, bool delivered,
                                                  const std::string& staff, bool paper) {
    const std::string& serviceId = service.str();
    if (!m_site.config().findService(serviceId))
        return Error{"usage.service", "没有这个服务：" + serviceId, "no such service: " + serviceId};
    if (paper && !at) return paperNeedsTime();
    try {
        Identified who;
        who.source = "manual";
        who.paper = paper;
        who.elder = ElderStore(m_site.db()).byElderId(elder);
        refuseUnlessActive(who);
        return checkIn(std::move(who), service, at, delivered, staff.empty() ? "staff" : staff);
    } catch (const StoreError& e) {
        return storeFailure(e);
    }
}

Result<ScanResult> CheckInEngine::checkIn(Identified who, const ServiceId& service,
                                          std::optional<LocalDateTime> at, bool delivered, const std::string& staff,
                                          const std::optional<ProxyPerson>& proxy) {
    const SiteConfig& cfg = m_site.config();
    const ServiceDef& svc = *cfg.findService(service.str());
    std::int64_t unix = at ? m_site.timeZone().toUnix(*at) : m_clock.nowUnix();
    LocalDateTime when = at.value_or(m_site.timeZone().toLocal(unix));

    ScanResult r;
    r.service = ServiceId(svc.id);
    r.serviceName = svc.name;
    r.delivered = delivered;
    r.at = m_site.timeZone().isoWithOffset(unix);
    if (who.elder) {
        r.elderId = ElderId(who.elder->elderId);
        r.fullName = who.elder->name;
        r.maskedName = maskName(who.elder->name);
    }
    r.registrationStopped = who.registrationStopped;
    auto refuse = [&](Outcome o, const std::string& zh = "", const std::string& en = "") {
        r.outcome = o;
        if (o == Outcome::Unknown || o == Outcome::Invalid) {
            r.elderId = ElderId();
            r.fullName.clear();
            r.maskedName.clear();
        }
        composeMessage(r, zh, en);
        return r;
    };
    // Precedence of contract 7: invalid, unknown, revoked, closed, duplicate, ineligible.
    if (who.refusal != Outcome::Accepted) return refuse(who.refusal, who.detailZh, who.detailEn);
    // Only a scan on the terminal's own clock can be fooled by it; a time given by hand is checked by
    // whoever gave it, and kept beside the real write time.
    if (!at)
        if (auto wrong = clockProblem(m_site.db(), unix)) {
            ScanResult refused = refuse(Outcome::Closed);
            refused.message = wrong->message;
            refused.messageEn = wrong->en;
            return refused;
        }
    if (!svc.isOpenAt(when.wallTime()))
        return refuse(Outcome::Closed, svc.opens.text() + "–" + svc.closes.text(), svc.opens.text() + "-" + svc.closes.text());

    Database& db = m_site.db();
    CheckinStore checkins(db);
    std::string day = when.date.iso();
    // Invariant (6): the claim is held from before the peers are asked until the record is committed
    // (or the scan refused), so a peer asking meanwhile is told `held` or waits for the record.
    ClaimKey key{r.elderId.str(), svc.id, day};
    struct ClaimHold {
        PeerGate* gate = nullptr;
        std::int64_t claim = 0;
        ~ClaimHold() {
            if (gate) gate->release(claim);
        }
    } hold;
    auto elsewhere = [&](const std::string& where) {
        ScanResult d = refuse(Outcome::Duplicate);
        d.message += "（已在另一台机器签到）";
        d.messageEn += " (at another terminal" + (where.empty() ? std::string() : " " + where) + ")";
        return d;
    };
    if (m_peers) {
        PeerVerdict mine = m_peers->claimLocal(key);
        if (mine.duplicate) return elsewhere(mine.where);
        hold.gate = m_peers;
        hold.claim = mine.claim;
        // The common double (the same card twice here) is answered without asking anyone.
        if (checkins.counted(r.elderId, r.service, day)) return refuse(Outcome::Duplicate);
        PeerVerdict theirs = m_peers->askPeers(key);
        if (theirs.duplicate) return elsewhere(theirs.where);
    }
    Transaction tx(db);  // duplicate check and insert under one write lock (invariant 1)
    // The policy decides duplicate, ineligible or accepted (contract 7's order, written once in
    // policy_engine.cpp) on the records that exist now, read under the same write lock that records
    // this use: two terminals' processes can never both take the last of a cap.
    const PolicyService& priced = *cfg.policy.findService(svc.id);
    PolicyDecision d = decide(cfg.policy, policyUse(priced, when.date, delivered, svc.isOpenAt(when.wallTime())),
                              ElderFacts{who.elder->categories, who.elder->birth, who.elder->village},
                              policyHistory(checkins, cfg.policy, r.elderId, when.date));
    if (d.outcome == Outcome::Duplicate) return refuse(Outcome::Duplicate);
    // A claim that outlived its life while this scan stalled may have been granted to a peer since:
    // recording on it could make a double (claim_book.hpp, rule 4). Under the write lock, so no
    // grant slips in between this check and the commit.
    if (m_peers && !m_peers->stillClaimed(hold.claim, db))
        return Error{"peer.claim_expired", "这次签到等得太久，没有记录，请再刷一次",
                     "this check-in took too long and was not recorded: please scan again"};
    if (d.outcome != Outcome::Accepted) return refuse(d.outcome);
    // 代领 (contract 12): last in contract 7's order, on the uses recorded under this write lock.
    if (proxy)
        if (auto why = proxyRefusal(cfg, EatsStore(db), r.elderId, when.date, r.maskedName)) {
            ScanResult refused = refuse(Outcome::Ineligible);
            refused.message = why->message;
            refused.messageEn = why->en;
            return refused;
        }

    CheckinRecord rec;
    rec.elderId = r.elderId;
    rec.service = r.service;
    rec.serviceKind = std::string(serviceKindKey(svc.kind));
    rec.day = day;
    rec.at = r.at;
    rec.delivered = delivered;
    rec.rules = d.applied;
    if (!rec.rules.empty()) rec.rule = rec.rules.front().rule;
    rec.priceFen = d.priceFen;
    rec.shares = d.shares;
    rec.operatingFen = d.operatingFen;
    rec.categories = who.elder->categoriesText();
    rec.source = who.source;
    if (proxy) {
        rec.proxyName = proxy->name;
        rec.proxyRelation = proxy->relation;
    }
    std::string writtenAt = m_site.timeZone().isoWithOffset(m_clock.nowUnix());
    if (at) rec.enteredAt = writtenAt;
    r.recordId = checkins.insert(rec);
    r.source = who.paper ? "paper" : rec.source;
    if (!staff.empty())
        AuditLog(db).append(writtenAt, staff, "checkin.manual", "record " + std::to_string(*r.recordId),
                            r.elderId.str() + " " + svc.id + " " + day + (delivered ? " delivered" : ""));
    if (at)
        AuditLog(db).append(writtenAt, staff.empty() ? "scan --at" : staff, "checkin.backdated",
                            "record " + std::to_string(*r.recordId), r.elderId.str() + " " + svc.id + " at " + rec.at);
    if (who.paper)
        AuditLog(db).append(writtenAt, staff.empty() ? "scan --paper" : staff, kPaperEntryAction,
                            "record " + std::to_string(*r.recordId), r.elderId.str() + " " + svc.id + " at " + rec.at);
    tx.commit();
    if (m_peers) {
        hold.gate = nullptr;  // recorded() gives the claim back
        m_peers->recorded(hold.claim, *r.recordId);
    }

    r.outcome = Outcome::Accepted;
    r.rule = rec.rule;
    for (const auto& p : rec.rules) r.rules.push_back(p.rule);
    r.priceFen = rec.priceFen;
    r.shares = rec.shares;
    r.proxy = proxy;
    composeMessage(r);
    if (proxy) {
        r.message += "（" + proxy->name + "代领）";
        r.messageEn += " (collected by " + proxy->name + ")";
    }
    return r;
}

Result<CheckinRecord> CheckInEngine::voidRecord(std::int64_t recordId, const std::string& reason,
                                                const std::string& staff) {
    std::string why(trim(reason)), who(trim(staff));
    if (why.empty() || who.empty())
        return Error{"void.reason", "作废必须写明原因和经办人", "a void needs a reason and the staff member's name"};
    try {
        Database& db = m_site.db();
        CheckinStore checkins(db);
        Transaction tx(db);
        auto rec = checkins.byId(recordId);
        if (!rec)
            return Error{"void.missing", "没有编号为 " + std::to_string(recordId) + " 的签到记录",
                         "there is no check-in record " + std::to_string(recordId)};
        if (rec->voided)
            return Error{"void.already", "签到记录 " + std::to_string(recordId) + " 已经作废过了",
                         "check-in record " + std::to_string(recordId) + " is already void"};
        std::string at = m_site.timeZone().isoWithOffset(m_clock.nowUnix());
        checkins.markVoided(recordId, at, who, why);
        AuditLog(db).append(at, who, "checkin.void", "record " + std::to_string(recordId),
                            rec->elderId.str() + " " + rec->service.str() + " " + rec->day + "; " + why);
        tx.commit();
        rec->voided = true;
        return *rec;
    } catch (const StoreError& e) {
        return storeFailure(e);
    }
}

}  // namespace mh

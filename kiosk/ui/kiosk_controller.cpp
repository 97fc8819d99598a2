// Applies the kiosk's commands between frames and keeps its clock line and timers.
#include "kiosk/ui/kiosk_controller.hpp"

#include "shared/peers/doubles.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "shared/staff/staff_audit.hpp"
#include "kiosk/ui/texts.hpp"
#include "shared/checkin/service_schedule.hpp"
#include "shared/core/text.hpp"
#include "shared/staff/staff_queries.hpp"
#include "shared/store/checkin_store.hpp"
#include "shared/store/elder_store.hpp"
#include "shared/site/setup_card.hpp"
#include "shared/store/kiosk_settings.hpp"

namespace mh::ui {

PinChecker staffPinChecker(StaffPin& pin) {
    return [&pin](const std::string& digits) {
        StaffPin::Check c = pin.verify(digits);
        using K = PinAnswer::Kind;
        K kind = c.verdict == StaffPin::Verdict::Ok       ? K::Ok
                 : c.verdict == StaffPin::Verdict::Wrong  ? K::Wrong
                 : c.verdict == StaffPin::Verdict::NotSet ? K::NotSet
                 : c.lockedNow                            ? K::LockedNow
                                                          : K::Locked;
        return PinAnswer{c.sentence(), kind};
    };
}

KioskController::KioskController(Site& site, const Clock& clock, Speaker* speaker, PeerGate* peers)
    : m_site(site), m_clock(clock), m_speaker(speaker), m_engine(site, clock, peers), m_ops(site, clock) {
    m_state.siteName = site.config().name;
    m_state.showFullNames = site.config().showFullNames;
    // Masked names need only first and last characters: a few hundred glyphs for thousands of elders.
    std::set<std::string> chars;
    for (const auto& e : ElderStore(site.db()).all()) {
        if (!e.active) continue;
        for (auto& cp : splitCodePoints(m_state.showFullNames ? e.name : maskName(e.name))) chars.insert(cp);
    }
    for (const auto& svc : site.config().services)
        for (auto& cp : splitCodePoints(svc.name)) chars.insert(cp);
    for (const auto& c : chars) m_state.glyphSeed += c;
    // The volume staff last set survives a restart; delivered mode does not (kiosk_settings.hpp).
    try {
        if (auto v = KioskSettings(site.db()).getInt(KioskSettings::kVolume, 0, 100)) m_state.volume = *v;
    } catch (const StoreError&) {
        // An unreadable setting is not worth a kiosk that does not start: the default volume.
    }
    try {
        // The panel size staff picked on the settings tab, where site.toml and the panel say nothing.
        if (auto d = KioskSettings(site.db()).get(KioskSettings::kDiagonal)) {
            double v = std::strtod(d->c_str(), nullptr);
            if (v > 3 && v < 100) m_state.pickedDiagonalInch = v;
        }
    } catch (const StoreError&) {
    }
    if (m_speaker) m_speaker->setVolume(m_state.volume);
    tick();
}

CurrentService KioskController::pickService(const LocalDateTime& now) const {
    ServiceAtTime at = serviceAt(m_site.config(), now.wallTime());
    if (!at.service) return {};
    const ServiceDef& s = *at.service;
    return {s.id, s.name, s.opens.text() + "–" + s.closes.text(), at.openNow, at.tomorrow};
}

bool KioskController::tick() {
    LocalDateTime now = m_engine.now();
    bool changed = now.minute != m_state.now.minute || now.hour != m_state.now.hour || !(now.date == m_state.now.date);
    m_state.now = now;
    CurrentService svc = pickService(now);
    if (svc.id != m_state.service.id || svc.openNow != m_state.service.openNow || svc.tomorrow != m_state.service.tomorrow)
        changed = true;
    m_state.service = svc;
    if (m_state.screen == ScreenId::Result && m_clock.nowUnix() - m_state.resultShownAt >= kResultSeconds) {
        m_state.screen = ScreenId::Checkin;
        m_state.result.reset();
        changed = true;
    }
    if (auto left = staffSecondsLeft(); left && *left <= 0) {
        closeStaff("untouched for " + std::to_string(m_state.screen == ScreenId::Pin ? kPinIdleSeconds : kStaffIdleSeconds) + " s");
        changed = true;
    }
    if (m_ops.tick(m_state)) changed = true;
    return changed;
}

std::optional<std::int64_t> KioskController::staffSecondsLeft() const {
    if (m_state.screen == ScreenId::Pin) return m_lastTouch + kPinIdleSeconds - m_clock.nowUnix();
    if (m_state.screen == ScreenId::Roster) return m_lastTouch + kStaffIdleSeconds - m_clock.nowUnix();
    return std::nullopt;
}

std::int64_t KioskController::secondsToNextChange() const {
    std::int64_t toMinute = std::min<std::int64_t>(60 - m_state.now.second, m_ops.secondsToNextChange(m_state));
    if (auto left = staffSecondsLeft()) toMinute = std::max<std::int64_t>(0, std::min(toMinute, *left));
    if (m_state.screen == ScreenId::Result)
        return std::max<std::int64_t>(0, std::min(toMinute, m_state.resultShownAt + kResultSeconds - m_clock.nowUnix()));
    return toMinute;
}

void KioskController::showResult(const ScanResult& r) {
    m_state.result = r;
    m_state.resultShownAt = m_clock.nowUnix();
    m_state.screen = ScreenId::Result;
}

void KioskController::scan(const std::string& payload) {
    // County IT's setup card on the settings tab replaces the county connection (issue 14); anywhere
    // else it is no elder's card and the engine refuses it like any other.
    if (m_state.screen == ScreenId::Roster && m_state.staffTab == StaffTab::Settings && looksLikeSetupCard(payload))
        if (auto pass = staffGate()) {
            acceptSetupCard(payload, *pass);
            return;
        }
    // A card read while a staff screen is up is an elder waiting to eat: it is checked in and its
    // result shown at once (issue 12: a card at the PIN pad was silently dropped). A staff session
    // that was open ends here; staff open it again with the PIN.
    if (m_state.screen == ScreenId::Pin || m_state.screen == ScreenId::Roster) closeStaff("a card was scanned");
    tick();
    if (m_state.service.id.empty()) return;
    // In delivered-meal mode a volunteer scans the cards of elders whose meals are carried to them.
    auto r = m_engine.scan(ScanRequest{payload, m_state.service.id, std::nullopt, m_state.deliveredMode});
    if (!r) {
        // The store failed (disk full): nothing was recorded; the elder is sent to the staff.
        ScanResult fail;
        fail.outcome = Outcome::Invalid;
        fail.message = r.error().message;
        showResult(fail);
        return;
    }
    ScanResult shown = *r;
    // One unreadable card is often a shaky hand; the second in a row is a damaged card, and trying
    // again will not help: the elder is sent to the staff instead of retrying forever.
    m_unreadableInRow = shown.outcome == Outcome::Invalid ? m_unreadableInRow + 1 : 0;
    shown.repeatedFailure = shown.outcome == Outcome::Invalid && m_unreadableInRow >= 2;
    showResult(shown);
    if (m_speaker) m_speaker->sayResult(shown);
}

void KioskController::closeStaff(const std::string& why) {
    if (m_state.screen == ScreenId::Roster) audit("staff.logout", "", why);
    m_state.screen = ScreenId::Checkin;
    m_state.pinDigits.clear();
    m_state.pinMessage.clear();
    m_state.staffMessage.clear();
    m_state.voiding.reset();
    m_state.staffTab = StaffTab::Roster;
}

void KioskController::loadRoster() {
    m_state.roster.clear();
    // Records another terminal also counted while the two could not talk (contract 11): marked on
    // both rows so staff void one of them with a reason.
    std::set<std::int64_t> doubled;
    for (const FlaggedDouble& d : flaggedDoubles(m_site.db()))
        for (const DoubleRecord& r : d.records) doubled.insert(r.recordId);
    CheckinStore store(m_site.db());
    ElderStore elders(m_site.db());
    std::map<std::string, std::string> names;
    std::map<std::string, size_t> index;
    for (const auto& rec : store.forDay(m_state.now.date.iso())) {
        if (!index.count(rec.service)) {
            const ServiceDef* def = m_site.config().findService(rec.service);
            index[rec.service] = m_state.roster.size();
            m_state.roster.push_back({def ? def->name : rec.service, {}, 0});
        }
        auto& svc = m_state.roster[index[rec.service]];
        if (!names.count(rec.elderId)) {
            auto e = elders.byElderId(rec.elderId);
            names[rec.elderId] = drawable(e ? e->name : rec.elderId);
        }
        std::string time = rec.at.size() >= 16 ? rec.at.substr(11, 5) : rec.at;
        svc.rows.push_back({rec.recordId, names[rec.elderId], time, rec.delivered, rec.voided, doubled.count(rec.recordId) > 0});
        if (!rec.voided) ++svc.counted;
    }
}

void KioskController::loadStaffTab() {
    switch (m_state.staffTab) {
        case StaffTab::Roster:
            loadRoster();
            // The roster's heading warns of a donation balance running out and an upload needing staff.
            m_ops.loadUpload(m_state.ops);
            m_ops.loadDonation(m_state.ops, m_state.now.date);
            break;
        case StaffTab::Missing: {
            m_state.missing.clear();
            if (m_state.service.id.empty()) break;  // a site with no meal: nobody is "missing" from one
            for (auto& m : regularsMissing(m_site.db(), m_state.service.id, m_state.now.date))
                m_state.missing.push_back({drawable(m.name), drawable(m.village), m.phone, m.daysCame});
            break;
        }
        case StaffTab::Manual:
            m_state.surnames = surnameInitials(m_site.db());
            m_state.villages = villages(m_site.db());
            m_state.choices.clear();
            m_state.idDigits.clear();
            break;
        case StaffTab::Settings:
        case StaffTab::Donation:
            m_state.printer = effectivePostingPrinter(m_site.db(), m_site.config().postingPrinter);
            m_state.printers = m_ops.printers();
            m_ops.loadUpload(m_state.ops);
            m_ops.loadDonation(m_state.ops, m_state.now.date);
            break;
    }
}


void KioskController::audit(const std::string& action, const std::string& subject, const std::string& detail,
                            const std::function<void(Database&)>& alongside) {
    // The action itself has happened already (a login, a volume step); a log that cannot be written
    // is told to staff rather than undoing it.
    if (!auditStaffAction(m_site, m_clock, action, subject, detail, alongside))
        m_state.staffMessage = "操作日志没有写入（数据库写入失败）";
}

void KioskController::submitPin() {
    // No checker: the pad stays locked, as with no PIN set.
    PinAnswer a = m_pinChecker ? m_pinChecker(m_state.pinDigits) : PinAnswer{"还没有设置工作人员密码", PinAnswer::Kind::NotSet};
    // The digits are never logged, right or wrong: a wrong PIN is often the right one mistyped.
    m_state.pinDigits.clear();
    m_state.pinMessage = a.sentence;
    switch (a.kind) {
        case PinAnswer::Kind::Ok: audit("staff.login", "", ""); break;
        case PinAnswer::Kind::Wrong: audit("staff.login.failed", "", "wrong PIN"); break;
        case PinAnswer::Kind::LockedNow:
            audit("staff.login.locked", "", "wrong PIN; pad locked after " + std::to_string(StaffPin::kMaxFailures) + " in a row");
            break;
        case PinAnswer::Kind::Locked: audit("staff.login.refused", "", "pad locked"); break;
        case PinAnswer::Kind::NotSet: audit("staff.login.refused", "", "no staff PIN set"); break;
    }
    if (a.kind == PinAnswer::Kind::Ok) {
        m_state.staffTab = StaffTab::Roster;
        loadStaffTab();
        m_state.screen = ScreenId::Roster;
    }
}



std::optional<StaffPass> KioskController::staffGate() const {
    if (m_state.screen != ScreenId::Roster) return std::nullopt;
    return StaffPass{};
}

void KioskController::apply(const Command& c) {
    // Any tap or scan ends the idle posting view and starts the idle time again.
    m_ops.noteActivity();
    m_lastTouch = m_clock.nowUnix();
    m_state.ops.postingShown = false;
    std::visit(
        [this](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, ScanCommand>) {
                scan(cmd.payload);
            } else if constexpr (std::is_same_v<T, ReplayVoice>) {
                if (m_speaker && m_state.result) m_speaker->sayResult(*m_state.result);
                m_state.resultShownAt = m_clock.nowUnix();  // listening again: keep the screen up
            } else if constexpr (std::is_same_v<T, BackToWaiting>) {
                m_state.screen = ScreenId::Checkin;
                m_state.result.reset();
            } else if constexpr (std::is_same_v<T, OpenStaff>) {
                m_state.screen = ScreenId::Pin;
                m_state.pinDigits.clear();
                m_state.pinMessage.clear();
            } else if constexpr (std::is_same_v<T, PinDigit>) {
                if (m_state.pinDigits.size() < 12) m_state.pinDigits += cmd.digit;
                m_state.pinMessage.clear();
            } else if constexpr (std::is_same_v<T, PinBackspace>) {
                if (!m_state.pinDigits.empty()) m_state.pinDigits.pop_back();
            } else if constexpr (std::is_same_v<T, PinSubmit>) {
                submitPin();
            } else if constexpr (std::is_same_v<T, CloseStaff>) {
                closeStaff("");
            } else if constexpr (std::is_same_v<T, StaffCommand>) {
                if (auto pass = staffGate()) applyStaff(cmd, *pass);
                // else: staff commands only act behind the PIN
            }
        },
        c);
}

}  // namespace mh::ui
